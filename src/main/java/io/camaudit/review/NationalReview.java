package io.camaudit.review;

import io.camaudit.intel.Intel;
import io.camaudit.intel.engine.Company;
import io.camaudit.intel.engine.IntelBundle;
import io.camaudit.register.Region;
import io.camaudit.register.Sector;
import io.camaudit.review.engine.NationalPicture;
import io.camaudit.review.persistence.ReviewRows;
import io.camaudit.shared.ForbiddenException;
import io.camaudit.shared.Labelled;
import io.camaudit.shared.Viewer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national review for the Commissioner's auditors (and administrators): the picture counted
 * from the whole register, with the listings of the intel bundle in use. Officers of a body see
 * their own body, not the nation's.
 */
@Service
public class NationalReview {

    private final ReviewRows rows;
    private final Intel intel;
    private final io.camaudit.capability.CapabilityAudits capabilities;
    private final io.camaudit.diligence.Diligence diligence;

    NationalReview(
            ReviewRows rows,
            Intel intel,
            io.camaudit.capability.CapabilityAudits capabilities,
            io.camaudit.diligence.Diligence diligence) {
        this.rows = rows;
        this.intel = intel;
        this.capabilities = capabilities;
        this.diligence = diligence;
    }

    /** Due-diligence requests across every body and the Commissioner's office, by where they stand. */
    public Map<String, Long> diligenceStates(Viewer viewer) {
        requireAuditor(viewer);
        Map<String, Long> states = new java.util.TreeMap<>();
        diligence.requests(viewer).forEach(r -> states.merge(r.state(), 1L, Long::sum));
        return states;
    }

    public io.camaudit.capability.CapabilityAudits.NationalCapabilities capabilities(Viewer viewer) {
        return capabilities.national(viewer);
    }

    /** What makes a maker listed here: on a named listing, directly or through its group. */
    public record Listed(String makerId, String maker, List<String> listings) {}

    @Transactional(readOnly = true)
    public NationalPicture picture(Viewer viewer) {
        requireAuditor(viewer);
        IntelBundle bundle = intel.bundle();
        Map<String, String> names = new HashMap<>();
        bundle.companies().forEach(c -> names.put(c.id(), c.name()));
        Set<String> listed = new HashSet<>();
        listed(bundle).forEach(l -> listed.add(l.makerId()));
        NationalPicture picture = new NationalPicture(listed, names);
        rows.bodies(b -> picture.body(new NationalPicture.Body(
                b.id(), b.name(), label(Sector.class, b.sector()), label(Region.class, b.region()))));
        rows.counts(c -> picture.devices(c.organisationId(), c.maker(), c.brand(), c.devices()));
        return picture;
    }

    /** The listed makers and their listings, from the bundle in use. */
    public List<Listed> listed() {
        return listed(intel.bundle());
    }

    private static List<Listed> listed(IntelBundle bundle) {
        return bundle.companies().stream()
                .map(c -> new Listed(c.id(), c.name(), listingsOf(bundle, c)))
                .filter(l -> !l.listings().isEmpty())
                .toList();
    }

    private static List<String> listingsOf(IntelBundle bundle, Company company) {
        return bundle.entriesCovering(company).stream()
                .filter(e -> e.company() != null) // named, not only covered as a company of its country
                .map(e -> bundle.listing(e.listing()).map(l -> l.name()).orElse(e.listing()))
                .distinct()
                .sorted()
                .toList();
    }

