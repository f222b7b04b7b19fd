/** The estate register: organisations, sites, camera systems, devices, with provenance. */
@NullMarked
package io.camaudit.register;

import org.jspecify.annotations.NullMarked;
