/**
 * The service's outgoing mail: one outbox in the database for every feature that writes to
 * people (due diligence, information-request campaigns, Code of Practice review reminders).
 * Features queue {@link io.camaudit.mail.Letter}s, and say through {@link io.camaudit.mail.DueMail}
 * what has fallen due on a day; the outbox claims each message before it sends it through the
 * administrator's SMTP server, so that a restart never sends one twice.
 */
@NullMarked
package io.camaudit.mail;

import org.jspecify.annotations.NullMarked;
