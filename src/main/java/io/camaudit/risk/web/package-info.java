/** The risk pages: a body's scores by device and site; notes on device pages. */
@NullMarked
package io.camaudit.risk.web;

import org.jspecify.annotations.NullMarked;
