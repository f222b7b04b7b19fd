/** Transparency statements as JSON. */
@NullMarked
package io.camaudit.transparency.api;

import org.jspecify.annotations.NullMarked;
