/** The self-assessment pages, and the reminders on a body's page. */
@NullMarked
package io.camaudit.compliance.web;

import org.jspecify.annotations.NullMarked;
