/** The command line: serve, import, export, user. */
@NullMarked
package io.camaudit.cli;

import org.jspecify.annotations.NullMarked;
