package io.camaudit.egress.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The egress reference data (ADR 010): the vendor endpoints ({@code egress/endpoints.csv}) and the
 * rules ({@code egress/rules.csv}), checked whole, each problem named by file, line and column.
 */
public record EgressData(String version, List<Endpoint> endpoints, List<Rule> rules) {

    /** The analysis keeps, for each destination, which rules its country is flagged by as the bits of one long. */
    public static final int MAX_RULES = 64;

    static final List<String> ENDPOINT_COLUMNS =
            List.of("id", "service", "vendor", "kind", "names", "ports", "networks", "verified", "source", "note");
    static final List<String> RULE_COLUMNS = List.of("id", "kind", "severity", "parameter", "title", "source");

    /** Data that does not pass its checks. */
    public static final class BadDataException extends RuntimeException {
        public BadDataException(List<String> problems) {
            super(String.join("; ", problems));
        }
    }

    public static EgressData bundled() {
        try (Reader endpoints = resource("egress/endpoints.csv");
                Reader rules = resource("egress/rules.csv");
                Reader properties = resource("egress/egress.properties")) {
            Properties p = new Properties();
            p.load(properties);
            return read(endpoints, rules, p.getProperty("version", "unknown"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EgressData read(Reader endpointsCsv, Reader rulesCsv, String version) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Line line : lines(endpointsCsv, "endpoints.csv", ENDPOINT_COLUMNS, problems)) {
            String id = line.get("id");
            if (!id.matches("[a-z0-9][a-z0-9-]{1,60}") || !ids.add(id)) {
                problems.add(line.where + ", column id: \"" + id + "\" is not a new lower-case id");
            }
            String kind = line.get("kind");
            if (!List.of("CLOUD", "P2P", "RELAY", "DDNS", "UPDATE").contains(kind)) {
                problems.add(line.where + ", column kind: \"" + kind + "\" is not CLOUD, P2P, RELAY, DDNS or UPDATE");
            }
            List<String> names = split(line.get("names").toLowerCase(Locale.ROOT));
            for (String name : names) {
                if (!name.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
                    problems.add(line.where + ", column names: \"" + name + "\" is not a DNS name");
                }
            }
            List<String> ports = split(line.get("ports").toLowerCase(Locale.ROOT));
            for (String port : ports) {
                if (!port.matches("(tcp|udp)/\\d{1,5}")) {
                    problems.add(line.where + ", column ports: \"" + port + "\" is not like udp/8800");
                }
            }
            Prefixes networks = Prefixes.none();
            try {
                networks = Prefixes.parse(line.get("networks").replace('|', ','));
            } catch (IllegalArgumentException e) {
                problems.add(line.where + ", column networks: " + e.getMessage());
            }
            if (names.isEmpty() && ports.isEmpty() && networks.isEmpty()) {
                problems.add(line.where + ": an endpoint needs names, ports or networks");
            }
            String verified = line.get("verified");
            if (!verified.equals("yes") && !verified.equals("no")) {
                problems.add(line.where + ", column verified: \"" + verified + "\" is not yes or no");
            }
            if (!line.get("source").startsWith("https://")) {
                problems.add(line.where + ", column source: every endpoint names its public https:// source");
            }
            endpoints.add(new Endpoint(
                    id,
                    line.get("service"),
                    line.get("vendor"),
                    kind,
                    names,
                    ports,
                    networks,
                    verified.equals("yes"),
                    line.get("source"),
                    line.get("note")));
        }
        List<Rule> rules = new ArrayList<>();
        for (Line line : lines(rulesCsv, "rules.csv", RULE_COLUMNS, problems)) {
            Rule.Kind kind = null;
            Rule.Severity severity = null;
            try {
                kind = Rule.Kind.valueOf(line.get("kind"));
            } catch (IllegalArgumentException e) {
                problems.add(line.where + ", column kind: \"" + line.get("kind") + "\" is not one of "
                        + java.util.Arrays.toString(Rule.Kind.values()));
            }
            try {
                severity = Rule.Severity.valueOf(line.get("severity"));
            } catch (IllegalArgumentException e) {
                problems.add(
                        line.where + ", column severity: \"" + line.get("severity") + "\" is not LOW, MEDIUM or HIGH");
            }
            String parameter = line.get("parameter");
            if (kind == Rule.Kind.JURISDICTION && !parameter.matches("[A-Z]{2}(\\|[A-Z]{2})*")) {
                problems.add(line.where + ", column parameter: a jurisdiction rule names countries like CN|HK");
            }
            if (kind == Rule.Kind.VOLUME && !parameter.matches("\\d{1,15}")) {
                problems.add(line.where + ", column parameter: a volume rule names bytes an hour");
            }
            if (!line.get("source").startsWith("https://")) {
                problems.add(line.where + ", column source: every rule names its public https:// source");
            }
            if (kind != null && severity != null) {
                rules.add(new Rule(line.get("id"), kind, severity, parameter, line.get("title"), line.get("source")));
            }
        }
        if (rules.size() > MAX_RULES) {
            problems.add("rules.csv: " + rules.size() + " rules, at most " + MAX_RULES);
        }
        if (!problems.isEmpty()) {
            throw new BadDataException(problems);
        }
        return new EgressData(version, List.copyOf(endpoints), List.copyOf(rules));
    }

    private record Line(String where, CSVRecord record) {
        String get(String column) {
            return record.get(column).strip();
        }
    }

    private static List<Line> lines(Reader reader, String file, List<String> columns, List<String> problems)
            throws IOException {
        List<Line> lines = new ArrayList<>();
        CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader);
        if (!parser.getHeaderNames().equals(columns)) {
            problems.add(file + " line 1: the columns must be " + String.join(",", columns));
            return lines;
        }
        for (CSVRecord record : parser) {
            String where = file + " line " + parser.getCurrentLineNumber();
            if (!record.isConsistent()) {
                problems.add(where + ": " + record.size() + " values for " + columns.size() + " columns");
            } else {
                lines.add(new Line(where, record));
            }
        }
        return lines;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("\\|")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    private static Reader resource(String name) {
        InputStream in = EgressData.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the class path");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
