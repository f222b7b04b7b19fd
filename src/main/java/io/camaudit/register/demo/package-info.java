/** A seeded synthetic estate for demonstrations. */
@NullMarked
@NamedInterface("demo")
package io.camaudit.register.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
