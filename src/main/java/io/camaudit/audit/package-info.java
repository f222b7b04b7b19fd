/** The append-only audit log of every change. */
@NullMarked
package io.camaudit.audit;

import org.jspecify.annotations.NullMarked;
