package io.camaudit.mail;

import org.jspecify.annotations.Nullable;

/**
 * A message to queue.
 *
 * @param topic the feature it belongs to, such as {@code diligence} or {@code campaign}
 * @param subjectId what it is about within that feature (a request, an assessment)
 * @param organisationId the body it concerns, if any, so that its officers may see it
 * @param kind what sort of message it is (REQUEST, REMINDER, ESCALATION…)
 * @param dedupe a key unique to this message: a second letter with the same key is not queued
 */
public record Letter(
        String topic,
        long subjectId,
        @Nullable Long organisationId,
        String kind,
        String dedupe,
        String recipient,
        String subject,
        String body) {}
