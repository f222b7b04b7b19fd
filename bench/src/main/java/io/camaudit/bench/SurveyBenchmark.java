package io.camaudit.bench;

import io.camaudit.discovery.engine.Fingerprints;
import io.camaudit.discovery.engine.HostReport;
import io.camaudit.discovery.engine.Identifier;
import io.camaudit.discovery.engine.Scope;
import io.camaudit.discovery.engine.ScopedNetwork;
import io.camaudit.discovery.engine.Survey;
import io.camaudit.discovery.engine.SurveySettings;
import io.camaudit.discovery.testbed.Devices;
import io.camaudit.discovery.testbed.Profile;
import io.camaudit.discovery.testbed.TestBed;
import io.camaudit.intel.engine.BundleReader;
import io.camaudit.intel.engine.MacRegistry;
import io.camaudit.intel.engine.Resolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Surveys 1,024 loopback addresses (127.90.0.0/22), a quarter of them emulated devices of every
 * kind and the rest empty, with camaudit and then with {@code nmap -sV} from Debian over the same
 * addresses and ports, and compares wall time and how many devices each names by the right
 * manufacturer (and how many by a wrong one). The targets (issue #4): at least 10 times faster than
 * nmap's version scan, at least as many right manufacturers, no wrong ones.
 *
 * <p>Run with {@code bench/run survey} (as root: the emulated devices bind ports 80 and 554).
 */
public final class SurveyBenchmark {

    /** Each emulated kind and the maker a survey should name (null: no maker can be named). */
    private record Kind(String name, Supplier<Profile> profile, String maker) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("Hikvision camera", Devices::hikvisionCamera, "Hikvision"),
            new Kind("Dahua recorder", Devices::dahuaRecorder, "Dahua"),
            new Kind("HiLook camera (Hikvision)", Devices::hilookCamera, "Hikvision"),
            new Kind("Amcrest camera (Dahua)", Devices::amcrestCamera, "Dahua"),
            new Kind("Axis camera", Devices::axisCamera, "Axis"),
            new Kind("Hanwha camera", Devices::hanwhaCamera, "Hanwha"),
            new Kind("ONVIF-only camera", Devices::onvifOnlyCamera, null),
            new Kind("printer", Devices::printer, "HP"),
            new Kind("web server", Devices::plainWebServer, null),
            new Kind("GoAhead box", Devices::bareEmbeddedServer, null));

    private static final List<String> MAKERS = List.of("Hikvision", "Dahua", "Axis", "Hanwha", "HP", "Uniview", "Bosch");

    private SurveyBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (!TestBed.canBindLowPorts()) {
            throw new IllegalStateException("run as root: the emulated devices bind ports 80 and 554 on loopback");
        }
        Map<String, Kind> placed = new LinkedHashMap<>();
        try (TestBed bed = new TestBed()) {
            for (int i = 0; i < 1024; i++) {
                if (i % 4 == 1) {
                    String address = "127.90." + (i / 256) + "." + (i % 256);
                    Kind kind = KINDS.get((i / 4) % KINDS.size());
                    bed.add(address, kind.profile().get());
                    placed.put(address, kind);
                }
            }
            Scope scope = Scope.of("127.90.0.0/22");
            List<Integer> ports = SurveySettings.CAMERA_PORTS;
            System.out.printf(Locale.ROOT, "%d emulated devices on %d addresses, ports %s%n", placed.size(), scope.size(), ports);

            // camaudit: the engine as the service runs it, with a rate and concurrency fit for loopback.
            SurveySettings settings = SurveySettings.polite()
                    .withRate(20_000)
                    .withConcurrency(256)
                    .withTimeouts(Duration.ofMillis(1_000), Duration.ofSeconds(3), Duration.ofMillis(500));
            Path ieee = Path.of("/usr/share/ieee-data");
            MacRegistry macs = Files.isDirectory(ieee) ? MacRegistry.load(ieee) : MacRegistry.empty();
            Identifier identifier = new Identifier(Fingerprints.bundled(), new Resolver(BundleReader.builtIn(), List.of(), macs));
            Map<String, String> camaudit = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            Survey.Outcome outcome = new Survey(new ScopedNetwork(scope, settings), identifier, "camaudit-bench")
                    .run(report -> camaudit.put(report.address().getHostAddress(), text(report)));
            double camauditSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "camaudit: %.1f s, %d hosts answered, %d named by maker%n", camauditSeconds,
                    outcome.answered(), outcome.identified());

            // nmap -sV from Debian over the same addresses and ports.
            Path xml = Files.createTempFile("nmap-bench", ".xml");
            List<String> command = List.of("nmap", "-sV", "-Pn", "-n", "-T4", "-p",
                    ports.stream().map(String::valueOf).collect(Collectors.joining(",")), "-oX", xml.toString(),
                    "127.90.0.0/22");
            System.out.println("running: " + String.join(" ", command));
            start = System.nanoTime();
            Process nmap = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int exit = nmap.waitFor();
            double nmapSeconds = (System.nanoTime() - start) / 1e9;
            if (exit != 0) {
                throw new IllegalStateException("nmap exited with " + exit);
            }
            Map<String, String> nmapFound = nmapServices(xml);
            System.out.printf(Locale.ROOT, "nmap -sV: %.1f s, %d hosts in its report%n", nmapSeconds, nmapFound.size());

            System.out.println();
            System.out.printf(Locale.ROOT, "%-28s %8s %12s %12s %12s %12s%n", "kind", "devices", "camaudit ok",
                    "camaudit bad", "nmap ok", "nmap bad");
            int[] totals = new int[4];
            for (Kind kind : KINDS) {
                int[] row = new int[5];
                for (var entry : placed.entrySet()) {
                    if (entry.getValue() != kind) {
                        continue;
                    }
                    row[0]++;
                    score(kind.maker(), camaudit.get(entry.getKey()), row, 1);
                    score(kind.maker(), nmapFound.get(entry.getKey()), row, 3);
                }
                System.out.printf(Locale.ROOT, "%-28s %8d %12d %12d %12d %12d%n", kind.name(), row[0], row[1], row[2], row[3],
                        row[4]);
                for (int i = 0; i < 4; i++) {
                    totals[i] += row[i + 1];
                }
            }
            System.out.printf(Locale.ROOT, "%-28s %8d %12d %12d %12d %12d%n", "all", placed.size(), totals[0], totals[1],
                    totals[2], totals[3]);
            System.out.println();
            System.out.printf(Locale.ROOT, "wall time: camaudit %.1f s, nmap -sV %.1f s: camaudit %.1f times faster"
                    + " (target: at least 10)%n", camauditSeconds, nmapSeconds, nmapSeconds / camauditSeconds);
            System.out.printf(Locale.ROOT, "right manufacturers: camaudit %d, nmap %d; wrong: camaudit %d, nmap %d%n",
                    totals[0], totals[2], totals[1], totals[3]);
        }
    }

    /** What camaudit says of a host's maker: the identification's maker, or nothing. */
    private static String text(HostReport report) {
        String maker = report.identification().maker();
        return maker == null ? "" : maker;
    }

    /** Right if the text names the expected maker; wrong if it names another (or names one where none can be). */
    private static void score(String expected, String text, int[] row, int at) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<String> named = new ArrayList<>();
        for (String maker : MAKERS) {
            if (java.util.regex.Pattern.compile("\\b" + maker + "\\b", java.util.regex.Pattern.CASE_INSENSITIVE)
                    .matcher(text)
                    .find()) {
                named.add(maker);
            }
        }
        if (expected != null && named.contains(expected)) {
            row[at]++;
        } else if (!named.isEmpty()) {
            row[at + 1]++;
        }
    }

    /** Per host, the product, version, extra information and device type of every service nmap named. */
    private static Map<String, String> nmapServices(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element root = factory.newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
        Map<String, String> hosts = new LinkedHashMap<>();
        NodeList hostNodes = root.getElementsByTagName("host");
        for (int h = 0; h < hostNodes.getLength(); h++) {
            Element host = (Element) hostNodes.item(h);
            String address = ((Element) host.getElementsByTagName("address").item(0)).getAttribute("addr");
            StringBuilder text = new StringBuilder();
            NodeList services = host.getElementsByTagName("service");
            boolean open = false;
            for (int s = 0; s < services.getLength(); s++) {
                Element service = (Element) services.item(s);
                open = true;
                for (String attribute : List.of("product", "version", "extrainfo", "devicetype", "ostype")) {
                    text.append(service.getAttribute(attribute)).append(' ');
                }
            }
            if (open) {
                hosts.put(address, text.toString().strip());
            }
        }
        return hosts;
    }
}
