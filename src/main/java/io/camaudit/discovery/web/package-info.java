/** The survey pages. */
@NullMarked
package io.camaudit.discovery.web;

import org.jspecify.annotations.NullMarked;
