/** Web infrastructure: security, error pages, GOV.UK assets and shared form helpers. */
@NullMarked
package io.camaudit.web;

import org.jspecify.annotations.NullMarked;
