/** The outbox table. */
@NullMarked
package io.camaudit.mail.persistence;

import org.jspecify.annotations.NullMarked;
