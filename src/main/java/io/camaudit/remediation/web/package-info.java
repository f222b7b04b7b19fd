/** The remediation pages: a body's plan, its progress chart and its CSV; notes on device pages. */
@NullMarked
package io.camaudit.remediation.web;

import org.jspecify.annotations.NullMarked;
