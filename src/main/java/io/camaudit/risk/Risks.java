package io.camaudit.risk;

import io.camaudit.capability.CapabilityAudits;
import io.camaudit.capability.ResultDetail;
import io.camaudit.capability.ResultView;
import io.camaudit.egress.AlertView;
import io.camaudit.egress.EgressMonitor;
import io.camaudit.intel.Flag;
import io.camaudit.intel.Policies;
import io.camaudit.intel.engine.Verdict;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.review.NationalReview;
import io.camaudit.risk.engine.RiskModel;
import io.camaudit.risk.persistence.RiskRows;
import io.camaudit.shared.Viewer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Risk scores of a body's in-service devices, its sites and itself, from what camaudit knows of
 * each device: its maker's listings, the body's policy where the device is, the kind of place, the
 * capabilities its latest audit found switched on, known exploited vulnerabilities, and outbound
 * traffic alerts not yet resolved. A site's and a body's score is their riskiest device's, with the
 * count of devices in each band.
 */
@Service
public class Risks {

    private final RiskRows rows;
    private final RiskModel model = RiskModel.bundled();
    private final Register register;
    private final Policies policies;
    private final NationalReview review;
    private final CapabilityAudits capabilities;
    private final EgressMonitor egress;

    Risks(
            RiskRows rows,
            Register register,
            Policies policies,
            NationalReview review,
            CapabilityAudits capabilities,
            EgressMonitor egress) {
        this.rows = rows;
        this.register = register;
        this.policies = policies;
        this.review = review;
        this.capabilities = capabilities;
        this.egress = egress;
    }

    public record DeviceRisk(long deviceId, String device, String site, RiskModel.Score score) {}

    public record GroupRisk(
            String name, @Nullable Long siteId, int score, RiskModel.Band band, Map<RiskModel.Band, Long> devices) {}

    public record BodyRisk(
            Organisation organisation,
            GroupRisk body,
            List<GroupRisk> sites,
            List<DeviceRisk> devices,
            List<RiskModel.Factor> factors) {}

    public BodyRisk of(Viewer viewer, long organisationId) {
        return of(viewer, organisationId, null);
    }

    /** One device's score (for its page): the body's context, and only this device's audit read. */
    public Optional<DeviceRisk> ofDevice(Viewer viewer, long organisationId, long deviceId) {
        return of(viewer, organisationId, deviceId).devices().stream().findFirst();
    }

    private BodyRisk of(Viewer viewer, long organisationId, @Nullable Long only) {
        Organisation organisation = register.organisation(viewer, organisationId);
        Set<String> listed =
                review.listed().stream().map(NationalReview.Listed::makerId).collect(Collectors.toSet());
        Map<String, String> listings = new HashMap<>();
        review.listed().forEach(l -> listings.put(l.makerId(), l.maker() + ": " + String.join("; ", l.listings())));
        Map<String, Flag> flags = new HashMap<>();
        for (Flag f : policies.flags(viewer, organisationId).flags()) {
            flags.put(f.siteId() + "|" + f.maker(), f);
        }
        Map<Long, List<AlertView>> alerts = egress.alerts(viewer, organisationId, null).stream()
                .filter(a -> !a.status().equals("RESOLVED"))
                .collect(Collectors.groupingBy(AlertView::deviceId));
        // One read of every device's latest audit for the body's page; the device's own for its page.
        Map<Long, ResultView> audited = only == null
                ? capabilities.latestByDevice(viewer, organisationId)
                : capabilities
                        .latestForDevice(viewer, organisationId, only)
                        .map(r -> Map.of(only, r))
                        .orElse(Map.of());
        List<DeviceRisk> devices = new ArrayList<>();
        for (RiskRows.DeviceRow d : rows.devices(organisationId, only)) {
            Map<String, String> holding = new LinkedHashMap<>();
            if (d.maker() != null && listed.contains(d.maker())) {
                holding.put("maker-listed", listings.get(d.maker()));
            }
            Flag flag = flags.get(d.siteId() + "|" + d.maker());
            if (flag != null && flag.verdict() == Verdict.INELIGIBLE) {
                holding.put("policy-ineligible", policyEvidence(flag));
            } else if (flag != null && flag.verdict() == Verdict.CONDITIONAL) {
                holding.put("policy-conditional", policyEvidence(flag));
            }
            if (d.sensitive()) {
                holding.put("site-sensitive", (d.site() == null ? "The site" : d.site()) + " is marked sensitive");
            }
            if ("SCHOOL".equals(d.siteKind()) || "HOSPITAL".equals(d.siteKind())) {
                holding.put("site-school", d.site() + " is a " + d.siteKind().toLowerCase(java.util.Locale.ROOT));
            }
            ResultView result = audited.get(d.id());
            if (result != null) {
                capabilities(result, holding);
            }
            List<AlertView> open = alerts.getOrDefault(d.id(), List.of());
            if (!open.isEmpty()) {
                holding.put(
                        "egress-open",
                        open.size() + " alerts not resolved, first: "
                                + open.get(0).title());
                open.stream()
                        .filter(a -> a.severity().equals("HIGH"))
                        .findFirst()
                        .ifPresent(a -> holding.put("egress-high", a.title() + ": " + a.summary()));
            }
            String what = ((d.manufacturer() == null ? "" : d.manufacturer()) + " "
                            + (d.model() == null ? "" : d.model()))
                    .strip();
            devices.add(new DeviceRisk(
                    d.id(),
                    "Device " + d.id() + (what.isEmpty() ? "" : " (" + what + ")"),
                    d.site() == null ? "No site" : d.site(),
                    model.score(holding)));
        }
        devices.sort(Comparator.comparingInt((DeviceRisk r) -> r.score().score())
                .reversed()
                .thenComparing(DeviceRisk::deviceId));
        Map<String, List<DeviceRisk>> bySite = new LinkedHashMap<>();
        devices.forEach(
                r -> bySite.computeIfAbsent(r.site(), s -> new ArrayList<>()).add(r));
        List<GroupRisk> sites = new ArrayList<>();
        bySite.forEach((site, list) -> sites.add(group(site, list)));
        sites.sort(Comparator.comparingInt(GroupRisk::score).reversed().thenComparing(GroupRisk::name));
        return new BodyRisk(organisation, group(organisation.name(), devices), sites, devices, model.factors());
    }

