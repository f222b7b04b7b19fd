/** Importing a body's return (CSV or XLSX): preview, commit in one transaction, undo. */
@NullMarked
package io.camaudit.returns;

import org.jspecify.annotations.NullMarked;
