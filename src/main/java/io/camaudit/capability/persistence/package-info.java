/** The capability audit's tables: credentials (encrypted), audits, their results and schedules. */
@NullMarked
package io.camaudit.capability.persistence;

import org.jspecify.annotations.NullMarked;
