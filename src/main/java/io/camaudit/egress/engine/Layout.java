package io.camaudit.egress.engine;

import java.nio.ByteBuffer;

/**
 * Where the records of a fixed-length template keep each value a flow needs, worked out once
 * when the template arrives, so that a record is read straight off at known offsets rather than
 * by a walk of its fields (the same values the walk would take: of repeated elements the last
 * wins; a destination MAC from element 80, else 57). Offsets are -1 for a value the template lacks.
 */
final class Layout {

    static final int UPTIME = 0;
    static final int SECONDS = 1;
    static final int MILLIS = 2;

    private int bytes = -1;
    private int bytesLength;
    private int packets = -1;
    private int packetsLength;
    private int protocol = -1;
    private int protocolLength;
    private int flags = -1;
    private int flagsLength;
    private int sourcePort = -1;
    private int sourcePortLength;
    private int destinationPort = -1;
    private int destinationPortLength;
    private int source = -1;
    private boolean source6;
    private int destination = -1;
    private boolean destination6;
    private int start = -1;
    private int startLength;
    private int startUnit;
    private int end = -1;
    private int endLength;
    private int endUnit;
    private int sourceMac = -1;
    private int destinationMac = -1;
    private boolean destinationMacFrom80;

    private Layout() {}

    /** The layout of a template whose fields all have fixed lengths. */
    static Layout of(int[] elements, int[] lengths) {
        Layout l = new Layout();
        int offset = 0;
        for (int f = 0; f < elements.length; f++) {
            l.place(elements[f], offset, lengths[f]);
            offset += lengths[f];
        }
        return l;
    }

    private void place(int element, int offset, int length) {
        switch (element) {
            case 1, 85 -> {
                bytes = offset;
                bytesLength = length;
            }
            case 2, 86 -> {
                packets = offset;
                packetsLength = length;
            }
            case 4 -> {
                protocol = offset;
                protocolLength = length;
            }
            case 6 -> {
                flags = offset;
                flagsLength = length;
            }
            case 7 -> {
                sourcePort = offset;
                sourcePortLength = length;
            }
            case 11 -> {
                destinationPort = offset;
                destinationPortLength = length;
            }
            case 8, 27 -> {
                if (length == (element == 8 ? 4 : 16)) {
                    source = offset;
                    source6 = element == 27;
                }
            }
            case 12, 28 -> {
                if (length == (element == 12 ? 4 : 16)) {
                    destination = offset;
                    destination6 = element == 28;
                }
            }
            case 22, 150, 152 -> {
                start = offset;
                startLength = length;
                startUnit = element == 22 ? UPTIME : element == 150 ? SECONDS : MILLIS;
            }
            case 21, 151, 153 -> {
                end = offset;
                endLength = length;
                endUnit = element == 21 ? UPTIME : element == 151 ? SECONDS : MILLIS;
            }
            case 56 -> sourceMac = length == 6 ? offset : sourceMac;
            case 80 -> {
                if (length == 6) {
                    destinationMac = offset;
                    destinationMacFrom80 = true;
                }
            }
            case 57 -> destinationMac = length == 6 && !destinationMacFrom80 ? offset : destinationMac;
            default -> {
                // an element a flow does not need
            }
        }
    }

    /** Whether the records' addresses are IPv4 both: a sink may then skip a record by its destination. */
    boolean destinationV4() {
        return destination >= 0 && !destination6 && !source6;
    }

    int destination4(ByteBuffer m, int p) {
        return m.getInt(p + destination);
    }

    int source4(ByteBuffer m, int p) {
        return m.getInt(p + source);
    }

    long sourceMac(ByteBuffer m, int p) {
        return sourceMac < 0 ? Flow.NO_MAC : unsigned(m, p + sourceMac, 6);
    }

    /** Whether the records have a source address: a record without one is not a flow. */
    boolean addressed() {
        return source >= 0;
    }

