package io.camaudit.capability.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/**
 * What the audit found on one device: who made it and what it is (from the survey and what the
 * audit read), how it was read (with or without credentials), its capability matrix, the known
 * exploited vulnerabilities its model and firmware match, every document read with its outcome,
 * and the problems met (malformed or hostile replies), none of which stops the audit.
 */
public record DeviceAudit(
        String address,
        @Nullable String maker,
        @Nullable String makerName,
        @Nullable String soldAs,
        @Nullable String model,
        @Nullable String firmware,
        @Nullable String serial,
        @Nullable String mac,
        SortedSet<Integer> openPorts,
        Access access,
        List<FeatureState> features,
        List<VulnerabilityMatch> vulnerabilities,
        List<Document> documents,
        List<String> problems,
        Instant started,
        Duration took,
        String rulesVersion) {

    /** How the device was read. */
    public enum Access {
        WITHOUT_CREDENTIALS("without credentials"),
        WITH_CREDENTIALS("with the credentials given"),
        CREDENTIALS_REFUSED("the credentials given were refused");

        private final String label;

        Access(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public DeviceAudit {
        openPorts = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(openPorts));
        features = List.copyOf(features);
        vulnerabilities = List.copyOf(vulnerabilities);
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }

    public FeatureState feature(Feature feature) {
        return features.stream()
                .filter(f -> f.feature() == feature)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("every feature has a row"));
    }

    /** Documents the device would not show without (other) credentials: what a fuller audit would read. */
    public long unreadable() {
        return documents.stream()
                .filter(d -> d.status() == Document.Status.UNAUTHORISED)
                .count();
    }
}
