/** Accounts, roles and API tokens: who may sign in and what they may see. */
@NullMarked
package io.camaudit.account;

import org.jspecify.annotations.NullMarked;
