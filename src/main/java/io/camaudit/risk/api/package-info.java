/** Risk scores as JSON. */
@NullMarked
package io.camaudit.risk.api;

import org.jspecify.annotations.NullMarked;
