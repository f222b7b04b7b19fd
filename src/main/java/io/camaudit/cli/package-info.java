/** The command line: serve, import, export, check, intel, user. */
@NullMarked
package io.camaudit.cli;

import org.jspecify.annotations.NullMarked;
