/** Egress monitoring as JSON. */
@NullMarked
package io.camaudit.egress.api;

import org.jspecify.annotations.NullMarked;
