package io.camaudit.discovery.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A host known from a file rather than a packet: its IPv4 address and MAC address as far as the
 * file gives them (at least one), and what the file said of it, as observations of the "passive"
 * probe (where they came from: file and line, in {@code source}).
 */
public record PassiveHost(@Nullable String ip, @Nullable String mac, String source, List<Observation> observations) {

    public PassiveHost {
        if (ip == null && mac == null) {
            throw new IllegalArgumentException("a host needs an address or a MAC address");
        }
        observations = List.copyOf(observations);
    }

    /** The address a finding is filed under: the IP address, else the MAC address. */
    public String key() {
        return ip != null ? ip : mac;
    }
}
