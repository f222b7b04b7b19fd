/** The risk model in plain Java: factors as data, a device's facts in, its score and the factors that hold out. */
@NullMarked
@NamedInterface("engine")
package io.camaudit.risk.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
