package io.camaudit.cli;

import io.camaudit.capability.engine.AuditCredentials;
import io.camaudit.capability.engine.CapabilityAudit;
import io.camaudit.capability.engine.DeviceAudit;
import io.camaudit.capability.engine.Document;
import io.camaudit.capability.engine.Evidence;
import io.camaudit.capability.engine.Feature;
import io.camaudit.capability.engine.FeatureState;
import io.camaudit.capability.engine.Indicators;
import io.camaudit.capability.engine.Vulnerabilities;
import io.camaudit.capability.engine.VulnerabilityMatch;
import io.camaudit.discovery.engine.Fingerprints;
import io.camaudit.discovery.engine.Identifier;
import io.camaudit.discovery.engine.OnvifCredentials;
import io.camaudit.discovery.engine.Scope;
import io.camaudit.discovery.engine.ScopedNetwork;
import io.camaudit.discovery.engine.Survey;
import io.camaudit.discovery.engine.SurveySettings;
import io.camaudit.intel.Intel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** A capability audit of a network the body may survey. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Audit what each camera, recorder and video server in the scope can do and what is switched on: face"
                    + " recognition and detection, audio, number plates, thermal, PTZ, analytics, the vendor cloud link,"
                    + " Telnet, SSH, UPnP and SDK services; and which known exploited vulnerabilities its model and"
                    + " firmware match.",
            "",
            "Each address is first surveyed as `camaudit scan` does (same scope guard, same politeness); then, by what"
                    + " the device is, its own documents are read: Hikvision ISAPI capability and configuration documents,"
                    + " Dahua configuration tables, ONVIF's capabilities, media profiles and event topics, an SSDP"
                    + " M-SEARCH and TCP connects to the service ports. Only GETs and ONVIF Get operations are sent:"
                    + " nothing is set, no password is guessed, nothing is exploited. Vulnerabilities are matched by model"
                    + " and firmware version only.",
            "",
            "With --credentials, the body's read-only account is used: as an HTTP Digest answer and as ONVIF's"
                    + " WS-UsernameToken digest, never sent in clear (Basic is used only inside TLS, where a device offers"
                    + " nothing else). Without it, the audit reports what devices show anyone, and says what it could"
                    + " not read.",
            "",
            "Prints each device's matrix (or, with --json, one JSON object per device with every piece of evidence),"
                    + " then a summary. Exit code: 0 done, 2 for a bad scope or option."
        })
