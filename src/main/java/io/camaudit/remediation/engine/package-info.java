/** Remediation in plain Java: the actions and their states, and progress month by month. */
@NullMarked
@NamedInterface("engine")
package io.camaudit.remediation.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
