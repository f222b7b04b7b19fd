package io.camaudit.capability;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One device's result in one audit: the counted columns and the details. */
public record ResultView(
        long id,
        long auditId,
        @Nullable Long deviceId,
        String address,
        @Nullable String maker,
        @Nullable String model,
        @Nullable String firmware,
        int changes,
        int worseChanges,
        Instant recordedAt,
        ResultDetail detail) {

    /** Features an officer must look at: switched on without being declared, a cloud link or service on, contradictions. */
    public long concerns() {
        return detail.features().stream()
                .filter(f -> f.standing().equals("UNDECLARED")
                        || (f.standing().equals("ON") && !f.kind().equals("CAPABILITY"))
                        || f.contradictory())
                .count();
    }
}
