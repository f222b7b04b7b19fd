package io.camaudit.mail;

import java.time.LocalDate;

/**
 * A feature whose messages fall due with the calendar (reminders before a deadline, notices after
 * it). The outbox asks each one on every tick; dedupe keys make asking again harmless.
 */
public interface DueMail {

    void queueDue(Outbox outbox, LocalDate today);
}