final class AuditCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(
            names = "--credentials",
            paramLabel = "FILE",
            description = "A file with the devices' read-only account (lines username=… and password=…); keep it"
                    + " readable by you alone. The password is never printed.")
    @Nullable
    Path credentials;

    @Option(
            names = {"-o", "--organisation"},
            paramLabel = "NAME|ID",
            description = "Audit for this body, as its Capability audits page does: within its permitted survey ranges,"
                    + " with the device accounts stored for it, its results kept beside its register and compared with"
                    + " each device's previous audit. Without --scope, its registered devices are audited. The service's"
                    + " polite defaults apply (--rate and the other network options are not used).")
    @Nullable
    String organisation;

    @Option(
            names = "--json",
            description = "One JSON object per device, with every document read and every piece of evidence")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (organisation != null) {
            return forOrganisation();
        }
        Scope parsed;
        SurveySettings settings;
        AuditCredentials account = null;
        Indicators indicators = Indicators.bundled();
        try {
            parsed = network.parsedScope();
            settings = network.settings(CapabilityAudit.ports(indicators));
            if (credentials != null) {
                OnvifCredentials read = ScanCommand.readCredentials(credentials);
                account = new AuditCredentials(read.username(), read.password());
                settings = settings.withCredentials(read);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("camaudit audit: " + e.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
            Intel intel = context.getBean(Intel.class);
            JsonMapper mapper = context.getBean(JsonMapper.class);
            Vulnerabilities vulnerabilities = Vulnerabilities.bundled();
            Identifier identifier = new Identifier(Fingerprints.bundled(), intel.resolver());
            PrintStream out = System.out;
            System.err.printf(
                    Locale.ROOT,
                    "Auditing %,d addresses (%s) with capability rules %s and intel %s, %s%n",
                    parsed.size(),
                    parsed,
                    indicators.version(),
                    intel.resolverVersion(),
                    account == null ? "without credentials" : "with the read-only account " + account.username());
            Summary summary = new Summary();
            CapabilityAudit audit = new CapabilityAudit(
                    new ScopedNetwork(parsed, settings),
                    identifier,
                    indicators,
                    vulnerabilities,
                    CapabilityAudit.Knowledge.of(account),
                    "camaudit-audit",
                    Clock.systemUTC());
            Survey.Outcome outcome = audit.run(device -> {
                summary.add(device);
                String text = json ? mapper.writeValueAsString(asJson(device)) : block(device);
                synchronized (out) {
                    out.println(text);
                }
            });
            System.err.printf(
                    Locale.ROOT,
                    "Audited %,d addresses in %.1f s: %,d devices answered. %s%n",
                    outcome.surveyed(),
                    outcome.took().toMillis() / 1000.0,
                    outcome.answered(),
                    summary);
            return 0;
        }
    }

    /** An audit run by the service for a body, waited for, then printed from what it stored. */
    private int forOrganisation() throws Exception {
        if (credentials != null) {
            System.err.println(
                    "camaudit audit: with -o the body's stored device accounts are used; give accounts on its"
                            + " Capability audits page or with POST /api/v1/organisations/{id}/device-accounts");
            return 2;
        }
        try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
            io.camaudit.shared.Viewer viewer = CliViewer.get();
            io.camaudit.register.Organisation body =
                    ImportCommand.resolve(context.getBean(io.camaudit.register.Register.class), viewer, organisation);
            io.camaudit.capability.CapabilityAudits audits =
                    context.getBean(io.camaudit.capability.CapabilityAudits.class);
            long id;
            try {
                id = network.scope.isEmpty()
                        ? audits.startRegistered(viewer, body.id())
                        : audits.start(viewer, body.id(), String.join(",", network.scope));
            } catch (io.camaudit.shared.BadInputException e) {
                System.err.println("camaudit audit: " + e.getMessage());
                return 2;
            }
            io.camaudit.capability.AuditView started = audits.audit(viewer, id);
            System.err.printf(Locale.ROOT, "Capability audit %d of %s for %s%n", id, started.scope(), body.name());
            audits.await(id, Duration.ofDays(1));
            for (io.camaudit.capability.ResultView result : audits.results(viewer, id)) {
                System.out.println(line(result));
            }
            io.camaudit.capability.AuditView done = audits.audit(viewer, id);
            System.err.printf(
                    Locale.ROOT,
                    "Audit %d %s: %,d devices answered of %,d addresses. %s%n",
                    id,
                    done.status().toLowerCase(Locale.ROOT),
                    done.answered(),
                    done.addresses(),
                    audits.summary(viewer, body.id()).sentence());
            return 0;
        }
    }

    static String line(io.camaudit.capability.ResultView result) {
        String concerns = result.detail().features().stream()
                .filter(f -> f.standing().equals("UNDECLARED")
                        || (f.standing().equals("ON") && !f.kind().equals("CAPABILITY"))
                        || f.contradictory())
                .map(f -> f.label() + ": " + f.standingLabel())
                .collect(Collectors.joining("; "));
        String vulnerabilities = result.detail().vulnerabilities().stream()
                .map(v -> v.cve() + " " + v.exposureLabel().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("; "));
        return String.format(
                Locale.ROOT,
                "%-15s %-10s %s %s%s%s%s",
                result.address(),
                result.deviceId() == null ? "(new)" : "device " + result.deviceId(),
                result.maker() == null ? "maker unknown" : result.maker(),
                result.model() == null ? "" : result.model(),
                concerns.isEmpty() ? "" : "  [" + concerns + "]",
                vulnerabilities.isEmpty() ? "" : "  [" + vulnerabilities + "]",
                result.detail().changes().isEmpty()
                        ? ""
                        : "  [since the last audit: "
                                + result.detail().changes().stream()
                                        .map(c -> c.description())
                                        .collect(Collectors.joining("; "))
                                + "]");
    }

    /** The organisation-page style summary of a run. */
    static final class Summary {
        private final AtomicLong facePresent = new AtomicLong();
        private final AtomicLong faceOn = new AtomicLong();
        private final AtomicLong faceUndeclared = new AtomicLong();
        private final AtomicLong cloud = new AtomicLong();
        private final AtomicLong services = new AtomicLong();
        private final AtomicLong vulnerable = new AtomicLong();

        void add(DeviceAudit device) {
            FeatureState recognition = device.feature(Feature.FACE_RECOGNITION);
            FeatureState detection = device.feature(Feature.FACE_DETECTION);
            if (recognition.present() == io.camaudit.capability.engine.Tristate.YES
                    || detection.present() == io.camaudit.capability.engine.Tristate.YES) {
                facePresent.incrementAndGet();
            }
            if (recognition.enabled() == io.camaudit.capability.engine.Tristate.YES
                    || detection.enabled() == io.camaudit.capability.engine.Tristate.YES) {
                faceOn.incrementAndGet();
            }
            if (recognition.standing() == FeatureState.Standing.UNDECLARED
                    || detection.standing() == FeatureState.Standing.UNDECLARED) {
                faceUndeclared.incrementAndGet();
            }
            if (device.feature(Feature.CLOUD_LINK).standing() == FeatureState.Standing.ON) {
                cloud.incrementAndGet();
            }
            if (device.features().stream()
                    .anyMatch(f -> f.feature().kind() == Feature.Kind.SERVICE
                            && f.feature() != Feature.VENDOR_SDK
                            && f.standing() == FeatureState.Standing.ON)) {
                services.incrementAndGet();
            }
            if (!device.vulnerabilities().isEmpty()) {
                vulnerable.incrementAndGet();
            }
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d with face recognition or detection present, %d switched on, %d undeclared; %d with a cloud link"
                            + " switched on; %d with Telnet, SSH or UPnP on; %d matching a known exploited"
                            + " vulnerability.",
                    facePresent.get(),
                    faceOn.get(),
                    faceUndeclared.get(),
                    cloud.get(),
                    services.get(),
                    vulnerable.get());
        }
    }

    static String block(DeviceAudit device) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%s  %s %s %s (read %s)%n",
                device.address(),
                device.makerName() == null ? "maker unknown" : device.makerName(),
                device.model() == null ? "model unknown" : device.model(),
                device.firmware() == null ? "firmware unknown" : device.firmware(),
                device.access().label()));
        Map<FeatureState.Standing, List<FeatureState>> by = new LinkedHashMap<>();
        for (FeatureState state : device.features()) {
            by.computeIfAbsent(state.standing(), s -> new ArrayList<>()).add(state);
        }
        for (FeatureState.Standing standing : FeatureState.Standing.values()) {
            List<FeatureState> states = by.get(standing);
            if (states == null || standing == FeatureState.Standing.UNKNOWN) {
                continue;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "  %-26s %s%n",
                    standing.label() + ":",
                    states.stream().map(AuditCommand::feature).collect(Collectors.joining("; "))));
        }
        List<FeatureState> unknown = by.getOrDefault(FeatureState.Standing.UNKNOWN, List.of());
        if (!unknown.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-26s %s%n",
                    "Not known:",
                    unknown.stream().map(f -> f.feature().label()).collect(Collectors.joining("; "))));
        }
        for (VulnerabilityMatch match : device.vulnerabilities()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-26s %s: %s (%s; KEV %s) <%s>%n",
                    "Known exploited:",
                    match.vulnerability().cve(),
                    match.exposure().label(),
                    match.reason(),
                    match.vulnerability().title(),
                    match.vulnerability().kevAdded(),
                    match.vulnerability().source()));
        }
        if (device.unreadable() > 0) {
            out.append(String.format(
                    Locale.ROOT, "  %-26s %d documents need credentials%n", "Not read:", device.unreadable()));
        }
        for (String problem : device.problems()) {
            out.append(String.format(Locale.ROOT, "  %-26s %s%n", "Problem:", problem));
        }
        return out.toString().stripTrailing();
    }

    private static String feature(FeatureState state) {
        String label = state.feature().label() + (state.contradictory() ? " (documents disagree)" : "");
        return state.details().isEmpty() ? label : label + " (" + String.join(", ", state.details()) + ")";
    }

    static Map<String, Object> asJson(DeviceAudit device) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", device.address());
        out.put("maker", device.makerName());
        out.put("makerId", device.maker());
        out.put("soldAs", device.soldAs());
        out.put("model", device.model());
        out.put("firmware", device.firmware());
        out.put("serial", device.serial());
        out.put("mac", device.mac());
        out.put("openPorts", List.copyOf(device.openPorts()));
        out.put("access", device.access().name());
        out.put("rules", device.rulesVersion());
        List<Map<String, Object>> features = new ArrayList<>();
        for (FeatureState state : device.features()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("feature", state.feature().name());
            f.put("present", state.present().name());
            f.put("enabled", state.enabled().name());
            f.put("declared", state.declared().name());
            f.put("standing", state.standing().name());
            f.put("contradictory", state.contradictory());
            f.put("details", state.details());
            f.put(
                    "evidence",
                    state.evidence().stream().map(AuditCommand::evidence).toList());
            features.add(f);
        }
        out.put("features", features);
        List<Map<String, Object>> vulnerabilities = new ArrayList<>();
        for (VulnerabilityMatch match : device.vulnerabilities()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("cve", match.vulnerability().cve());
            v.put("id", match.vulnerability().id());
            v.put("exposure", match.exposure().name());
            v.put("reason", match.reason());
            v.put("kevAdded", String.valueOf(match.vulnerability().kevAdded()));
            v.put("source", match.vulnerability().source());
            vulnerabilities.add(v);
        }
        out.put("vulnerabilities", vulnerabilities);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Document document : device.documents()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("request", document.request());
            d.put("status", document.status().name());
            d.put("excerpt", document.excerpt());
            d.put("at", document.at().toString());
            documents.add(d);
        }
        out.put("documents", documents);
        out.put("problems", device.problems());
        out.put("tookMs", device.took().toMillis());
        return out;
    }

    private static Map<String, Object> evidence(Evidence e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request", e.request());
        out.put("excerpt", e.excerpt());
        out.put("at", e.at().toString());
        out.put("rule", e.rule());
        out.put("source", e.source());
        return out;
    }
}
