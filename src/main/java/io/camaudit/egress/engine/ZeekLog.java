package io.camaudit.egress.engine;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * Zeek's {@code conn.log} and {@code dns.log}, in the tab-separated form (with its {@code #fields}
 * header) and the JSON-lines form, gzipped or not: each connection gives the flow its originator
 * sent and, where the responder answered, the flow back; each DNS answer gives the addresses the
 * name resolved to. A line is at most {@link #MAX_LINE} characters; a line that cannot be read is
 * named with its line number and skipped, up to {@link #MAX_BAD_LINES}, after which the file is
 * refused.
 */
public final class ZeekLog {

    static final int MAX_LINE = 64 * 1024;
    static final int MAX_BAD_LINES = 100;

    /** What a log gave: its kind (conn or dns), the records read, the lines skipped and the first problems. */
    public record Outcome(String path, long records, long skipped, List<String> problems) {}

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8)
                    .maxStringLength(MAX_LINE)
                    .build())
            .build();

    private ZeekLog() {}

    public static Outcome read(InputStream raw, String name, FlowSink sink) throws IOException {
        return read(raw, name, sink, true);
    }

    /** With {@code fastLines} false every line goes the general way: the test of the fast reading compares them. */
    static Outcome read(InputStream raw, String name, FlowSink sink, boolean fastLines) throws IOException {
        InputStream in = new java.io.BufferedInputStream(raw, 65_536);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            in = BoundedGzip.of(in);
        }
        Lines lines = new Lines(in);
        Reading reading = new Reading(name, sink);
        long lineNumber = 0;
        while (lines.next()) {
            lineNumber++;
            if (lines.tooLong) {
                reading.bad(lineNumber, "longer than " + MAX_LINE + " characters");
            } else if (!fastLines || !reading.fast(lines.buffer, lines.start, lines.end)) {
                reading.line(lineNumber, new String(lines.buffer, lines.start, lines.end - lines.start, UTF_8));
            }
            if (reading.skipped > MAX_BAD_LINES) {
                reading.problems.add(name + ": more than " + MAX_BAD_LINES
                        + " lines could not be read; stopped at line " + lineNumber);
                break;
            }
        }
        return new Outcome(
                reading.path == null ? "unknown" : reading.path,
                reading.records,
                reading.skipped,
                List.copyOf(reading.problems));
    }

    /**
     * The lines of a stream as ranges of one buffer (UTF-8 is decoded only for lines read the
     * general way), without their line ends; a line over {@link #MAX_LINE} bytes is skipped whole
     * and marked too long.
     */
    private static final class Lines {
        private final InputStream in;
        byte[] buffer = new byte[1 << 17];
        int start;
        int end;
        boolean tooLong;
        private int next;
        private int filled;
        private boolean eof;

        Lines(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            tooLong = false;
            int scan = next;
            while (true) {
                for (int i = scan; i < filled; i++) {
                    if (buffer[i] == '\n') {
                        return take(next, i, i + 1);
                    }
                }
                if (filled - next > MAX_LINE) {
                    skipRest();
                    return true;
                }
                if (eof) {
                    return next < filled && take(next, filled, filled);
                }
                scan = filled - next;
                fill();
                scan += next;
            }
        }

        private boolean take(int from, int lineEnd, int after) {
            start = from;
            end = lineEnd > from && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            next = after;
            if (end - start > MAX_LINE) {
                tooLong = true;
            }
            return true;
        }

        /** Moves what is left to the front and reads more after it. */
        private void fill() throws IOException {
            int left = filled - next;
            System.arraycopy(buffer, next, buffer, 0, left);
            next = 0;
            filled = left;
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
        }

        /** A line too long: read on to its end, keeping none of it. */
        private void skipRest() throws IOException {
            tooLong = true;
            while (true) {
                for (int i = next; i < filled; i++) {
                    if (buffer[i] == '\n') {
                        next = i + 1;
                        start = end = next;
                        return;
                    }
                }
                next = filled;
                if (eof) {
                    start = end = next;
                    return;
                }
                fill();
            }
        }
    }

    private static final class Reading {
        final String name;
        final FlowSink sink;
        final List<String> problems = new ArrayList<>();

        @Nullable
        String path;

        String separator = "\t";
        String setSeparator = ",";
        String unset = "-";
        String empty = "(empty)";

        @Nullable
        Map<String, Integer> columns;

        long records;
        long skipped;

        /** The fast reading of the current header, worked out again whenever a header line changes it. */
        private @Nullable ZeekColumns fast;

        private boolean headerChanged = true;
        private final ZeekColumns.Connection connection = new ZeekColumns.Connection();

        /** Whether the sink takes IPv4 flows by their fields (FlowSink#takesFields), asked once. */
        private final boolean fields;

        private final FlowFields flowFields = new FlowFields();

        Reading(String name, FlowSink sink) {
            this.name = name;
            this.sink = sink;
            this.fields = sink.takesFields();
        }

        void bad(long line, String why) {
            skipped++;
            if (problems.size() < 10) {
                problems.add(name + " line " + line + ": " + why);
            }
        }

        void line(long number, String text) {
            String line = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            if (line.isEmpty()) {
                return;
            }
            if (line.startsWith("#")) {
                header(line);
                return;
            }
            try {
                Map<String, Object> fields = line.startsWith("{") ? json(line) : tsv(line);
                if (fields == null) {
                    bad(number, "a record before the #fields header");
                    return;
                }
                if (record(fields)) {
                    records++;
                }
            } catch (RuntimeException e) {
                bad(number, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }

        /** Reads a conn.log data line straight from its bytes; false where it must go the general way. */
        boolean fast(byte[] b, int from, int to) {
            if (to == from || b[from] == '#' || b[from] == '{') {
                headerChanged |= to > from && b[from] == '#';
                return false;
            }
            if (headerChanged) {
                fast = ZeekColumns.of(path, columns, separator, unset);
                headerChanged = false;
            }
            ZeekColumns.Connection c = connection;
            if (fast == null || !fast.read(b, from, to, c)) {
                return false;
            }
            emit(c.origin, c.responder, c.originPort, c.responderPort, c.originBytes, c.originPackets, c);
            if (c.responderPackets > 0) {
                emit(c.responder, c.origin, c.responderPort, c.originPort, c.responderBytes, c.responderPackets, c);
            }
            records++;
            return true;
        }

        /** One direction of a connection: skipped where the sink would only count it (FlowSink#onlyCounts4). */
        private void emit(
                int source,
                int destination,
                int sourcePort,
                int destinationPort,
                long bytes,
                long packets,
                ZeekColumns.Connection c) {
            if (sink.onlyCounts4(destination)) {
                sink.counted4(source, Flow.NO_MAC);
                return;
            }
            if (fields) {
                FlowFields f = flowFields;
                f.exporter = name;
                f.start = c.time;
                f.end = c.time + c.duration;
                f.source = source;
                f.destination = destination;
                f.sourcePort = sourcePort;
                f.destinationPort = destinationPort;
                f.protocol = c.protocol;
                f.bytes = bytes;
                f.packets = packets;
                sink.flow4(f);
                return;
            }
            sink.flow(new Flow(
                    name,
                    0,
                    c.time,
                    c.time + c.duration,
                    Ip.v4(source),
                    Ip.v4(destination),
                    sourcePort,
                    destinationPort,
                    c.protocol,
                    bytes,
                    packets,
                    Flow.NO_MAC,
                    Flow.NO_MAC,
                    0));
        }

        private void header(String line) {
            if (line.startsWith("#separator ")) {
                String value = line.substring(11).strip();
                separator = value.startsWith("\\x")
                        ? String.valueOf((char) Integer.parseInt(value.substring(2), 16))
                        : value;
                return;
            }
            String[] parts = line.split(separator, -1);
            switch (parts[0]) {
                case "#set_separator" -> setSeparator = parts.length > 1 ? parts[1] : ",";
                case "#unset_field" -> unset = parts.length > 1 ? parts[1] : "-";
                case "#empty_field" -> empty = parts.length > 1 ? parts[1] : "(empty)";
                case "#path" -> path = parts.length > 1 ? parts[1] : null;
                case "#fields" -> {
                    Map<String, Integer> c = new HashMap<>();
                    for (int i = 1; i < parts.length; i++) {
                        c.put(parts[i], i - 1);
                    }
                    columns = c;
                }
                default -> {
                    // #types, #open, #close: not needed
                }
            }
        }

        private @Nullable Map<String, Object> tsv(String line) {
            if (columns == null) {
                return null;
            }
            String[] values = line.split(separator, -1);
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(
                        values.length + " values where the #fields header names " + columns.size());
            }
            Map<String, Object> fields = new HashMap<>();
            for (Map.Entry<String, Integer> column : columns.entrySet()) {
                String value = values[column.getValue()];
                if (value.equals(unset)) {
                    continue;
                }
                if (column.getKey().equals("answers") || column.getKey().equals("TTLs")) {
                    fields.put(
                            column.getKey(), value.equals(empty) ? List.of() : List.of(value.split(setSeparator, -1)));
                } else {
                    fields.put(column.getKey(), value);
                }
            }
            return fields;
        }

        private static Map<String, Object> json(String line) {
            Map<String, Object> fields = new HashMap<>();
            try (JsonParser parser = JSON.createParser(tools.jackson.core.ObjectReadContext.empty(), line)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.START_ARRAY) {
                        List<String> items = new ArrayList<>();
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            if (parser.currentToken().isStructStart()) {
                                parser.skipChildren();
                            } else {
                                items.add(parser.getString());
                            }
                        }
                        fields.put(key, items);
                    } else if (value.isStructStart()) {
                        parser.skipChildren();
                    } else if (value != JsonToken.VALUE_NULL) {
                        fields.put(key, parser.getString());
                    }
                }
            } catch (tools.jackson.core.JacksonException e) {
                throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
            }
            return fields;
        }

        /** One record; false where it is of no kind this reads. */
        private boolean record(Map<String, Object> f) {
            String kind = path;
            if (kind == null) {
                kind = f.containsKey("query") || f.containsKey("answers") ? "dns" : "conn";
            }
            long time = millis(text(f, "ts"));
            Ip origin = Ip.parse(text(f, "id.orig_h"));
            Ip responder = Ip.parse(text(f, "id.resp_h"));
            if (kind.equals("dns")) {
                Object answers = f.get("answers");
                String query = f.get("query") instanceof String q ? q : null;
                if (query == null || !(answers instanceof List<?> list)) {
                    return true; // a look-up with no answer still counts as read
                }
                List<?> ttls = f.get("TTLs") instanceof List<?> t ? t : List.of();
                for (int i = 0; i < list.size(); i++) {
                    String answer = String.valueOf(list.get(i));
                    if (answer.matches("[0-9A-Fa-f:.]{2,45}")
                            && (answer.contains(".") || answer.contains(":"))
                            && !answer.endsWith(".")) {
                        long ttl = i < ttls.size() ? (long) Double.parseDouble(String.valueOf(ttls.get(i))) : 0;
                        try {
                            sink.dns(new DnsAnswer(
                                    time, origin, query.toLowerCase(java.util.Locale.ROOT), Ip.parse(answer), ttl));
                        } catch (IllegalArgumentException e) {
                            // a CNAME or other name among the answers
                        }
                    }
                }
                return true;
            }
            if (!kind.equals("conn")) {
                return false;
            }
            int protocol = switch (text(f, "proto")) {
                case "tcp" -> 6;
                case "udp" -> 17;
                case "icmp" -> 1;
                default -> 0;
            };
            long duration = f.containsKey("duration") ? (long) (Double.parseDouble(text(f, "duration")) * 1000) : 0;
            int originPort = (int) number(f, "id.orig_p");
            int responderPort = (int) number(f, "id.resp_p");
            long originMac = mac(f.get("orig_l2_addr"));
            long responderMac = mac(f.get("resp_l2_addr"));
            sink.flow(new Flow(
                    name,
                    0,
                    time,
                    time + duration,
                    origin,
                    responder,
                    originPort,
                    responderPort,
                    protocol,
                    number(f, "orig_ip_bytes") > 0 ? number(f, "orig_ip_bytes") : number(f, "orig_bytes"),
                    number(f, "orig_pkts"),
                    originMac,
                    responderMac,
                    0));
            if (number(f, "resp_pkts") > 0) {
                sink.flow(new Flow(
                        name,
                        0,
                        time,
                        time + duration,
                        responder,
                        origin,
                        responderPort,
                        originPort,
                        protocol,
                        number(f, "resp_ip_bytes") > 0 ? number(f, "resp_ip_bytes") : number(f, "resp_bytes"),
                        number(f, "resp_pkts"),
                        responderMac,
                        originMac,
                        0));
            }
            return true;
        }

        private static String text(Map<String, Object> f, String key) {
            Object value = f.get(key);
            if (!(value instanceof String s)) {
                throw new IllegalArgumentException("no " + key);
            }
            return s;
        }

        private static long number(Map<String, Object> f, String key) {
            Object value = f.get(key);
            if (!(value instanceof String s) || s.isEmpty()) {
                return 0;
            }
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " \"" + s + "\" is not a whole number");
            }
        }

        private static long millis(String ts) {
            if (ts.contains("T")) { // JSON logs written with ISO 8601 times
                try {
                    return java.time.Instant.parse(ts).toEpochMilli();
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("ts \"" + ts + "\" is not a time");
                }
            }
            try {
                return Math.round(Double.parseDouble(ts) * 1000);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ts \"" + ts + "\" is not a time");
            }
        }

        private static long mac(@Nullable Object value) {
            if (!(value instanceof String s) || !s.matches("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}")) {
                return Flow.NO_MAC;
            }
            return Long.parseLong(s.replace(":", ""), 16);
        }
    }
}
