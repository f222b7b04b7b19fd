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
    /** The IPv4 networks as masks and network addresses, checked first and without an object per network. */
    private final long[] masks4;

    private final long[] networks4;
    private final List<Prefix> prefixes6;

    private Prefixes(List<Prefix> prefixes, String text) {
        this.prefixes = List.copyOf(prefixes);
        this.text = text;
        List<Prefix> v4 = prefixes.stream().filter(p -> p.network().v4()).toList();
        this.masks4 = new long[v4.size()];
        this.networks4 = new long[v4.size()];
        for (int i = 0; i < masks4.length; i++) {
            int bits = v4.get(i).bits();
            masks4[i] = bits == 0 ? 0 : (0xFFFF_FFFFL << (32 - bits)) & 0xFFFF_FFFFL;
            networks4[i] = v4.get(i).network().low() & masks4[i];
        }
        this.prefixes6 = prefixes.stream().filter(p -> !p.network().v4()).toList();
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
        if (ip.v4()) {
            return contains4(ip.low());
        }
        for (Prefix prefix : prefixes6) {
            if (prefix.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an IPv4 address (the low 32 bits) is in one of the networks. */
    public boolean contains4(long address) {
        for (int i = 0; i < masks4.length; i++) {
            if ((address & masks4[i]) == networks4[i]) {
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
