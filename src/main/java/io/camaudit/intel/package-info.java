/**
 * Vendor intelligence: who really makes a device, who owns the maker, which lists name it, and
 * what a body's policy says about buying from it.
 */
@NullMarked
package io.camaudit.intel;

import org.jspecify.annotations.NullMarked;
