package io.camaudit.egress.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flow exports as CSV, in the columns {@code nfdump -o csv} writes ({@code ts,te,td,sa,da,sp,dp,pr,
 * …,ipkt,ibyt,…,ismc,odmc,…}); its summary lines at the end are ignored. Times are read as UTC, as
 * nfdump writes them on a machine set to UTC (nfdump writes local time). Bounded as the Zeek reader
 * is: a line at most 64 KiB, a file refused after 100 unreadable lines.
 */
public final class CsvFlows {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    /** What a file gave: flows read, lines skipped and the first problems. */
    public record Outcome(long flows, long skipped, List<String> problems) {}

    private CsvFlows() {}

    /** Whether a first line is nfdump's CSV header. */
    static boolean isHeader(String line) {
        List<String> columns = List.of(line.strip().split(","));
        return columns.contains("sa") && columns.contains("da") && columns.contains("ts");
    }

    public static Outcome read(InputStream in, String name, FlowSink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65_536);
        String header = reader.readLine();
        if (header == null || !isHeader(header)) {
            return new Outcome(0, 0, List.of(name + " line 1: not a flow export (no ts, sa and da columns)"));
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] names = header.strip().split(",");
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i], i);
        }
        long flows = 0;
        long skipped = 0;
        List<String> problems = new ArrayList<>();
        String line;
        long number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("Summary") || line.startsWith("flows,") || !Character.isDigit(line.charAt(0))) {
                break; // nfdump's summary follows the flows
            }
            try {
                if (line.length() > ZeekLog.MAX_LINE) {
                    throw new IllegalArgumentException("longer than " + ZeekLog.MAX_LINE + " characters");
                }
                sink.flow(flow(line.split(",", -1), columns, name));
                flows++;
            } catch (RuntimeException e) {
                skipped++;
                if (problems.size() < 10) {
                    problems.add(name + " line " + number + ": " + e.getMessage());
                }
                if (skipped > ZeekLog.MAX_BAD_LINES) {
                    problems.add(name + ": more than " + ZeekLog.MAX_BAD_LINES + " lines could not be read; stopped at"
                            + " line " + number);
                    break;
                }
            }
        }
        return new Outcome(flows, skipped, List.copyOf(problems));
    }

    private static Flow flow(String[] v, Map<String, Integer> c, String name) {
        if (v.length < c.size()) {
            throw new IllegalArgumentException(v.length + " values where the header names " + c.size());
        }
        long start = time(v[c.get("ts")]);
        long end = c.containsKey("te") ? time(v[c.get("te")]) : start;
        String protocol = get(v, c, "pr").strip().toUpperCase(java.util.Locale.ROOT);
        int proto = switch (protocol) {
            case "TCP" -> 6;
            case "UDP" -> 17;
            case "ICMP" -> 1;
            case "ICMP6" -> 58;
            default -> Integer.parseInt(protocol);
        };
        return new Flow(
                name,
                0,
                start,
                end,
                Ip.parse(get(v, c, "sa")),
                Ip.parse(get(v, c, "da")),
                integer(get(v, c, "sp")),
                integer(get(v, c, "dp")),
                proto,
                number(get(v, c, "ibyt")),
                number(get(v, c, "ipkt")),
                mac(c.containsKey("ismc") ? v[c.get("ismc")] : ""),
                mac(c.containsKey("odmc") ? v[c.get("odmc")] : ""),
                0);
    }

    private static String get(String[] v, Map<String, Integer> c, String column) {
        Integer i = c.get(column);
        if (i == null) {
            throw new IllegalArgumentException("no " + column + " column");
        }
        return v[i].strip();
    }

    private static long time(String text) {
        try {
            return LocalDateTime.parse(text.strip(), TIME)
                    .toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time like 2026-12-01 10:00:00");
        }
    }

    private static int integer(String text) {
        try {
            return text.isEmpty() ? 0 : (int) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a port");
        }
    }

    private static long number(String text) {
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a whole number");
        }
    }

    private static long mac(String text) {
        String t = text.strip();
        if (!t.matches("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}") || t.equals("00:00:00:00:00:00")) {
            return Flow.NO_MAC;
        }
        return Long.parseLong(t.replace(":", ""), 16);
    }
}
