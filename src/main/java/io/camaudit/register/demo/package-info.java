/** A seeded synthetic estate for demonstrations. */
@NullMarked
package io.camaudit.register.demo;

import org.jspecify.annotations.NullMarked;
