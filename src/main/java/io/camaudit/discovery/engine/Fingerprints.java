package io.camaudit.discovery.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The fingerprint rules and their version, read from {@code discovery/fingerprints.csv} and
 * {@code fingerprints.properties} (ADR 008). The file is checked whole: known columns, unique ids,
 * known probes and kinds, patterns that compile and match their own example, templates that name
 * groups the pattern has, a confidence from 0 to 1 and a source for every rule. Each problem is
 * named by line and column.
 */
public final class Fingerprints {

    static final List<String> COLUMNS = List.of(
            "id",
            "probe",
            "fields",
            "pattern",
            "maker",
            "brand",
            "model",
            "firmware",
            "serial",
            "mac",
            "kind",
            "confidence",
            "example",
            "source",
            "verified",
            "note");

    private final String version;
    private final List<Fingerprint> rules;

    public Fingerprints(String version, List<Fingerprint> rules) {
        this.version = version;
        this.rules = List.copyOf(rules);
    }

    public String version() {
        return version;
    }

    public List<Fingerprint> rules() {
        return rules;
    }

    /** The rules shipped with camaudit, from the class path. */
    public static Fingerprints bundled() {
        try (InputStream csv = resource("discovery/fingerprints.csv");
                InputStream properties = resource("discovery/fingerprints.properties")) {
            Properties version = new Properties();
            version.load(new InputStreamReader(properties, StandardCharsets.UTF_8));
            return read(
                    new InputStreamReader(csv, StandardCharsets.UTF_8),
                    version.getProperty("version", "unknown"),
                    "fingerprints.csv");
        } catch (IOException e) {
            throw new IllegalStateException("the bundled fingerprint rules could not be read", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Fingerprints.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the class path");
        }
        return in;
    }

    /**
     * Reads and checks a rules file.
     *
     * @throws FingerprintException listing every problem, each with its file, line and column
     */
    public static Fingerprints read(Reader reader, String version, String fileName) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Fingerprint> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        org.apache.commons.csv.CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader);
        List<String> header = parser.getHeaderNames();
        if (!header.equals(COLUMNS)) {
            throw new FingerprintException(List.of(fileName + " line 1: the columns must be "
                    + String.join(",", COLUMNS) + " but are " + String.join(",", header)));
        }
        // Read one record at a time, so that the parser's line number is the record's own.
        for (CSVRecord record : parser) {
            String where = fileName + " line " + parser.getCurrentLineNumber();
            if (!record.isConsistent()) {
                problems.add(where + ": " + record.size() + " values for " + COLUMNS.size() + " columns");
                continue;
            }
            int before = problems.size();
            Fingerprint rule = rule(record, where, problems);
            if (rule != null && problems.size() == before) {
                if (!ids.add(rule.id())) {
                    problems.add(where + ", column id: \"" + rule.id() + "\" is used twice");
                }
                rules.add(rule);
            }
        }
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(fileName + ": no rules");
        }
        if (!problems.isEmpty()) {
            throw new FingerprintException(problems);
        }
        return new Fingerprints(version, rules);
    }

    private static @Nullable Fingerprint rule(CSVRecord record, String where, List<String> problems) {
        String id = record.get("id").strip();
        if (!id.matches("[a-z0-9][a-z0-9-]{1,60}")) {
            problems.add(where + ", column id: \"" + id + "\" is not a lower-case id of letters, digits and hyphens");
        }
        Set<String> probes =
                new LinkedHashSet<>(Arrays.asList(record.get("probe").strip().split("\\|")));
        for (String probe : probes) {
            if (!Fingerprint.PROBES.contains(probe)) {
                problems.add(where + ", column probe: \"" + probe + "\" is not one of " + Fingerprint.PROBES);
            }
        }
        Set<String> fields =
                new LinkedHashSet<>(Arrays.asList(record.get("fields").strip().split("\\|")));
        if (fields.stream().anyMatch(f -> !f.matches("[a-z]+(\\.[A-Za-z]+)+"))) {
            problems.add(where + ", column fields: \"" + record.get("fields")
                    + "\" is not a list of fields like http.server");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(record.get("pattern"));
        } catch (PatternSyntaxException e) {
            problems.add(where + ", column pattern: " + e.getDescription() + " in \"" + record.get("pattern") + "\"");
            return null;
        }
        Matcher example = pattern.matcher(record.get("example"));
        if (!example.find()) {
            problems.add(where + ", column example: the pattern does not match its own example \""
                    + record.get("example") + "\"");
        }
        for (String column : List.of("maker", "brand", "model", "firmware", "serial", "mac")) {
            Matcher groups = Pattern.compile("\\$(\\d)").matcher(record.get(column));
            while (groups.find()) {
                if (Integer.parseInt(groups.group(1)) > pattern.matcher("").groupCount()) {
                    problems.add(where + ", column " + column + ": $" + groups.group(1)
                            + " names a group the pattern lacks");
                }
            }
        }
        String kind = blankToNull(record.get("kind"));
        if (kind != null && !Fingerprint.KINDS.contains(kind)) {
            problems.add(where + ", column kind: \"" + kind + "\" is not one of " + Fingerprint.KINDS);
        }
        double confidence;
        try {
            confidence = Double.parseDouble(record.get("confidence"));
        } catch (NumberFormatException e) {
            confidence = -1;
        }
        if (confidence < 0 || confidence > 1) {
            problems.add(
                    where + ", column confidence: \"" + record.get("confidence") + "\" is not a number from 0 to 1");
        }
        String source = record.get("source").strip();
        if (!source.startsWith("https://")) {
            problems.add(where + ", column source: every rule names the public https:// source it was written from");
        }
        String verified = record.get("verified").strip().toLowerCase(Locale.ROOT);
        if (!verified.equals("yes") && !verified.equals("no")) {
            problems.add(where + ", column verified: \"" + verified + "\" is not yes or no");
        }
        return new Fingerprint(
                id,
                probes,
                fields,
                pattern,
                blankToNull(record.get("maker")),
                blankToNull(record.get("brand")),
                blankToNull(record.get("model")),
                blankToNull(record.get("firmware")),
                blankToNull(record.get("serial")),
                blankToNull(record.get("mac")),
                kind,
                confidence,
                source,
                verified.equals("yes"),
                record.get("note").strip());
    }

    private static @Nullable String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
