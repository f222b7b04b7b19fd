/**
 * The Surveillance Camera Code of Practice self-assessment (issue #8): each camera system assessed
 * against the twelve guiding principles from a versioned template, with evidence, a score, an
 * action plan for what is not met, a review date and reminders on the body's page.
 */
@NullMarked
package io.camaudit.compliance;

import org.jspecify.annotations.NullMarked;
