/** The intel as JSON: procurement checks, resolution, policies, the bundle in use. */
@NullMarked
package io.camaudit.intel.api;

import org.jspecify.annotations.NullMarked;
