package io.camaudit.egress.engine;

/**
 * One flow record as every input is reduced to: who talked to whom (addresses, ports, protocol),
 * how much (bytes, packets), when (first and last packet, milliseconds since the epoch), the MAC
 * addresses where the record has them ({@link #NO_MAC} otherwise), TCP flags, and where it came
 * from (the exporter and its observation domain, or the file).
 */
public record Flow(
        String exporter,
        long observationDomain,
        long start,
        long end,
        Ip source,
        Ip destination,
        int sourcePort,
        int destinationPort,
        int protocol,
        long bytes,
        long packets,
        long sourceMac,
        long destinationMac,
        int tcpFlags) {

    public static final long NO_MAC = -1;
}
