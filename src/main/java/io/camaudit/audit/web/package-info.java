/** The audit log page and API. */
@NullMarked
package io.camaudit.audit.web;

import org.jspecify.annotations.NullMarked;
