/** Sign-in, one's own account, and administrators' account pages. */
@NullMarked
package io.camaudit.account.web;

import org.jspecify.annotations.NullMarked;
