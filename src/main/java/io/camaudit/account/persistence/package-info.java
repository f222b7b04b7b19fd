/** JDBC access to accounts and tokens. */
@NullMarked
package io.camaudit.account.persistence;

import org.jspecify.annotations.NullMarked;
