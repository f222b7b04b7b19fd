/** The statement pages: the officer's preview and publishing, and the public pages, JSON and PDF. */
@NullMarked
package io.camaudit.transparency.web;

import org.jspecify.annotations.NullMarked;
