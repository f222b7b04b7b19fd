/** Remediation plans as JSON. */
@NullMarked
package io.camaudit.remediation.api;

import org.jspecify.annotations.NullMarked;