    private static String policyEvidence(Flag flag) {
        return flag.verdict().label() + " at " + flag.siteName()
                + (flag.reasons().isEmpty() ? "" : ": " + flag.reasons().get(0).text());
    }

    /** The factors the device's latest capability audit shows. */
    private static void capabilities(ResultView result, Map<String, String> holding) {
        String when = "audited " + result.recordedAt().toString().substring(0, 10);
        for (ResultDetail.FeatureRow f : result.detail().features()) {
            boolean on = f.enabled().equals("YES");
            switch (f.feature()) {
                case "FACE_RECOGNITION", "FACE_DETECTION" -> {
                    if (on) {
                        holding.put("face-on", f.label() + " switched on (" + when + ")");
                    } else if (f.present().equals("YES")) {
                        holding.putIfAbsent("face-present", f.label() + " present (" + when + ")");
                    }
                }
                case "AUDIO" -> {
                    if (on) {
                        holding.put("audio-on", "Audio switched on (" + when + ")");
                    }
                }
                case "CLOUD_LINK" -> {
                    if (on) {
                        holding.put("cloud-on", f.label() + " switched on (" + when + ")");
                    }
                }
                case "TELNET", "SSH", "UPNP" -> {
                    if (on) {
                        holding.merge("services-on", f.label() + " on (" + when + ")", (a, b) -> a + "; " + b);
                    }
                }
                default -> {
                    // other features weigh nothing in the model
                }
            }
        }
        if (holding.containsKey("face-on")) {
            holding.remove("face-present");
        }
        result.detail().vulnerabilities().stream()
                .filter(v -> v.exposure().equals("AFFECTED") || v.exposure().equals("LIKELY"))
                .findFirst()
                .ifPresent(v -> holding.put("known-exploited", v.cve() + " (" + v.exposureLabel() + "): " + v.title()));
    }

    private static GroupRisk group(String name, List<DeviceRisk> devices) {
        Map<RiskModel.Band, Long> bands = new LinkedHashMap<>();
        for (RiskModel.Band b : RiskModel.Band.values()) {
            bands.put(b, 0L);
        }
        devices.forEach(d -> bands.merge(d.score().band(), 1L, Long::sum));
        DeviceRisk worst = devices.stream()
                .max(Comparator.comparingInt(d -> d.score().score()))
                .orElse(null);
        return new GroupRisk(
                name,
                null,
                worst == null ? 0 : worst.score().score(),
                worst == null ? RiskModel.Band.NONE : worst.score().band(),
                bands);
    }
}
