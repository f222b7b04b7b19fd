/** The national figures and their charts in plain Java: counts in, shares and SVG out. */
@NullMarked
@NamedInterface("engine")
package io.camaudit.review.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
