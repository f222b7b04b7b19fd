/**
 * Remediation plans (issue #8): for each device the body's policy flags, an action (remove,
 * replace, isolate, block outbound traffic, disable a capability) with an owner, a target date, a
 * cost estimate and a status, every change kept, and the progress over time.
 */
@NullMarked
package io.camaudit.remediation;

import org.jspecify.annotations.NullMarked;
