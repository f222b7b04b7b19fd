package io.camaudit.transparency;

import io.camaudit.shared.report.PdfDocument;
import java.util.List;

/** A published transparency statement as a PDF, with the same sections as its page. */
final class StatementPdf {

    private StatementPdf() {}

    static byte[] of(TransparencyStatements.Published p) {
        Statement s = p.statement();
        try (PdfDocument pdf = new PdfDocument(
                s.body() + ": surveillance camera transparency statement",
                "Version " + p.version() + ", published " + p.publishedAt())) {
            pdf.heading(s.body() + ": surveillance cameras")
                    .paragraph("Transparency statement, version " + p.version() + ", published on "
                            + p.publishedAt().toString().substring(0, 10) + " (as of " + s.asOf() + "). " + s.sector()
                            + ", " + s.region() + ". Reference data " + s.referenceData() + ".");
            pdf.heading("The cameras it operates")
                    .paragraph(PdfDocument.count(s.devices()) + " cameras and recorders in service.")
                    .table(List.of("Kind of place", "Devices"), counts(s.byPlace(), false))
                    .table(List.of("Maker", "Devices", "On a listing"), counts(s.byMaker(), true));
            Statement.Capabilities c = s.capabilities();
            pdf.heading("What they can do")
                    .paragraph(
                            c.audited() == 0
                                    ? "No device has had its capabilities audited yet."
                                    : c.audited() + " devices audited (last verified "
                                            + (c.lastVerified() == null
                                                    ? "never"
                                                    : c.lastVerified()
                                                            .toString()
                                                            .substring(0, 10))
                                            + "): face recognition or detection present on " + c.facePresent()
                                            + ", switched on on "
                                            + c.faceOn() + ", verified off on " + c.faceVerifiedOff()
                                            + "; a cloud link switched on on "
                                            + c.cloudOn() + "; Telnet, SSH or UPnP on on " + c.servicesOn() + "; "
                                            + c.vulnerable() + " matching a known exploited vulnerability.");
            Statement.Egress e = s.egress();
            pdf.heading("What they talk to")
                    .paragraph(
                            e.monitored()
                                    ? "Outbound traffic is monitored (last analysed "
                                            + (e.lastAnalysed() == null
                                                    ? "unknown"
                                                    : e.lastAnalysed()
                                                            .toString()
                                                            .substring(0, 10))
                                            + "): " + e.alerts() + " alerts, " + e.open() + " open, " + e.resolved()
                                            + " resolved."
                                    : "Outbound traffic is not monitored yet.")
                    .table(List.of("Alert", "Count"), counts(e.byRule(), false));
            pdf.heading("Suppliers' due diligence");
            if (s.diligence().isEmpty()) {
                pdf.paragraph("No supplier has been asked yet.");
            } else {
                pdf.table(
                        List.of("Supplier", "State", "Where it stands"),
                        s.diligence().stream()
                                .map(d -> List.of(d.supplier(), d.state(), d.standing()))
                                .toList());
            }
            Statement.Remediation r = s.remediation();
            pdf.heading("Remediation plan")
                    .paragraph(r.flagged() + " devices flagged by the body's procurement policy; " + r.unplanned()
                            + " with no action planned; " + r.underWay() + " actions under way (" + r.overdue()
                            + " overdue); " + r.done() + " done.")
                    .table(
                            List.of("Device", "Action", "Status", "Target date"),
                            r.actions().stream()
                                    .map(a -> List.of(
                                            a.device(),
                                            a.action(),
                                            a.status(),
                                            a.targetDate().toString()))
                                    .toList());
            if (s.codeOfPractice() != null) {
                pdf.heading("Surveillance Camera Code of Practice");
                if (s.codeOfPractice().isEmpty()) {
                    pdf.paragraph("The body has no camera systems in the register.");
                } else {
                    pdf.table(
                            List.of("Camera system", "Self-assessment", "Score", "Review by", "Open actions"),
                            s.codeOfPractice().stream()
                                    .map(cop -> List.of(
                                            cop.system(),
                                            cop.state(),
                                            cop.max() == 0 ? "" : cop.scored() + " of " + cop.max(),
                                            cop.reviewDate() == null
                                                    ? ""
                                                    : cop.reviewDate().toString(),
                                            String.valueOf(cop.openActions())))
                                    .toList());
                }
            }
            return pdf.bytes();
        }
    }

    private static List<List<String>> counts(List<Statement.Count> counts, boolean flag) {
        return counts.stream()
                .map(c -> flag
                        ? List.of(c.label(), PdfDocument.count(c.devices()), c.flagged() ? "Yes" : "No")
                        : List.of(c.label(), PdfDocument.count(c.devices())))
                .toList();
    }
}