    /** The flow of the record at {@code p}, its addresses shared through {@code addresses}. */
    Flow read(
            ByteBuffer m,
            int p,
            long exportMillis,
            long uptimeMillis,
            String exporter,
            long domain,
            IpCache addresses) {
        Ip src = source6 ? Ip.v6(m.getLong(p + source), m.getLong(p + source + 8)) : addresses.v4(m.getInt(p + source));
        Ip dst = destination < 0
                ? Ip.NONE
                : destination6
                        ? Ip.v6(m.getLong(p + destination), m.getLong(p + destination + 8))
                        : addresses.v4(m.getInt(p + destination));
        long first = start < 0 ? -1 : time(unsigned(m, p + start, startLength), startUnit, exportMillis, uptimeMillis);
        long last = end < 0 ? -1 : time(unsigned(m, p + end, endLength), endUnit, exportMillis, uptimeMillis);
        first = first < 0 ? (last < 0 ? exportMillis : last) : first;
        last = last < 0 ? first : last;
        return new Flow(
                exporter,
                domain,
                first,
                last,
                src,
                dst,
                sourcePort < 0 ? 0 : (int) unsigned(m, p + sourcePort, sourcePortLength),
                destinationPort < 0 ? 0 : (int) unsigned(m, p + destinationPort, destinationPortLength),
                protocol < 0 ? 0 : (int) unsigned(m, p + protocol, protocolLength),
                bytes < 0 ? 0 : unsigned(m, p + bytes, bytesLength),
                packets < 0 ? 0 : unsigned(m, p + packets, packetsLength),
                sourceMac < 0 ? Flow.NO_MAC : unsigned(m, p + sourceMac, 6),
                destinationMac < 0 ? Flow.NO_MAC : unsigned(m, p + destinationMac, 6),
                flags < 0 ? 0 : (int) unsigned(m, p + flags, flagsLength));
    }

    /** Reads the record at {@code p} into {@code f} (both addresses IPv4: {@link #destinationV4}). */
    void read4(ByteBuffer m, int p, long exportMillis, long uptimeMillis, String exporter, long domain, FlowFields f) {
        long first = start < 0 ? -1 : time(unsigned(m, p + start, startLength), startUnit, exportMillis, uptimeMillis);
        long last = end < 0 ? -1 : time(unsigned(m, p + end, endLength), endUnit, exportMillis, uptimeMillis);
        first = first < 0 ? (last < 0 ? exportMillis : last) : first;
        if (f.exporter != exporter) { // a reference stored only when it changes: the holder outlives collections
            f.exporter = exporter;
        }
        f.domain = domain;
        f.start = first;
        f.end = last < 0 ? first : last;
        f.source = m.getInt(p + source);
        f.destination = m.getInt(p + destination);
        f.sourcePort = sourcePort < 0 ? 0 : (int) unsigned(m, p + sourcePort, sourcePortLength);
        f.destinationPort = destinationPort < 0 ? 0 : (int) unsigned(m, p + destinationPort, destinationPortLength);
        f.protocol = protocol < 0 ? 0 : (int) unsigned(m, p + protocol, protocolLength);
        f.bytes = bytes < 0 ? 0 : unsigned(m, p + bytes, bytesLength);
        f.packets = packets < 0 ? 0 : unsigned(m, p + packets, packetsLength);
        f.sourceMac = sourceMac < 0 ? Flow.NO_MAC : unsigned(m, p + sourceMac, 6);
        f.destinationMac = destinationMac < 0 ? Flow.NO_MAC : unsigned(m, p + destinationMac, 6);
        f.flags = flags < 0 ? 0 : (int) unsigned(m, p + flags, flagsLength);
    }

    static long time(long value, int unit, long exportMillis, long uptimeMillis) {
        return switch (unit) {
            case UPTIME -> uptimeMillis < 0 ? exportMillis : exportMillis - (uptimeMillis - value);
            case SECONDS -> value * 1000;
            default -> value;
        };
    }

    /** An unsigned integer of 1 to 8 bytes (IPFIX reduced-size encoding); longer ones keep their last 8. */
    static long unsigned(ByteBuffer m, int p, int length) {
        switch (length) {
            case 1:
                return m.get(p) & 0xFFL;
            case 2:
                return m.getShort(p) & 0xFFFFL;
            case 4:
                return m.getInt(p) & 0xFFFF_FFFFL;
            case 8:
                return m.getLong(p);
            default:
                long value = 0;
                for (int i = Math.max(0, length - 8); i < length; i++) {
                    value = (value << 8) | (m.get(p + i) & 0xFF);
                }
                return value;
        }
    }
}
