package io.camaudit.capability.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The indicator rules and their version, read from {@code capability/indicators.csv} (ADR 009):
 * which document of which probe says what of which feature. The file is checked whole: known
 * columns, unique ids, known probes, features and claims, a pattern that compiles, an example
 * entry the rule must read, and a public source for every rule. Each problem names its line and
 * column. The documents the audit asks a device for are the ones these rules read.
 */
public final class Indicators {

    static final List<String> COLUMNS = List.of(
            "id",
            "probe",
            "document",
            "locator",
            "value",
            "feature",
            "claim",
            "detail",
            "example",
            "source",
            "verified",
            "note");

    /** Probes: vendor documents (ISAPI, Dahua CGI), ONVIF operations (service:Operation), and ports that answer. */
    public static final Set<String> PROBES = Set.of("isapi", "dahua", "onvif", "tcp", "udp");

    private final String version;
    private final List<Indicator> rules;

    public Indicators(String version, List<Indicator> rules) {
        this.version = version;
        this.rules = List.copyOf(rules);
    }

    public String version() {
        return version;
    }

    public List<Indicator> rules() {
        return rules;
    }

    /** The documents (paths, operations or port numbers) the rules of a probe read, in file order. */
    public List<String> documents(String probe) {
        Set<String> documents = new LinkedHashSet<>();
        for (Indicator rule : rules) {
            if (rule.probe().equals(probe)) {
                documents.add(rule.document());
            }
        }
        return List.copyOf(documents);
    }

    /** The rules that read this probe's document. */
    public List<Indicator> reading(String probe, String document) {
        return rules.stream()
                .filter(r -> r.probe().equals(probe) && r.document().equals(document))
                .toList();
    }

    public static Indicators bundled() {
        try (Reader csv = Csv.resource("capability/indicators.csv")) {
            return read(csv, Csv.version("capability/rules.properties"), "indicators.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and checks an indicator file.
     *
     * @throws RulesException naming every problem with its file, line and column
     */
    public static Indicators read(Reader reader, String version, String fileName) {
        List<String> problems = new ArrayList<>();
        List<Indicator> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Csv.Line line : Csv.read(reader, fileName, COLUMNS, problems)) {
            int before = problems.size();
            Indicator rule = rule(line, problems);
            if (rule != null && problems.size() == before) {
                if (!ids.add(rule.id())) {
                    problems.add(line.where() + ", column id: \"" + rule.id() + "\" is used twice");
                }
                rules.add(rule);
            }
        }
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(fileName + ": no rules");
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return new Indicators(version, rules);
    }

    private static @org.jspecify.annotations.Nullable Indicator rule(Csv.Line line, List<String> problems) {
        String where = line.where();
        String id = line.get("id");
        if (!id.matches("[a-z0-9][a-z0-9-]{1,60}")) {
            problems.add(where + ", column id: \"" + id + "\" is not a lower-case id of letters, digits and hyphens");
        }
        String probe = line.get("probe");
        if (!PROBES.contains(probe)) {
            problems.add(where + ", column probe: \"" + probe + "\" is not one of " + PROBES);
        }
        String document = line.get("document");
        String documentProblem = documentProblem(probe, document);
        if (documentProblem != null) {
            problems.add(where + ", column document: " + documentProblem);
        }
        String locator = line.get("locator");
        if (!locator.matches("[A-Za-z0-9_*.:-]+(/[A-Za-z0-9_*.:-]+)*(@[A-Za-z0-9_:-]+)?")) {
            problems.add(
                    where + ", column locator: \"" + locator + "\" is not a path like SmartCap/isSupportFaceDetect");
        }
        Pattern value;
        try {
            value = Pattern.compile(line.get("value").isEmpty() ? ".*" : line.get("value"), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            problems.add(where + ", column value: " + e.getDescription() + " in \"" + line.get("value") + "\"");
            return null;
        }
        Feature feature = parse(Feature.class, line, "feature", problems);
        Claim claim = parse(Claim.class, line, "claim", problems);
        String source = line.get("source");
        if (!source.startsWith("https://")) {
            problems.add(where + ", column source: every rule names the public https:// source it was written from");
        }
        String verified = line.get("verified").toLowerCase(Locale.ROOT);
        if (!verified.equals("yes") && !verified.equals("no")) {
            problems.add(where + ", column verified: \"" + verified + "\" is not yes or no");
        }
        if (feature == null || claim == null) {
            return null;
        }
        Indicator rule = new Indicator(
                id,
                probe,
                document,
                locator,
                value,
                feature,
                claim,
                line.get("detail"),
                source,
                verified.equals("yes"));
        String example = line.get("example");
        int eq = example.indexOf('=');
        Document.Entry entry = eq < 0
                ? new Document.Entry(example, "")
                : new Document.Entry(example.substring(0, eq), example.substring(eq + 1));
        if (!rule.matches(entry)) {
            problems.add(where + ", column example: the rule does not read its own example \"" + example + "\"");
        }
        return rule;
    }

    private static @org.jspecify.annotations.Nullable String documentProblem(String probe, String document) {
        switch (probe) {
            case "isapi", "dahua" -> {
                return document.startsWith("/") && document.chars().allMatch(c -> c > 0x20 && c < 0x7F)
                        ? null
                        : "\"" + document + "\" is not a request path";
            }
            case "onvif" -> {
                return ONVIF_SERVICES.containsKey(document.split(":", 2)[0]) && document.matches("[a-z]+:Get[A-Za-z]+")
                        ? null
                        : "\"" + document + "\" is not service:GetOperation with a service of "
                                + ONVIF_SERVICES.keySet();
            }
            case "tcp", "udp" -> {
                return document.matches("\\d{1,5}")
                                && Integer.parseInt(document) >= 1
                                && Integer.parseInt(document) <= 65_535
                        ? null
                        : "\"" + document + "\" is not a port number";
            }
            default -> {
                return null; // the probe's own problem is reported
            }
        }
    }

    /** The ONVIF services the audit calls, by the prefix the indicator file uses, with their namespaces. */
    public static final Map<String, String> ONVIF_SERVICES = onvifServices();

    private static Map<String, String> onvifServices() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("device", "http://www.onvif.org/ver10/device/wsdl");
        services.put("media", "http://www.onvif.org/ver10/media/wsdl");
        services.put("events", "http://www.onvif.org/ver10/events/wsdl");
        services.put("imaging", "http://www.onvif.org/ver20/imaging/wsdl");
        services.put("ptz", "http://www.onvif.org/ver20/ptz/wsdl");
        services.put("analytics", "http://www.onvif.org/ver20/analytics/wsdl");
        return java.util.Collections.unmodifiableMap(services);
    }

    private static <E extends Enum<E>> @org.jspecify.annotations.Nullable E parse(
            Class<E> type, Csv.Line line, String column, List<String> problems) {
        try {
            return Enum.valueOf(type, line.get(column).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(line.where() + ", column " + column + ": \"" + line.get(column) + "\" is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
