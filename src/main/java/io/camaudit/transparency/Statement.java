package io.camaudit.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A body's transparency statement as published: plain data, stored as JSON and never changed, so
 * that a published version says what it said whatever the register says later.
 *
 * @param codeOfPractice each camera system's latest self-assessment; null in versions published
 *     before statements carried it
 */
public record Statement(
        long organisationId,
        String body,
        String sector,
        String region,
        LocalDate asOf,
        long devices,
        List<Count> byPlace,
        List<Count> byMaker,
        Capabilities capabilities,
        Egress egress,
        List<Diligence> diligence,
        Remediation remediation,
        @Nullable List<CodeOfPractice> codeOfPractice,
        String referenceData) {

    /** A number of in-service devices of one kind (a kind of place, or a maker and whether it is listed). */
    public record Count(String label, long devices, boolean flagged) {}

    /** What the capability audits found, and when a device was last verified. */
    public record Capabilities(
            long audited,
            long facePresent,
            long faceOn,
            long faceVerifiedOff,
            long cloudOn,
            long servicesOn,
            long vulnerable,
            @Nullable Instant lastVerified) {}

    /** Whether outbound traffic is monitored, and what was found. */
    public record Egress(
            boolean monitored,
            @Nullable Instant lastAnalysed,
            long alerts,
            long open,
            long resolved,
            List<Count> byRule) {}

    /** One supplier asked for due diligence, and where the request stands. */
    public record Diligence(String supplier, String state, String standing) {}

    /** The remediation plan, in short, with its actions. */
    public record Remediation(
            long flagged, long unplanned, long underWay, long overdue, long done, List<Action> actions) {}

    public record Action(String device, String action, String status, LocalDate targetDate) {}

    /** One camera system against the Surveillance Camera Code of Practice's twelve principles. */
    public record CodeOfPractice(
            String system,
            String state,
            int scored,
            int max,
            @Nullable LocalDate reviewDate,
            long openActions) {}
}
