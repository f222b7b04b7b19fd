/** The import pages. */
@NullMarked
package io.camaudit.returns.web;

import org.jspecify.annotations.NullMarked;
