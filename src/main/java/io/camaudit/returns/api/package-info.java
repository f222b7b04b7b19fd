/** The import API. */
@NullMarked
package io.camaudit.returns.api;

import org.jspecify.annotations.NullMarked;
