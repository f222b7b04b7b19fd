package io.camaudit.egress.engine;

import org.jspecify.annotations.Nullable;

/**
 * Which registered device a flow's source is, by address or MAC: the register seen from the egress
 * engine. Read from more than one thread (the decoding one counts the flows it skips), so an
 * implementation must not change once the analysis has it.
 */
public interface Directory {

    /** A registered device, its body and site, and who really made it (or null where unknown). */
    record Device(
            long id,
            long organisationId,
            @Nullable Long siteId,
            String label,
            @Nullable String maker) {}

    @Nullable
    Device byAddress(Ip address);

    /** The device at an IPv4 address given as its 32 bits; an implementation may answer without making an {@link Ip}. */
    default @Nullable Device byAddress4(int address) {
        return byAddress(Ip.v4(address));
    }

    @Nullable
    Device byMac(long mac);
}
