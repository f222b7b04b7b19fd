package io.camaudit.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A queued message as its page shows it: sent, waiting, or failed and why. */
public record Posted(
        long id,
        String kind,
        String recipient,
        String subject,
        String body,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Nullable String failure) {

    public String state() {
        if (sentAt != null) {
            return "sent";
        }
        return failure == null ? "waiting to be sent" : failure;
    }
}
