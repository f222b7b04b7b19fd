/** JDBC access to the register tables, including keyset-paged search and batch writes. */
@NullMarked
package io.camaudit.register.persistence;

import org.jspecify.annotations.NullMarked;
