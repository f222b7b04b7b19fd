/** The capability audit as JSON. */
@NullMarked
package io.camaudit.capability.api;

import org.jspecify.annotations.NullMarked;
