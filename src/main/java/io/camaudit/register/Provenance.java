package io.camaudit.register;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a fact came from and when it was recorded: "declared by jsmith", "imported from
 * returns.xlsx row 14", "discovered by scan 12".
 */
public record Provenance(ProvenanceKind kind, String source, Instant recordedAt, String recordedBy) {

    public Provenance {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }

    public static Provenance declared(String by, Instant at) {
        return new Provenance(ProvenanceKind.DECLARED, "declared by " + by, at, by);
    }

    public static Provenance imported(String fileName, long row, String by, Instant at) {
        return new Provenance(ProvenanceKind.IMPORTED, "imported from " + fileName + " row " + row, at, by);
    }

    public static Provenance discovered(long surveyId, String address, String by, Instant at) {
        return new Provenance(ProvenanceKind.DISCOVERED, "discovered by survey " + surveyId + " at " + address, at, by);
    }

    /** A one-line description for pages and exports. */
    public String describe() {
        return source;
    }
}
