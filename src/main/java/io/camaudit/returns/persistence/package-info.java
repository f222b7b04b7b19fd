/** JDBC access to import batches and their recorded changes. */
@NullMarked
package io.camaudit.returns.persistence;

import org.jspecify.annotations.NullMarked;
