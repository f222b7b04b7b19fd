package io.camaudit.egress.engine;

/**
 * An IPv4 flow's fields, as a decoder reading fixed offsets (or a conn.log's columns) has them:
 * one holder a reader fills for each record and hands to {@link FlowSink#flow4}, valid only during
 * that call. A sink that keeps anything copies it ({@link #copyFrom}) or makes the {@link Flow}.
 */
public final class FlowFields {

    String exporter = "";
    long domain;
    long start;
    long end;
    int source;
    int destination;
    int sourcePort;
    int destinationPort;
    int protocol;
    long bytes;
    long packets;
    long sourceMac = Flow.NO_MAC;
    long destinationMac = Flow.NO_MAC;
    int flags;

    /** The destination, the 32 bits of an IPv4 address. */
    public int destination() {
        return destination;
    }

    void copyFrom(FlowFields f) {
        exporter = f.exporter;
        domain = f.domain;
        start = f.start;
        end = f.end;
        source = f.source;
        destination = f.destination;
        sourcePort = f.sourcePort;
        destinationPort = f.destinationPort;
        protocol = f.protocol;
        bytes = f.bytes;
        packets = f.packets;
        sourceMac = f.sourceMac;
        destinationMac = f.destinationMac;
        flags = f.flags;
    }

    /** The fields of an IPv4 flow (both its addresses IPv4). */
    void copyFrom(Flow f) {
        exporter = f.exporter();
        domain = f.observationDomain();
        start = f.start();
        end = f.end();
        source = (int) f.source().low();
        destination = (int) f.destination().low();
        sourcePort = f.sourcePort();
        destinationPort = f.destinationPort();
        protocol = f.protocol();
        bytes = f.bytes();
        packets = f.packets();
        sourceMac = f.sourceMac();
        destinationMac = f.destinationMac();
        flags = f.tcpFlags();
    }

    /** The flow, made now. */
    public Flow flow() {
        return new Flow(
                exporter,
                domain,
                start,
                end,
                Ip.v4(source),
                Ip.v4(destination),
                sourcePort,
                destinationPort,
                protocol,
                bytes,
                packets,
                sourceMac,
                destinationMac,
                flags);
    }
}
