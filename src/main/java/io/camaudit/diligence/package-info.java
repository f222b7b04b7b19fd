/**
 * Supplier due diligence (issue #7): questionnaires as versioned data, requests sent to a
 * supplier's contact with a deadline, answers and evidence from a supplier account or a one-time
 * link, follow-up messages, reminders and escalation by email, the clock, reviewers' scores and
 * the outcome, and the public list of who was asked and how long they have been silent. The
 * procurement check reads the standing through the intel engine's {@code DiligenceRecords}.
 */
@NullMarked
package io.camaudit.diligence;

import org.jspecify.annotations.NullMarked;
