/** Published statements, and the counts a statement is drawn from (a read model of devices, sites and the audit log). */
@NullMarked
package io.camaudit.transparency.persistence;

import org.jspecify.annotations.NullMarked;
