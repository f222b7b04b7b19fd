package io.camaudit.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An API token's record; the secret itself is shown once when made and never stored. */
public record ApiToken(
        long id,
        long userId,
        String name,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
