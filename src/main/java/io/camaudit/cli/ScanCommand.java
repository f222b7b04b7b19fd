package io.camaudit.cli;

import io.camaudit.discovery.engine.Claim;
import io.camaudit.discovery.engine.Fingerprints;
import io.camaudit.discovery.engine.HostReport;
import io.camaudit.discovery.engine.Identification;
import io.camaudit.discovery.engine.Identifier;
import io.camaudit.discovery.engine.OnvifCredentials;
import io.camaudit.discovery.engine.Scope;
import io.camaudit.discovery.engine.ScopedNetwork;
import io.camaudit.discovery.engine.Survey;
import io.camaudit.discovery.engine.SurveySettings;
import io.camaudit.intel.Intel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** An active survey of a network the body may survey. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Survey a network for cameras, recorders and video servers, and name the real maker of each.",
            "",
            "Only the addresses in --scope are ever sent a packet (less those in --exclude). Every request is read-only:"
                    + " TCP connects to the camera ports, HTTP(S) GETs of the page, favicon and the vendors' device"
                    + " information pages, RTSP OPTIONS and DESCRIBE, ONVIF's read-only calls, and the WS-Discovery,"
                    + " Hikvision SADP and Dahua DHIP discovery requests sent to each address that has an open port."
                    + " No password is ever guessed; ONVIF credentials are used only where --credentials gives them.",
            "",
            "Polite by default: 32 hosts at a time, 300 new connections or datagrams a second in all, 1.5 s to connect,"
                    + " 3 s for a reply, at most 256 KiB read from any reply.",
            "",
            "Prints one line per host that answered (or, with --json, one JSON object per line), then a summary."
                    + " Exit code: 0 done, 2 for a bad scope or option."
        })
final class ScanCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(
            names = "--ports",
            paramLabel = "LIST",
            split = ",",
            description = "TCP ports to try (default: 80,81,88,443,554,2020,7070,8000,8080,8443,8554,8899,34567,37777)")
    @Nullable
    List<Integer> ports;

    @Option(
            names = "--credentials",
            paramLabel = "FILE",
            description = "A file of ONVIF credentials (lines username=… and password=…), used for ONVIF's read-only"
                    + " calls only; keep it readable by you alone")
    @Nullable
    Path credentials;

    @Option(
            names = "--multicast",
            paramLabel = "LOCAL-ADDRESS",
            description = "Also send the WS-Discovery, SADP and DHIP requests once to their multicast groups from the"
                    + " interface with this local address (time to live 1, so never routed). Devices outside the scope on"
                    + " that segment receive them too; their replies are dropped and they are never contacted again.")
    @Nullable
    String multicast;

    @Option(names = "--json", description = "One JSON object per host, with every observation and claim")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Scope parsed;
        SurveySettings settings;
        try {
            parsed = network.parsedScope();
            settings = network.settings(ports == null ? SurveySettings.CAMERA_PORTS : ports);
            if (credentials != null) {
                settings = settings.withCredentials(readCredentials(credentials));
            }
            if (multicast != null) {
                multicastFrom = localAddress(multicast);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("camaudit scan: " + e.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
            Intel intel = context.getBean(Intel.class);
            JsonMapper mapper = context.getBean(JsonMapper.class);
            Fingerprints fingerprints = Fingerprints.bundled();
            Identifier identifier = new Identifier(fingerprints, intel.resolver());
            PrintStream out = System.out;
            System.err.printf(
                    Locale.ROOT,
                    "Surveying %,d addresses (%s) with fingerprint rules %s and intel %s%n",
                    parsed.size(),
                    parsed,
                    fingerprints.version(),
                    intel.resolverVersion());
            Survey survey = new Survey(new ScopedNetwork(parsed, settings), identifier, "camaudit-survey");
            if (multicast != null) {
                survey.withMulticastFrom(multicastFrom);
            }
            Survey.Outcome outcome = survey.run(report -> {
                synchronized (out) {
                    out.println(json ? mapper.writeValueAsString(asJson(report)) : line(report));
                }
            });
            System.err.printf(
                    Locale.ROOT,
                    "Surveyed %,d addresses in %.1f s: %,d answered, %,d named by maker; %,d connections and datagrams"
                            + " sent.%n",
                    outcome.surveyed(),
                    outcome.took().toMillis() / 1000.0,
                    outcome.answered(),
                    outcome.identified(),
                    outcome.packets());
            return 0;
        }
    }

    private java.net.@Nullable Inet4Address multicastFrom;

    /** An IPv4 address of one of this machine's interfaces. */
    static java.net.Inet4Address localAddress(String text) {
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(text);
            if (!(address instanceof java.net.Inet4Address local)
                    || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                    || java.net.NetworkInterface.getByInetAddress(address) == null) {
                throw new IllegalArgumentException("--multicast " + text + " is not an IPv4 address of this machine");
            }
            return local;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--multicast " + text + " is not an IPv4 address of this machine");
        }
    }

    static OnvifCredentials readCredentials(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "the credentials file " + file + " could not be read: " + e.getMessage());
        }
        String username = properties.getProperty("username");
        String password = properties.getProperty("password");
        if (username == null || password == null) {
            throw new IllegalArgumentException(
                    "the credentials file " + file + " needs a username= and a password= line");
        }
        return new OnvifCredentials(username.strip(), password);
    }

    static String line(HostReport report) {
        Identification id = report.identification();
        String ports = report.openPorts().stream().map(String::valueOf).collect(Collectors.joining(","));
        return String.format(
                Locale.ROOT,
                "%-15s %-22s %-13s %-22s %-22s %s%s  [ports %s; %d claims]",
                report.address().getHostAddress(),
                id.maker() == null ? "maker unknown" : id.maker(),
                id.kind() == null ? "kind unknown" : id.kind(),
                id.model() == null ? "-" : id.model(),
                id.firmware() == null ? "-" : id.firmware(),
                id.resolution().resolved()
                        ? id.resolution().path()
                        : (id.soldAs() == null ? "" : "Sold as " + id.soldAs()),
                id.conflicts().isEmpty() ? "" : "  CONFLICT: " + String.join("; ", id.conflicts()),
                ports,
                id.claims().size());
    }

    static Map<String, Object> asJson(HostReport report) {
        Identification id = report.identification();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", report.address().getHostAddress());
        out.put("openPorts", List.copyOf(report.openPorts()));
        out.put("maker", id.maker());
        out.put("soldAs", id.soldAs());
        out.put("path", id.resolution().path());
        out.put("model", id.model());
        out.put("firmware", id.firmware());
        out.put("serial", id.serial());
        out.put("mac", id.mac());
        out.put("kind", id.kind());
        out.put("confidence", id.confidence());
        out.put("conflicts", id.conflicts());
        out.put("fingerprints", id.rulesVersion());
        out.put("intelBundle", id.resolution().bundleVersion());
        List<Map<String, Object>> claims = new ArrayList<>();
        for (Claim claim : id.claims()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("attribute", claim.attribute());
            c.put("value", claim.value());
            c.put("confidence", claim.confidence());
            c.put("rule", claim.ruleId());
            c.put("evidence", claim.evidence());
            c.put("source", claim.source());
            claims.add(c);
        }
        out.put("claims", claims);
        out.put(
                "resolverEvidence",
                id.resolution().evidence().stream()
                        .map(e -> e.kind() + ": " + e.text())
                        .toList());
        out.put(
                "observations",
                report.observations().stream().map(Object::toString).toList());
        out.put("tookMs", report.took().toMillis());
        return out;
    }
}
