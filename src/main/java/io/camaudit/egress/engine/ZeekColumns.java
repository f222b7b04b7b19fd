package io.camaudit.egress.engine;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fast reading of a tab-separated conn.log line straight from its bytes, by the column numbers
 * of its {@code #fields} header: no string, split or map per line (the general reading made all
 * three, and a parsed address, for ten million lines). It takes only the lines it reads exactly
 * as the general reading would (decimal numbers, dotted IPv4 addresses, no MAC columns set);
 * for anything else it says so, and the line goes the general way, with the same result or error.
 */
final class ZeekColumns {

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    private static final long EXACT = 1L << 53; // a long below this is a double exactly

    private final int count;
    private final int ts;
    private final int originHost;
    private final int originPort;
    private final int responderHost;
    private final int responderPort;
    private final int proto;
    private final int duration;
    private final int originBytes;
    private final int originIpBytes;
    private final int originPackets;
    private final int responderBytes;
    private final int responderIpBytes;
    private final int responderPackets;
    private final int originMac;
    private final int responderMac;
    private final byte separator;
    private final byte[] unset;
    private final int[] starts;
    private final int[] ends;

    private ZeekColumns(Map<String, Integer> columns, byte separator, byte[] unset) {
        this.count = columns.size();
        this.ts = column(columns, "ts");
        this.originHost = column(columns, "id.orig_h");
        this.originPort = column(columns, "id.orig_p");
        this.responderHost = column(columns, "id.resp_h");
        this.responderPort = column(columns, "id.resp_p");
        this.proto = column(columns, "proto");
        this.duration = column(columns, "duration");
        this.originBytes = column(columns, "orig_bytes");
        this.originIpBytes = column(columns, "orig_ip_bytes");
        this.originPackets = column(columns, "orig_pkts");
        this.responderBytes = column(columns, "resp_bytes");
        this.responderIpBytes = column(columns, "resp_ip_bytes");
        this.responderPackets = column(columns, "resp_pkts");
        this.originMac = column(columns, "orig_l2_addr");
        this.responderMac = column(columns, "resp_l2_addr");
        this.separator = separator;
        this.unset = unset;
        this.starts = new int[count];
        this.ends = new int[count];
    }

