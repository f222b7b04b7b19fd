package io.camaudit.capability;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A capability audit as a page or the API shows it. */
public record AuditView(
        long id,
        long organisationId,
        String organisationName,
        String scope,
        String status,
        long addresses,
        long surveyed,
        long answered,
        String rulesVersion,
        String startedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String failure) {

    public boolean running() {
        return status.equals("RUNNING");
    }

    public int percent() {
        return addresses == 0 ? 100 : (int) Math.min(100, surveyed * 100 / addresses);
    }
}
