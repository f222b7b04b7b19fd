package io.camaudit.egress.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes NetFlow v5, NetFlow v9 (RFC 3954) and IPFIX (RFC 7011) messages into {@link Flow}s,
 * keeping the templates each exporter and observation domain announced (replaced when announced
 * again, dropped when IPFIX withdraws them). Bounded whatever the input: at most {@link
 * #MAX_TEMPLATES} templates, {@link #MAX_FIELDS} fields a template, and every length is checked
 * against the bytes really there, so a message that lies about its lengths is refused at the byte
 * where the lie is found and the records before it are kept. Not thread-safe: one per collector or
 * file.
 */
public final class FlowDecoder {

    static final int MAX_TEMPLATES = 8_192;
    static final int MAX_FIELDS = 512;

    /** How one message went: flows decoded, data records skipped for want of a template, and why if it stopped early. */
    public record Outcome(
            int flows,
            int withoutTemplate,
            int templates,
            @org.jspecify.annotations.Nullable String problem) {
        public boolean complete() {
            return problem == null;
        }
    }

    private record Key(String exporter, long domain, int template) {}

    private final Map<Key, Template> templates = new HashMap<>();
    /** When each template was last announced (by this machine's clock), for expiry. */
    private final Map<Key, long[]> announced = new HashMap<>();

    private final IpCache addresses = new IpCache();

    private final java.util.function.LongSupplier now;

    public FlowDecoder() {
        this(System::currentTimeMillis);
    }

    /** With the clock templates are timed by (tests give their own). */
    public FlowDecoder(java.util.function.LongSupplier now) {
        this.now = now;
    }

    /**
     * Forgets the templates not announced again within the lifetime: exporters over UDP resend
     * their templates periodically and never withdraw them (RFC 7011 8.4, RFC 3954 5.2), so one
     * that stopped or changed leaves its old templates behind. Returns how many were forgotten.
     */
    public int expireTemplates(long lifetimeMillis) {
        long cutoff = now.getAsLong() - lifetimeMillis;
        int before = templates.size();
        announced.entrySet().removeIf(e -> {
            boolean old = e.getValue()[0] < cutoff;
            if (old) {
                templates.remove(e.getKey());
            }
            return old;
        });
        return before - templates.size();
    }

    public int templateCount() {
        return templates.size();
    }

    /** Decodes one message (a datagram, or one message of an IPFIX file) starting at {@code offset} of the buffer. */
    /**
     * Decodes one message into a sink, which may say which IPv4 flows it would only count ({@link
     * FlowSink#onlyCounts4}): those are counted into it without a flow being made.
     */
    public Outcome decode(ByteBuffer message, String exporter, long fileOffset, FlowSink out) {
        Counter counter = new Counter();
        try {
            if (message.remaining() < 2) {
                throw new FlowFormatException("a message shorter than its version number", fileOffset);
            }
            int version = message.getShort(message.position()) & 0xFFFF;
            switch (version) {
                case 5 -> v5(message, exporter, fileOffset, out, counter);
                case 9 -> v9(message, exporter, fileOffset, out, counter);
                case 10 -> ipfix(message, exporter, fileOffset, out, counter);
                default ->
                    throw new FlowFormatException(
                            "version " + version + " is not NetFlow v5, NetFlow v9 or IPFIX", fileOffset);
            }
            return new Outcome(counter.flows, counter.withoutTemplate, counter.templates, null);
        } catch (FlowFormatException e) {
            return new Outcome(counter.flows, counter.withoutTemplate, counter.templates, e.getMessage());
        }
    }

    private static final class Counter {
        int flows;
        int withoutTemplate;
        int templates;
    }

    // -- NetFlow v5 ------------------------------------------------------------------------------

    private static final int V5_HEADER = 24;
    private static final int V5_RECORD = 48;

    private static void v5(ByteBuffer m, String exporter, long at, FlowSink out, Counter counter)
            throws FlowFormatException {
        int base = m.position();
        need(m, base, V5_HEADER, "a NetFlow v5 header", at);
        int count = m.getShort(base + 2) & 0xFFFF;
        long uptime = m.getInt(base + 4) & 0xFFFF_FFFFL;
        long seconds = m.getInt(base + 8) & 0xFFFF_FFFFL;
        long nanos = m.getInt(base + 12) & 0xFFFF_FFFFL;
        long now = seconds * 1000 + nanos / 1_000_000;
        if (count > 30) {
            throw new FlowFormatException("a NetFlow v5 header counting " + count + " records (at most 30)", at);
        }
        int engine = ((m.get(base + 20) & 0xFF) << 8) | (m.get(base + 21) & 0xFF);
        for (int i = 0; i < count; i++) {
            int r = base + V5_HEADER + i * V5_RECORD;
            need(m, r, V5_RECORD, "NetFlow v5 record " + (i + 1) + " of " + count, at + r - base);
            long first = m.getInt(r + 24) & 0xFFFF_FFFFL;
            long last = m.getInt(r + 28) & 0xFFFF_FFFFL;
            out.flow(new Flow(
                    exporter,
                    engine,
                    now - (uptime - first),
                    now - (uptime - last),
                    Ip.v4(m.getInt(r)),
                    Ip.v4(m.getInt(r + 4)),
                    m.getShort(r + 32) & 0xFFFF,
                    m.getShort(r + 34) & 0xFFFF,
                    m.get(r + 38) & 0xFF,
                    m.getInt(r + 20) & 0xFFFF_FFFFL,
                    m.getInt(r + 16) & 0xFFFF_FFFFL,
                    Flow.NO_MAC,
                    Flow.NO_MAC,
                    m.get(r + 37) & 0xFF));
            counter.flows++;
        }
    }

    // -- NetFlow v9 ------------------------------------------------------------------------------

    private static final int V9_HEADER = 20;

    private void v9(ByteBuffer m, String exporter, long at, FlowSink out, Counter counter) throws FlowFormatException {
        int base = m.position();
        int end = m.limit();
        need(m, base, V9_HEADER, "a NetFlow v9 header", at);
        long uptime = m.getInt(base + 4) & 0xFFFF_FFFFL;
        long seconds = m.getInt(base + 8) & 0xFFFF_FFFFL;
        long domain = m.getInt(base + 16) & 0xFFFF_FFFFL;
        Clock clock = new Clock(seconds * 1000, uptime);
        int p = base + V9_HEADER;
        while (p + 4 <= end) {
            int id = m.getShort(p) & 0xFFFF;
            int length = m.getShort(p + 2) & 0xFFFF;
            if (length < 4 || p + length > end) {
                throw new FlowFormatException(
                        "a NetFlow v9 flowset says it is " + length + " bytes long but " + (end - p) + " are left",
                        at + p - base);
            }
            if (id == 0 || id == 1) {
                templates(m, p + 4, p + length, exporter, domain, id == 1, false, at + p - base, counter);
            } else if (id >= 256) {
                data(m, p + 4, p + length, new Key(exporter, domain, id), clock, at + p - base, out, counter);
            }
            p += length;
        }
    }

    // -- IPFIX -----------------------------------------------------------------------------------

    private static final int IPFIX_HEADER = 16;

    /** The holder each fixed-layout IPv4 record is read into for a sink that takes fields. */
    private final FlowFields flowFields = new FlowFields();

    /** The last data set's template key: a stream's sets mostly use one template, so it is made once. */
    private @org.jspecify.annotations.Nullable Key lastKey;

    private Key key(String exporter, long domain, int template) {
        Key k = lastKey;
        if (k == null
                || k.template() != template
                || k.domain() != domain
                || !k.exporter().equals(exporter)) {
            k = new Key(exporter, domain, template);
            lastKey = k;
        }
        return k;
    }

    private void ipfix(ByteBuffer m, String exporter, long at, FlowSink out, Counter counter)
            throws FlowFormatException {
        int base = m.position();
        need(m, base, IPFIX_HEADER, "an IPFIX message header", at);
        int length = m.getShort(base + 2) & 0xFFFF;
        if (length < IPFIX_HEADER || base + length > m.limit()) {
            throw new FlowFormatException(
                    "an IPFIX message says it is " + length + " bytes long but " + (m.limit() - base) + " are there",
                    at);
        }
        long exportSeconds = m.getInt(base + 4) & 0xFFFF_FFFFL;
        long domain = m.getInt(base + 12) & 0xFFFF_FFFFL;
        Clock clock = new Clock(exportSeconds * 1000, -1);
        int end = base + length;
        int p = base + IPFIX_HEADER;
        while (p < end) {
            need(m, p, 4, "an IPFIX set header", at + p - base);
            int id = m.getShort(p) & 0xFFFF;
            int setLength = m.getShort(p + 2) & 0xFFFF;
            if (setLength < 4 || p + setLength > end) {
                throw new FlowFormatException(
                        "an IPFIX set says it is " + setLength + " bytes long but " + (end - p) + " are left",
                        at + p - base);
            }
            if (id == 2 || id == 3) {
                templates(m, p + 4, p + setLength, exporter, domain, id == 3, true, at + p - base, counter);
            } else if (id >= 256) {
                data(m, p + 4, p + setLength, key(exporter, domain, id), clock, at + p - base, out, counter);
            } else {
                throw new FlowFormatException("IPFIX set id " + id + " is reserved", at + p - base);
            }
            p += setLength;
        }
    }

    // -- templates -------------------------------------------------------------------------------

    private void templates(
            ByteBuffer m,
            int from,
            int to,
            String exporter,
            long domain,
            boolean options,
            boolean ipfix,
            long at,
            Counter counter)
            throws FlowFormatException {
        int p = from;
        while (to - p >= 4) {
            int id = m.getShort(p) & 0xFFFF;
            int count = m.getShort(p + 2) & 0xFFFF;
            int scopeCount = 0;
            p += 4;
            if (options) {
                if (ipfix) {
                    if (count == 0) { // withdrawal of an options template
                        templates.remove(new Key(exporter, domain, id));
                        announced.remove(new Key(exporter, domain, id));
                        continue;
                    }
                    need(m, p, 2, "an options template's scope count", at + p - from);
                    scopeCount = m.getShort(p) & 0xFFFF;
                    p += 2;
                } else {
                    // v9 options: scope length and option length in bytes, then (type, length) pairs
                    need(m, p, 2, "an options template's option length", at + p - from);
                    int scopeBytes = count;
                    int optionBytes = m.getShort(p) & 0xFFFF;
                    p += 2;
                    count = (scopeBytes + optionBytes) / 4;
                }
            }
            if (id < 256) {
                if (id == 0 && count == 0) {
                    break; // padding
                }
                throw new FlowFormatException("template id " + id + " is below 256", at + p - from);
            }
            if (count == 0 && ipfix) {
                templates.remove(new Key(exporter, domain, id)); // RFC 7011 8.1: a withdrawal
                announced.remove(new Key(exporter, domain, id));
                continue;
            }
            if (count > MAX_FIELDS) {
                throw new FlowFormatException(
                        "template " + id + " has " + count + " fields (at most " + MAX_FIELDS + ")", at + p - from);
            }
            // Exporters announce the same template again and again (some in every datagram): one the
            // same as the known one only renews it, rather than being built anew.
            Key known = key(exporter, domain, id);
            Template same = templates.get(known);
            int end = same == null || same.options() != options || same.fields().size() != count || scopeCount > count
                    ? -1
                    : same.specifiersEnd(m, p, to, ipfix);
            if (end >= 0) {
                announced.get(known)[0] = now.getAsLong();
                counter.templates++;
                p = end;
                continue;
            }
            List<Template.Field> fields = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                need(m, p, 4, "field " + (i + 1) + " of template " + id, at + p - from);
                int element = m.getShort(p) & 0xFFFF;
                int length = m.getShort(p + 2) & 0xFFFF;
                p += 4;
                long enterprise = 0;
                if (ipfix && (element & 0x8000) != 0) {
                    need(m, p, 4, "the enterprise number of field " + (i + 1) + " of template " + id, at + p - from);
                    enterprise = m.getInt(p) & 0xFFFF_FFFFL;
                    element &= 0x7FFF;
                    p += 4;
                }
                if (length == 0 || (!ipfix && length == Template.VARIABLE)) {
                    throw new FlowFormatException(
                            "field " + (i + 1) + " of template " + id + " has length " + length, at + p - from);
                }
                fields.add(new Template.Field(element, enterprise, length));
            }
            Key key = new Key(exporter, domain, id);
            if (!templates.containsKey(key) && templates.size() >= MAX_TEMPLATES) {
                throw new FlowFormatException("more than " + MAX_TEMPLATES + " templates", at + p - from);
            }
            templates.put(key, Template.of(id, fields, options));
            announced.put(key, new long[] {now.getAsLong()});
            counter.templates++;
            if (scopeCount > count) {
                throw new FlowFormatException("template " + id + " has more scope fields than fields", at + p - from);
            }
        }
    }

    // -- data ------------------------------------------------------------------------------------

    /** Wall-clock time of the message: NetFlow v9 times are milliseconds of system uptime. */
    private record Clock(long exportMillis, long uptimeMillis) {
        long fromUptime(long value) {
            return Layout.time(value, Layout.UPTIME, exportMillis, uptimeMillis);
        }
    }

    private void data(ByteBuffer m, int from, int to, Key key, Clock clock, long at, FlowSink out, Counter counter)
            throws FlowFormatException {
        Template template = templates.get(key);
        if (template == null) {
            counter.withoutTemplate++;
            return; // RFC 7011 8: data for a template not yet known is dropped, and counted
        }
        int p = from;
        int minimum = Math.max(1, template.minimumLength());
        int fixed = template.fixedLength();
        int[] elements = template.elements();
        int[] lengths = template.lengths();
        Layout layout = template.layout();
        Record record = new Record();
        boolean fields = layout != null && layout.destinationV4() && out.takesFields();
        while (to - p >= minimum) {
            if (layout != null) { // every field's length known: the record is in the set whole, read at known offsets
                if (!template.options() && layout.addressed()) {
                    if (layout.destinationV4() && out.onlyCounts4(layout.destination4(m, p))) {
                        out.counted4(layout.source4(m, p), layout.sourceMac(m, p));
                    } else if (fields) {
                        layout.read4(
                                m,
                                p,
                                clock.exportMillis(),
                                clock.uptimeMillis(),
                                key.exporter(),
                                key.domain(),
                                flowFields);
                        out.flow4(flowFields);
                    } else {
                        out.flow(layout.read(
                                m,
                                p,
                                clock.exportMillis(),
                                clock.uptimeMillis(),
                                key.exporter(),
                                key.domain(),
                                addresses));
                    }
                    counter.flows++;
                }
                p += fixed;
                continue;
            }
            record.reset();
            for (int f = 0; f < elements.length; f++) {
                int length = lengths[f];
                if (length == Template.VARIABLE) {
                    need(m, p, 1, "a variable-length field", at + p - from);
                    length = m.get(p) & 0xFF;
                    p++;
                    if (length == 255) {
                        need(m, p, 2, "a variable-length field's long length", at + p - from);
                        length = m.getShort(p) & 0xFFFF;
                        p += 2;
                    }
                }
                if (p + length > to) {
                    throw new FlowFormatException(
                            "a record of template " + template.id() + " runs past its set", at + p - from);
                }
                if (elements[f] >= 0) {
                    record.read(elements[f], m, p, length, clock);
                }
                p += length;
            }
            if (!template.options() && record.hasFlow()) {
                out.flow(record.flow(key.exporter(), key.domain(), clock.exportMillis()));
                counter.flows++;
            }
        }
    }

    /** The fields of one data record that a flow needs, by information element. */
    private static final class Record {
        long start = -1;
        long end = -1;
        Ip source = Ip.NONE;
        Ip destination = Ip.NONE;
        int sourcePort;
        int destinationPort;
        int protocol;
        long bytes;
        long packets;
        long sourceMac = Flow.NO_MAC;
        long destinationMac = Flow.NO_MAC;
        int tcpFlags;
        boolean addressed;

        void reset() {
            start = -1;
            end = -1;
            source = Ip.NONE;
            destination = Ip.NONE;
            sourcePort = 0;
            destinationPort = 0;
            protocol = 0;
            bytes = 0;
            packets = 0;
            sourceMac = Flow.NO_MAC;
            destinationMac = Flow.NO_MAC;
            tcpFlags = 0;
            addressed = false;
        }

        void read(int element, ByteBuffer m, int p, int length, Clock clock) {
            switch (element) {
                case 1, 85 -> bytes = unsigned(m, p, length);
                case 2, 86 -> packets = unsigned(m, p, length);
                case 4 -> protocol = (int) unsigned(m, p, length);
                case 6 -> tcpFlags = (int) unsigned(m, p, length);
                case 7 -> sourcePort = (int) unsigned(m, p, length);
                case 11 -> destinationPort = (int) unsigned(m, p, length);
                case 8 -> {
                    if (length == 4) {
                        source = Ip.v4(m.getInt(p));
                        addressed = true;
                    }
                }
                case 12 -> {
                    if (length == 4) {
                        destination = Ip.v4(m.getInt(p));
                    }
                }
                case 27 -> {
                    if (length == 16) {
                        source = Ip.v6(m.getLong(p), m.getLong(p + 8));
                        addressed = true;
                    }
                }
                case 28 -> {
                    if (length == 16) {
                        destination = Ip.v6(m.getLong(p), m.getLong(p + 8));
                    }
                }
                case 22 -> start = clock.fromUptime(unsigned(m, p, length));
                case 21 -> end = clock.fromUptime(unsigned(m, p, length));
                case 150 -> start = unsigned(m, p, length) * 1000;
                case 151 -> end = unsigned(m, p, length) * 1000;
                case 152 -> start = unsigned(m, p, length);
                case 153 -> end = unsigned(m, p, length);
                case 56 -> sourceMac = length == 6 ? unsigned(m, p, 6) : sourceMac;
                case 80 -> destinationMac = length == 6 ? unsigned(m, p, 6) : destinationMac;
                case 57 ->
                    destinationMac = length == 6 && destinationMac == Flow.NO_MAC ? unsigned(m, p, 6) : destinationMac;
                default -> {
                    // an element a flow does not need
                }
            }
        }

        boolean hasFlow() {
            return addressed;
        }

        Flow flow(String exporter, long domain, long exported) {
            long first = start < 0 ? (end < 0 ? exported : end) : start;
            long last = end < 0 ? first : end;
            return new Flow(
                    exporter,
                    domain,
                    first,
                    last,
                    source,
                    destination,
                    sourcePort,
                    destinationPort,
                    protocol,
                    bytes,
                    packets,
                    sourceMac,
                    destinationMac,
                    tcpFlags);
        }

        private static long unsigned(ByteBuffer m, int p, int length) {
            return Layout.unsigned(m, p, length);
        }
    }

    private static void need(ByteBuffer m, int p, int bytes, String what, long at) throws FlowFormatException {
        if (p + bytes > m.limit()) {
            throw new FlowFormatException(what + " is cut short", at);
        }
    }
}
