package io.camaudit.egress.engine;

import java.util.ArrayList;
import java.util.List;

/** A set of IPv4 and IPv6 networks ({@code 10.20.0.0/16, 2001:db8::/32}), for a body's own networks and allow-lists. */
public final class Prefixes {

    private record Prefix(Ip network, int bits) {
        boolean contains(Ip ip) {
            if (ip.v4() != network.v4()) {
                return false;
            }
            if (ip.v4()) {
                long mask = bits == 0 ? 0 : (0xFFFF_FFFFL << (32 - bits)) & 0xFFFF_FFFFL;
                return (ip.low() & mask) == (network.low() & mask);
            }
            if (bits <= 64) {
                long mask = bits == 0 ? 0 : -1L << (64 - bits);
                return (ip.high() & mask) == (network.high() & mask);
            }
            long mask = -1L << (128 - bits);
            return ip.high() == network.high() && (ip.low() & mask) == (network.low() & mask);
        }
    }

    private final List<Prefix> prefixes;
    private final String text;

    private Prefixes(List<Prefix> prefixes, String text) {
        this.prefixes = List.copyOf(prefixes);
        this.text = text;
    }

    public static Prefixes none() {
        return new Prefixes(List.of(), "");
    }

    /**
     * Parses networks separated by commas or spaces; an address alone is a /32 or /128.
     *
     * @throws IllegalArgumentException naming the entry that is wrong
     */
    public static Prefixes parse(String text) {
        List<Prefix> prefixes = new ArrayList<>();
        for (String entry : text.split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            int slash = entry.indexOf('/');
            Ip network = Ip.parse(slash < 0 ? entry : entry.substring(0, slash));
            int max = network.v4() ? 32 : 128;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + entry + "\" is not a network like 10.20.0.0/16");
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("\"" + entry + "\" has a prefix length beyond " + max);
            }
            prefixes.add(new Prefix(network, bits));
        }
        return new Prefixes(prefixes, text.strip());
    }

    public boolean contains(Ip ip) {
        for (Prefix prefix : prefixes) {
            if (prefix.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return prefixes.isEmpty();
    }

    @Override
    public String toString() {
        return text;
    }
}
