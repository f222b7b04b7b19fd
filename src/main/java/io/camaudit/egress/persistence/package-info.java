/** The egress tables: a body's networks and allow-list, its alerts; and a read model of its devices. */
@NullMarked
package io.camaudit.egress.persistence;

import org.jspecify.annotations.NullMarked;
