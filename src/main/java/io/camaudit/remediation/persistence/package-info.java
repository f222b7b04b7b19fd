/** The remediation tables: actions and the history of their states; and a read model of flagged devices. */
@NullMarked
package io.camaudit.remediation.persistence;

import org.jspecify.annotations.NullMarked;