    /** The fast reading of a conn.log's header, or null where the log is not one it can read. */
    static @Nullable ZeekColumns of(
            @Nullable String path, @Nullable Map<String, Integer> columns, String separator, String unset) {
        if (!"conn".equals(path) || columns == null || separator.length() != 1 || separator.charAt(0) > 0x7F) {
            return null;
        }
        for (String needed : new String[] {"ts", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto"}) {
            if (!columns.containsKey(needed)) {
                return null;
            }
        }
        return new ZeekColumns(
                columns, (byte) separator.charAt(0), unset.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int column(Map<String, Integer> columns, String name) {
        Integer c = columns.get(name);
        return c == null ? -1 : c;
    }

    /** The values of one conn.log record, read off its line. */
    static final class Connection {
        long time;
        long duration;
        int origin;
        int responder;
        int originPort;
        int responderPort;
        int protocol;
        long originBytes;
        long originPackets;
        long responderBytes;
        long responderPackets;
    }

    /** Reads the line into {@code c}; false where the line must go the general way. */
    boolean read(byte[] b, int from, int to, Connection c) {
        int column = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            if (b[i] == separator) {
                if (column == count - 1) {
                    return false; // more values than columns: the general reading names the error
                }
                starts[column] = start;
                ends[column++] = i;
                start = i + 1;
            }
        }
        if (column != count - 1) {
            return false;
        }
        starts[column] = start;
        ends[column] = to;
        if (set(b, originMac) || set(b, responderMac)) {
            return false;
        }
        c.time = seconds(b, ts, 1000, true);
        long origin = ipv4(b, originHost);
        long responder = ipv4(b, responderHost);
        if (origin < 0 || responder < 0) {
            return false;
        }
        c.origin = (int) origin;
        c.responder = (int) responder;
        c.originPort = (int) whole(b, originPort);
        c.responderPort = (int) whole(b, responderPort);
        c.protocol = protocol(b, proto);
        c.duration = duration < 0 || !set(b, duration) ? 0 : seconds(b, duration, 1000, false);
        long ipBytes = whole(b, originIpBytes);
        c.originBytes = ipBytes > 0 ? ipBytes : whole(b, originBytes);
        c.originPackets = whole(b, originPackets);
        long responderIp = whole(b, responderIpBytes);
        c.responderBytes = responderIp > 0 ? responderIp : whole(b, responderBytes);
        c.responderPackets = whole(b, responderPackets);
        return c.time != Long.MIN_VALUE
                && c.originPort >= 0
                && c.responderPort >= 0
                && c.protocol >= 0
                && c.duration != Long.MIN_VALUE
                && c.originBytes >= 0
                && c.originPackets >= 0
                && c.responderBytes >= 0
                && c.responderPackets >= 0;
    }

    /** Whether a column exists and holds a value (not the unset mark). */
    private boolean set(byte[] b, int column) {
        if (column < 0) {
            return false;
        }
        int length = ends[column] - starts[column];
        if (length != unset.length) {
            return true;
        }
        for (int i = 0; i < length; i++) {
            if (b[starts[column] + i] != unset[i]) {
                return true;
            }
        }
        return false;
    }

    /** A whole number: 0 where the column is missing or unset, -1 where it is not plain digits. */
    private long whole(byte[] b, int column) {
        if (!set(b, column)) {
            return 0;
        }
        int s = starts[column];
        int e = ends[column];
        if (e == s || e - s > 18) {
            return -1;
        }
        long value = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /**
     * Seconds with a fraction, times {@code scale}, rounded (ts) or cut (duration) exactly as
     * {@code Math.round(Double.parseDouble(text) * scale)} would: the digits make a long below
     * 2^53 and a power of ten, both exact doubles, whose quotient is the same correctly rounded
     * double. {@link Long#MIN_VALUE} where the text is anything else.
     */
    private long seconds(byte[] b, int column, long scale, boolean round) {
        if (!set(b, column)) {
            return Long.MIN_VALUE;
        }
        int s = starts[column];
        int e = ends[column];
        long digits = 0;
        int fraction = -1;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == '.' && fraction < 0) {
                fraction = 0;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9 || digits >= EXACT / 10) {
                return Long.MIN_VALUE;
            }
            digits = digits * 10 + d;
            if (fraction >= 0) {
                fraction++;
            }
        }
        if (e == s || fraction == 0 || fraction >= POWERS.length || (fraction < 0 && e - s > 15)) {
            return Long.MIN_VALUE;
        }
        double value = fraction <= 0 ? (double) digits : (double) digits / POWERS[fraction];
        return round ? Math.round(value * scale) : (long) (value * scale);
    }

    /** A dotted IPv4 address (unsigned); -1 where it is not one (an IPv6 address goes the general way). */
    private long ipv4(byte[] b, int column) {
        int s = starts[column];
        int e = ends[column];
        int address = 0;
        int part = 0;
        int digits = 0;
        int dots = 0;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == '.') {
                if (digits == 0 || ++dots > 3) {
                    return -1;
                }
                address = (address << 8) | part;
                part = 0;
                digits = 0;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9 || ++digits > 3 || (digits > 1 && part == 0)) {
                return -1; // a leading zero is read differently by the general way's parser
            }
            part = part * 10 + d;
            if (part > 255) {
                return -1;
            }
        }
        return dots == 3 && digits > 0 ? (((long) address << 8) | part) & 0xFFFF_FFFFL : -1;
    }

    /** tcp 6, udp 17, icmp 1, anything else 0, as the general reading; -1 where unset. */
    private int protocol(byte[] b, int column) {
        if (!set(b, column)) {
            return -1;
        }
        int s = starts[column];
        int length = ends[column] - s;
        if (length == 3 && b[s] == 't' && b[s + 1] == 'c' && b[s + 2] == 'p') {
            return 6;
        }
        if (length == 3 && b[s] == 'u' && b[s + 1] == 'd' && b[s + 2] == 'p') {
            return 17;
        }
        if (length == 4 && b[s] == 'i' && b[s + 1] == 'c' && b[s + 2] == 'm' && b[s + 3] == 'p') {
            return 1;
        }
        return 0;
    }
}
