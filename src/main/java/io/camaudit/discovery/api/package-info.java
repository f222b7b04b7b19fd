/** Surveys as JSON. */
@NullMarked
package io.camaudit.discovery.api;

import org.jspecify.annotations.NullMarked;
