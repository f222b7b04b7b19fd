package io.camaudit.capability;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is kept of one device's audit beyond the columns that are counted: its matrix with the
 * evidence of every reading, the vulnerabilities matched, the changes since the device's previous
 * audit, the documents read and the problems met. Stored as JSON; never holds a credential.
 */
public record ResultDetail(
        @Nullable String makerName,
        @Nullable String soldAs,
        @Nullable String serial,
        @Nullable String mac,
        List<Integer> openPorts,
        String access,
        List<FeatureRow> features,
        List<VulnerabilityRow> vulnerabilities,
        List<ChangeRow> changes,
        @Nullable Long previousAuditId,
        List<DocumentRow> documents,
        List<String> problems,
        long tookMs,
        String rulesVersion) {

    public record FeatureRow(
            String feature,
            String label,
            String kind,
            String present,
            String enabled,
            String declared,
            String standing,
            String standingLabel,
            String tag,
            boolean contradictory,
            List<String> details,
            List<EvidenceRow> evidence) {}

    public record EvidenceRow(
            String request,
            String excerpt,
            String at,
            @Nullable String rule,
            @Nullable String source) {}

    public record VulnerabilityRow(
            String id,
            String cve,
            String exposure,
            String exposureLabel,
            String reason,
            String title,
            @Nullable String kevAdded,
            String source) {}

    public record ChangeRow(String subject, String from, String to, String description, boolean worse) {}

    public record DocumentRow(String request, String status, String excerpt, String at) {}
}
