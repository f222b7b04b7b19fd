/** The procurement check's pages. */
@NullMarked
package io.camaudit.intel.web;

import org.jspecify.annotations.NullMarked;
