package io.camaudit.egress.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Packet captures, pcap (microsecond and nanosecond, either byte order) and pcapng, turned into
 * flows as nfpcapd does: packets of the same addresses, ports and protocol make one flow, ended
 * after {@link #INACTIVE_MILLIS} without a packet or {@link #ACTIVE_MILLIS} in all, counting IP
 * bytes. Ethernet (with 802.1Q and 802.1ad tags), raw IP and Linux cooked captures; IPv4 and IPv6;
 * DNS answers to learn which name an address was looked up under. Memory is bounded by the flows
 * open at once ({@link #MAX_OPEN_FLOWS}; beyond it the oldest is ended early), not by the file. A
 * record cut short or longer than its snapshot length is reported with its offset, and the flows
 * before it are kept.
 */
public final class Capture {

    static final long ACTIVE_MILLIS = 300_000;
    static final long INACTIVE_MILLIS = 60_000;
    static final int MAX_OPEN_FLOWS = 1_000_000;
    static final int MAX_RECORD = 262_144;

    /** How a capture went: packets read, packets that were not IP, flows made, and the problem that stopped it, if any. */
    public record Outcome(
            String format,
            long packets,
            long notIp,
            long flows,
            long dnsAnswers,
            @org.jspecify.annotations.Nullable String problem) {}

    private record Key(Ip source, Ip destination, int sourcePort, int destinationPort, int protocol) {}

    private static final class Open {
        long first;
        long last;
        long packets;
        long bytes;
        long sourceMac = Flow.NO_MAC;
        long destinationMac = Flow.NO_MAC;
        int flags;
    }

    private final String name;
    private final FlowSink sink;
    private final Map<Key, Open> open = new HashMap<>();
    private long packets;
    private long notIp;
    private long flows;
    private long answers;
    private long lastSweep;

    private Capture(String name, FlowSink sink) {
        this.name = name;
        this.sink = sink;
    }

    public static Outcome read(InputStream raw, String name, FlowSink sink) throws IOException {
        Capture capture = new Capture(name, sink);
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            return capture.outcome("unknown", name + ": shorter than a capture header (at byte 0)");
        }
        int m = ByteBuffer.wrap(magic).getInt();
        String problem;
        String format;
        try {
            if (m == 0x0A0D0D0A) {
                format = "pcapng";
                problem = capture.pcapng(in);
            } else if (m == 0xA1B2C3D4 || m == 0xD4C3B2A1 || m == 0xA1B23C4D || m == 0x4D3CB2A1) {
                format = "pcap";
                problem = capture.pcap(in, m);
            } else {
                return capture.outcome("unknown", name + ": not a pcap or pcapng capture (at byte 0)");
            }
        } finally {
            capture.endAll();
        }
        return capture.outcome(format, problem);
    }

    private Outcome outcome(String format, @org.jspecify.annotations.Nullable String problem) {
        return new Outcome(format, packets, notIp, flows, answers, problem);
    }

    // -- pcap -------------------------------------------------------------------------------------

    private @org.jspecify.annotations.Nullable String pcap(InputStream in, int magic) throws IOException {
        ByteOrder order = magic == 0xA1B2C3D4 || magic == 0xA1B23C4D ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        boolean nanos = magic == 0xA1B23C4D || magic == 0x4D3CB2A1;
        byte[] rest = in.readNBytes(20);
        if (rest.length < 20) {
            return name + ": the pcap header is cut short (at byte 4)";
        }
        ByteBuffer header = ByteBuffer.wrap(rest).order(order);
        long snaplen = header.getInt(12) & 0xFFFF_FFFFL;
        int link = header.getInt(16) & 0x0FFF_FFFF;
        // A snapshot length of 0 (or beyond the largest frame) is taken as the largest record there may be.
        long limit = snaplen == 0 || snaplen > MAX_RECORD ? MAX_RECORD : snaplen;
        long offset = 24;
        byte[] recordHeader = new byte[16];
        byte[] data = new byte[MAX_RECORD];
        while (true) {
            int n = in.readNBytes(recordHeader, 0, 16);
            if (n == 0) {
                return null;
            }
            if (n < 16) {
                return name + ": a packet record header is cut short (at byte " + offset + ")";
            }
            ByteBuffer h = ByteBuffer.wrap(recordHeader).order(order);
            long seconds = h.getInt(0) & 0xFFFF_FFFFL;
            long fraction = h.getInt(4) & 0xFFFF_FFFFL;
            long captured = h.getInt(8) & 0xFFFF_FFFFL;
            if (captured > limit) {
                return name + ": a packet record of " + captured + " bytes, beyond the snapshot length " + limit
                        + " (at byte " + offset + ")";
            }
            int got = in.readNBytes(data, 0, (int) captured);
            if (got < captured) {
                return name + ": a packet of " + captured + " bytes is cut short at " + got + " (at byte " + offset
                        + ")";
            }
            long time = seconds * 1000 + (nanos ? fraction / 1_000_000 : fraction / 1000);
            packet(link, ByteBuffer.wrap(data, 0, (int) captured), time);
            offset += 16 + captured;
        }
    }

    // -- pcapng -----------------------------------------------------------------------------------

    private @org.jspecify.annotations.Nullable String pcapng(InputStream in) throws IOException {
        long offset = 0;
        ByteOrder order = ByteOrder.BIG_ENDIAN;
        List<int[]> interfaces = new ArrayList<>(); // link type, timestamp resolution exponent (negative powers of 10)
        byte[] head = new byte[8];
        boolean first = true;
        while (true) {
            int n;
            if (first) {
                // The block type (already read) and its length.
                n = in.readNBytes(head, 4, 4) + 4;
                head[0] = 0x0A;
                head[1] = 0x0D;
                head[2] = 0x0D;
                head[3] = 0x0A;
            } else {
                n = in.readNBytes(head, 0, 8);
            }
            if (n == 0) {
                return null;
            }
            if (n < 8) {
                return name + ": a pcapng block header is cut short (at byte " + offset + ")";
            }
            int type = ByteBuffer.wrap(head, 0, 4).order(order).getInt();
            if (type == 0x0A0D0D0A) {
                byte[] bom = in.readNBytes(4);
                if (bom.length < 4) {
                    return name + ": a section header is cut short (at byte " + offset + ")";
                }
                int magic = ByteBuffer.wrap(bom).getInt();
                order = magic == 0x1A2B3C4D ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                if (magic != 0x1A2B3C4D && magic != 0x4D3C2B1A) {
                    return name + ": a section header with no byte-order mark (at byte " + offset + ")";
                }
                long length = ByteBuffer.wrap(head, 4, 4).order(order).getInt() & 0xFFFF_FFFFL;
                if (length < 28 || length > MAX_RECORD + 64 || length % 4 != 0) {
                    return name + ": a section header of " + length + " bytes (at byte " + offset + ")";
                }
                byte[] rest = in.readNBytes((int) length - 12);
                if (rest.length < length - 12) {
                    return name + ": a section header is cut short (at byte " + offset + ")";
                }
                interfaces.clear();
                offset += length;
                first = false;
                continue;
            }
            first = false;
            long length = ByteBuffer.wrap(head, 4, 4).order(order).getInt() & 0xFFFF_FFFFL;
            if (length < 12 || length % 4 != 0 || length > MAX_RECORD + 64) {
                return name + ": a pcapng block of " + length + " bytes (at byte " + offset + ")";
            }
            byte[] body = in.readNBytes((int) length - 8);
            if (body.length < length - 8) {
                return name + ": a pcapng block of " + length + " bytes is cut short (at byte " + offset + ")";
            }
            ByteBuffer b = ByteBuffer.wrap(body).order(order);
            if (type == 1) { // interface description
                int link = b.getShort(0) & 0xFFFF;
                interfaces.add(new int[] {link, resolution(b, order)});
            } else if (type == 6 || type == 3) { // enhanced and simple packet blocks
                int iface = type == 6 ? b.getInt(0) : 0;
                if (iface >= interfaces.size()) {
                    return name + ": a packet of interface " + iface + ", which no block described (at byte " + offset
                            + ")";
                }
                long captured =
                        type == 6 ? b.getInt(12) & 0xFFFF_FFFFL : Math.min(length - 16, b.getInt(0) & 0xFFFF_FFFFL);
                int start = type == 6 ? 20 : 4;
                if (start + captured > body.length - 4) {
                    return name + ": a packet says " + captured + " bytes where its block has fewer (at byte " + offset
                            + ")";
                }
                long time = 0;
                if (type == 6) {
                    long stamp = ((b.getInt(4) & 0xFFFF_FFFFL) << 32) | (b.getInt(8) & 0xFFFF_FFFFL);
                    int exponent = interfaces.get(iface)[1];
                    time = exponent >= 3 ? stamp / pow10(exponent - 3) : stamp * pow10(3 - exponent);
                }
                packet(interfaces.get(iface)[0], ByteBuffer.wrap(body, start, (int) captured), time);
            }
            offset += length;
        }
    }

    /** The if_tsresol option (9): 10^-n seconds; microseconds (6) when absent. Powers of two are taken as microseconds. */
    private static int resolution(ByteBuffer b, ByteOrder order) {
        int p = 8;
        while (p + 4 <= b.limit() - 4) {
            int code = b.getShort(p) & 0xFFFF;
            int length = b.getShort(p + 2) & 0xFFFF;
            if (code == 0) {
                break;
            }
            if (code == 9 && length >= 1 && p + 4 < b.limit()) {
                int value = b.get(p + 4) & 0xFF;
                return (value & 0x80) == 0 && value <= 18 ? value : 6;
            }
            p += 4 + ((length + 3) & ~3);
        }
        return 6;
    }

    private static long pow10(int n) {
        long v = 1;
        for (int i = 0; i < n; i++) {
            v *= 10;
        }
        return v;
    }

    // -- packets ----------------------------------------------------------------------------------

    private void packet(int link, ByteBuffer frame, long time) {
        packets++;
        int p = frame.position();
        int end = frame.limit();
        long sourceMac = Flow.NO_MAC;
        long destinationMac = Flow.NO_MAC;
        int etherType;
        switch (link) {
            case 1 -> { // Ethernet
                if (end - p < 14) {
                    notIp++;
                    return;
                }
                destinationMac = mac(frame, p);
                sourceMac = mac(frame, p + 6);
                etherType = frame.getShort(p + 12) & 0xFFFF;
                p += 14;
                for (int tags = 0; (etherType == 0x8100 || etherType == 0x88A8) && tags < 4; tags++) {
                    if (end - p < 4) {
                        notIp++;
                        return;
                    }
                    etherType = frame.getShort(p + 2) & 0xFFFF;
                    p += 4;
                }
            }
            case 101, 12, 14 -> { // raw IP
                etherType = end - p > 0 && ((frame.get(p) & 0xF0) == 0x60) ? 0x86DD : 0x0800;
            }
            case 113 -> { // Linux cooked capture
                if (end - p < 16) {
                    notIp++;
                    return;
                }
                etherType = frame.getShort(p + 14) & 0xFFFF;
                p += 16;
            }
            default -> {
                notIp++;
                return;
            }
        }
        if (etherType == 0x0800) {
            ipv4(frame, p, end, time, sourceMac, destinationMac);
        } else if (etherType == 0x86DD) {
            ipv6(frame, p, end, time, sourceMac, destinationMac);
        } else {
            notIp++;
        }
    }

    private void ipv4(ByteBuffer f, int p, int end, long time, long sourceMac, long destinationMac) {
        if (end - p < 20 || (f.get(p) & 0xF0) != 0x40) {
            notIp++;
            return;
        }
        int headerLength = (f.get(p) & 0x0F) * 4;
        int total = f.getShort(p + 2) & 0xFFFF;
        int protocol = f.get(p + 9) & 0xFF;
        boolean fragment = (f.getShort(p + 6) & 0x1FFF) != 0;
        Ip source = Ip.v4(f.getInt(p + 12));
        Ip destination = Ip.v4(f.getInt(p + 16));
        int l4 = p + headerLength;
        transport(
                f,
                l4,
                Math.min(end, p + total),
                fragment,
                protocol,
                source,
                destination,
                total,
                time,
                sourceMac,
                destinationMac);
    }

    private void ipv6(ByteBuffer f, int p, int end, long time, long sourceMac, long destinationMac) {
        if (end - p < 40 || (f.get(p) & 0xF0) != 0x60) {
            notIp++;
            return;
        }
        int payload = f.getShort(p + 4) & 0xFFFF;
        int next = f.get(p + 6) & 0xFF;
        Ip source = Ip.v6(f.getLong(p + 8), f.getLong(p + 16));
        Ip destination = Ip.v6(f.getLong(p + 24), f.getLong(p + 32));
        int l4 = p + 40;
        boolean fragment = false;
        for (int hops = 0; hops < 8 && (next == 0 || next == 43 || next == 60 || next == 44); hops++) {
            if (end - l4 < 8) {
                break;
            }
            fragment |= next == 44;
            int following = f.get(l4) & 0xFF;
            l4 += next == 44 ? 8 : 8 + (f.get(l4 + 1) & 0xFF) * 8;
            next = following;
        }
        transport(
                f,
                l4,
                Math.min(end, p + 40 + payload),
                fragment,
                next,
                source,
                destination,
                40 + payload,
                time,
                sourceMac,
                destinationMac);
    }

    private void transport(
            ByteBuffer f,
            int l4,
            int end,
            boolean fragment,
            int protocol,
            Ip source,
            Ip destination,
            int ipBytes,
            long time,
            long sourceMac,
            long destinationMac) {
        int sourcePort = 0;
        int destinationPort = 0;
        int flags = 0;
        if ((protocol == 6 || protocol == 17) && !fragment && end - l4 >= 4) {
            sourcePort = f.getShort(l4) & 0xFFFF;
            destinationPort = f.getShort(l4 + 2) & 0xFFFF;
            if (protocol == 6 && end - l4 >= 14) {
                flags = f.get(l4 + 13) & 0xFF;
            }
            if (protocol == 17 && sourcePort == 53 && end - l4 > 8) {
                dns(f, l4 + 8, end, destination, time);
            }
        }
        count(
                new Key(source, destination, sourcePort, destinationPort, protocol),
                ipBytes,
                time,
                sourceMac,
                destinationMac,
                flags);
    }

    private void count(Key key, int bytes, long time, long sourceMac, long destinationMac, int flags) {
        Open flow = open.get(key);
        if (flow != null && (time - flow.last > INACTIVE_MILLIS || time - flow.first > ACTIVE_MILLIS)) {
            end(key, open.remove(key));
            flow = null;
        }
        if (flow == null) {
            if (open.size() >= MAX_OPEN_FLOWS) {
                sweep(time, true);
            }
            flow = new Open();
            flow.first = time;
            open.put(key, flow);
        }
        flow.last = Math.max(flow.last, time);
        flow.packets++;
        flow.bytes += bytes;
        flow.flags |= flags;
        if (flow.sourceMac == Flow.NO_MAC) {
            flow.sourceMac = sourceMac;
            flow.destinationMac = destinationMac;
        }
        if (time - lastSweep > INACTIVE_MILLIS) {
            sweep(time, false);
            lastSweep = time;
        }
    }

    /** Ends the flows that timed out; when {@code full}, also the oldest tenth, to make room. */
    private void sweep(long now, boolean full) {
        long cutoff = full ? Long.MAX_VALUE : now - INACTIVE_MILLIS;
        List<Map.Entry<Key, Open>> ended = new ArrayList<>();
        Iterator<Map.Entry<Key, Open>> it = open.entrySet().iterator();
        int room = full ? Math.max(1, open.size() / 10) : Integer.MAX_VALUE;
        while (it.hasNext()) {
            Map.Entry<Key, Open> e = it.next();
            Open flow = e.getValue();
            boolean expired = flow.last < now - INACTIVE_MILLIS || flow.first < now - ACTIVE_MILLIS;
            if (expired || (full && ended.size() < room && flow.last <= cutoff)) {
                ended.add(e);
                it.remove();
            }
        }
        for (Map.Entry<Key, Open> e : ended) {
            end(e.getKey(), e.getValue());
        }
    }

    private void endAll() {
        for (Map.Entry<Key, Open> e : open.entrySet()) {
            end(e.getKey(), e.getValue());
        }
        open.clear();
    }

    private void end(Key key, Open flow) {
        flows++;
        sink.flow(new Flow(
                name,
                0,
                flow.first,
                flow.last,
                key.source(),
                key.destination(),
                key.sourcePort(),
                key.destinationPort(),
                key.protocol(),
                flow.bytes,
                flow.packets,
                flow.sourceMac,
                flow.destinationMac,
                flow.flags));
    }

    private static long mac(ByteBuffer f, int p) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (f.get(p + i) & 0xFF);
        }
        return v;
    }

    // -- DNS answers ------------------------------------------------------------------------------

    private void dns(ByteBuffer f, int p, int end, Ip client, long time) {
        answers += DnsMessage.answers(
                f, p, end, (name, address, ttl) -> sink.dns(new DnsAnswer(time, client, name, address, ttl)));
    }
}
