package io.camaudit.egress;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An egress alert as pages, the API and exports show it. */
public record AlertView(
        long id,
        long organisationId,
        long deviceId,
        String rule,
        String severity,
        String title,
        String summary,
        String destination,
        int port,
        int protocol,
        @Nullable String name,
        @Nullable String endpoint,
        @Nullable String country,
        @Nullable Long asn,
        @Nullable String asnOwner,
        String geoData,
        Instant firstSeen,
        Instant lastSeen,
        long flows,
        long bytes,
        long packets,
        List<String> evidence,
        String status,
        @Nullable String comment,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        String source) {

    public String severityTag() {
        return switch (severity) {
            case "HIGH" -> "govuk-tag--red";
            case "MEDIUM" -> "govuk-tag--orange";
            default -> "govuk-tag--yellow";
        };
    }
}