    /** The national review as a PDF report, as its page shows it. */
    @Transactional(readOnly = true)
    public byte[] pdf(Viewer viewer, java.time.LocalDate on) {
        NationalPicture picture = picture(viewer);
        List<io.camaudit.review.engine.NationalReportPdf.Section> more = new java.util.ArrayList<>();
        io.camaudit.capability.CapabilitySummary c = capabilities(viewer).devices();
        more.add(new io.camaudit.review.engine.NationalReportPdf.Section(
                "Capabilities",
                capabilities(viewer).bodies() == 0
                        ? "No body's cameras have had their capabilities audited yet."
                        : c.devices() + " devices audited in "
                                + capabilities(viewer).bodies() + " bodies: face"
                                + " recognition or detection present on " + c.facePresent() + ", switched on on "
                                + c.faceOn() + ", not declared on " + c.faceUndeclared() + "; a capability switched on"
                                + " and not declared on " + c.undeclared() + "; a cloud link switched on on "
                                + c.cloudOn() + "; Telnet, SSH or UPnP on on " + c.servicesOn() + "; "
                                + c.vulnerable() + " matching a known exploited vulnerability.",
                List.of(),
                0,
                List.of(),
                List.of()));
        List<AlertFigure> alerts = egress(viewer);
        more.add(new io.camaudit.review.engine.NationalReportPdf.Section(
                "Outbound traffic",
                alerts.isEmpty()
                        ? "No body has reported outbound traffic alerts yet."
                        : "Alerts raised from the bodies' network records, by rule.",
                List.of(),
                0,
                List.of("Rule", "Open", "Acknowledged", "Resolved", "Bodies"),
                alerts.stream()
                        .map(a -> List.of(
                                a.rule(),
                                String.valueOf(a.open()),
                                String.valueOf(a.acknowledged()),
                                String.valueOf(a.resolved()),
                                String.valueOf(a.bodies())))
                        .toList()));
        List<io.camaudit.remediation.engine.Progress.Month> months = remediation(viewer);
        more.add(new io.camaudit.review.engine.NationalReportPdf.Section(
                "Remediation progress",
                months.isEmpty()
                        ? "No body has planned remediation yet."
                        : "At the end of each month, across every body: the actions planned by then, and those done.",
                io.camaudit.remediation.engine.Progress.bars(months),
                100,
                List.of("Month", "Actions planned", "Done"),
                months.stream()
                        .map(m -> List.of(m.month().toString(), String.valueOf(m.planned()), String.valueOf(m.done())))
                        .toList()));
        Map<String, Long> states = diligenceStates(viewer);
        more.add(new io.camaudit.review.engine.NationalReportPdf.Section(
                "Suppliers' due diligence",
                states.isEmpty() ? "No supplier has been asked yet." : "Requests by where they stand.",
                List.of(),
                0,
                List.of("State", "Requests"),
                states.entrySet().stream()
                        .map(e -> List.of(e.getKey(), String.valueOf(e.getValue())))
                        .toList()));
        return io.camaudit.review.engine.NationalReportPdf.of(
                picture,
                listed().stream()
                        .map(l -> l.maker() + ": " + String.join("; ", l.listings()))
                        .toList(),
                bundleVersion(),
                on,
                more);
    }

    /** Outbound traffic alerts across every body: by rule, how many alerts in each state, in how many bodies. */
    public record AlertFigure(String rule, long open, long acknowledged, long resolved, long bodies) {}

    public List<AlertFigure> egress(Viewer viewer) {
        requireAuditor(viewer);
        Map<String, long[]> byRule = new java.util.TreeMap<>();
        for (ReviewRows.AlertCount c : rows.egressAlerts()) {
            long[] f = byRule.computeIfAbsent(c.title(), t -> new long[4]);
            switch (c.status()) {
                case "OPEN" -> f[0] += c.alerts();
                case "ACKNOWLEDGED" -> f[1] += c.alerts();
                default -> f[2] += c.alerts();
            }
            f[3] = Math.max(f[3], c.bodies());
        }
        List<AlertFigure> out = new java.util.ArrayList<>();
        byRule.forEach((rule, f) -> out.add(new AlertFigure(rule, f[0], f[1], f[2], f[3])));
        return out;
    }

    /** Remediation across every body, month by month: actions planned by then, and done. */
    public List<io.camaudit.remediation.engine.Progress.Month> remediation(Viewer viewer) {
        requireAuditor(viewer);
        return io.camaudit.remediation.engine.Progress.of(
                rows.remediationChanges().stream()
                        .map(c -> new io.camaudit.remediation.engine.Progress.Change(
                                c.action(), c.on(), io.camaudit.remediation.engine.ActionStatus.valueOf(c.status())))
                        .toList(),
                java.time.LocalDate.now());
    }

    private static void requireAuditor(Viewer viewer) {
        if (!viewer.seesEverything()) {
            throw new ForbiddenException("The national review is for the Commissioner's office and administrators");
        }
    }

    public String bundleVersion() {
        return intel.bundle().version().toString();
    }

    private static <E extends Enum<E> & Labelled> String label(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
