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

    NationalReview(ReviewRows rows, Intel intel) {
        this.rows = rows;
        this.intel = intel;
    }

    /** What makes a maker listed here: on a named listing, directly or through its group. */
    public record Listed(String makerId, String maker, List<String> listings) {}

    @Transactional(readOnly = true)
    public NationalPicture picture(Viewer viewer) {
        if (!viewer.seesEverything()) {
            throw new ForbiddenException("The national review is for the Commissioner's office and administrators");
        }
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
        return io.camaudit.review.engine.NationalReportPdf.of(
                picture,
                listed().stream()
                        .map(l -> l.maker() + ": " + String.join("; ", l.listings()))
                        .toList(),
                bundleVersion(),
                on);
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
