package io.camaudit.discovery.engine;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The IPv4 addresses a survey may touch: the union of what it was given (CIDR blocks, single
 * addresses, ranges) less what it was told to leave out. Nothing outside it is ever sent a packet:
 * {@link ScopedNetwork} checks every connection and datagram against it.
 */
public final class Scope {

    /** A /12: a million addresses, beyond which a survey is a mistake rather than a plan. */
    public static final long MAX_ADDRESSES = 1L << 20;

    private final List<long[]> ranges; // sorted, disjoint, inclusive [first, last]
    private final long size;
    private final String text;

    private Scope(List<long[]> ranges, String text) {
        this.ranges = ranges;
        long n = 0;
        for (long[] r : ranges) {
            n += r[1] - r[0] + 1;
        }
        this.size = n;
        this.text = text;
    }

    /**
     * Parses the scope and the exclusions: each entry is {@code 10.20.0.0/16}, {@code 10.20.1.7}
     * or {@code 10.20.1.10-10.20.1.40}, and several may be given, separated by commas.
     *
     * @throws IllegalArgumentException naming the entry that is wrong
     */
    public static Scope parse(List<String> include, List<String> exclude) {
        List<long[]> in = new ArrayList<>();
        for (String entry : split(include)) {
            long[] range = range(entry);
            refuseSpecial(entry, range);
            in.add(range);
        }
        if (in.isEmpty()) {
            throw new IllegalArgumentException(
                    "A scope is required: give the addresses to survey, such as 10.20.0.0/16");
        }
        List<long[]> out = new ArrayList<>();
        for (String entry : split(exclude)) {
            out.add(range(entry));
        }
        List<long[]> ranges = subtract(merge(in), merge(out));
        String text = String.join(",", split(include))
                + (split(exclude).isEmpty() ? "" : " except " + String.join(",", split(exclude)));
        Scope scope = new Scope(ranges, text);
        if (scope.size > MAX_ADDRESSES) {
            throw new IllegalArgumentException("The scope holds " + scope.size + " addresses; a survey takes at most "
                    + MAX_ADDRESSES + " (a /12). Survey it in parts.");
        }
        if (scope.size == 0) {
            throw new IllegalArgumentException("The exclusions leave no address of the scope to survey");
        }
        return scope;
    }

    public static Scope of(String... include) {
        return parse(List.of(include), List.of());
    }

    public long size() {
        return size;
    }

    public boolean contains(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        long value = toLong(address.getAddress());
        for (long[] r : ranges) {
            if (value >= r[0] && value <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether every address of this scope is also in the other. */
    public boolean within(Scope outer) {
        for (long[] r : ranges) {
            boolean covered = false;
            for (long[] o : outer.ranges) {
                if (r[0] >= o[0] && r[1] <= o[1]) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** The addresses in ascending order, produced as they are needed. */
    public Iterable<Inet4Address> addresses() {
        return () -> new Iterator<>() {
            private int range = 0;
            private long next = ranges.isEmpty() ? 0 : ranges.get(0)[0];

            @Override
            public boolean hasNext() {
                return range < ranges.size();
            }

            @Override
            public Inet4Address next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long value = next;
                if (next == ranges.get(range)[1]) {
                    range++;
                    if (range < ranges.size()) {
                        next = ranges.get(range)[0];
                    }
                } else {
                    next++;
                }
                return toAddress(value);
            }
        };
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<String> split(List<String> entries) {
        List<String> parts = new ArrayList<>();
        for (String entry : entries) {
            for (String part : entry.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return parts;
    }

    private static long[] range(String entry) {
        try {
            int slash = entry.indexOf('/');
            int dash = entry.indexOf('-');
            if (slash >= 0) {
                long base = parseAddress(entry.substring(0, slash));
                int prefix = Integer.parseInt(entry.substring(slash + 1));
                if (prefix < 0 || prefix > 32) {
                    throw new IllegalArgumentException("the prefix length must be 0 to 32");
                }
                long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
                if ((base & mask) != base) {
                    throw new IllegalArgumentException("host bits are set; the block starts at "
                            + toAddress(base & mask).getHostAddress());
                }
                return new long[] {base, base | (~mask & 0xFFFFFFFFL)};
            }
            if (dash >= 0) {
                long first = parseAddress(entry.substring(0, dash));
                long last = parseAddress(entry.substring(dash + 1));
                if (last < first) {
                    throw new IllegalArgumentException("the range ends before it starts");
                }
                return new long[] {first, last};
            }
            long single = parseAddress(entry);
            return new long[] {single, single};
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + entry + "\" is not an IPv4 address, block or range: "
                    + e.getMessage().toLowerCase(Locale.ROOT));
        }
    }

    /** Multicast, broadcast and "this network" are never survey targets. */
    private static void refuseSpecial(String entry, long[] range) {
        long[][] special = {
            {0x00000000L, 0x00FFFFFFL, 0}, // 0.0.0.0/8
            {0xE0000000L, 0xFFFFFFFFL, 0}, // multicast, reserved and broadcast
        };
        for (long[] s : special) {
            if (range[0] <= s[1] && range[1] >= s[0]) {
                throw new IllegalArgumentException("\"" + entry
                        + "\" includes multicast, broadcast or 0.0.0.0/8 addresses, which are never survey targets");
            }
        }
    }

    private static long parseAddress(String text) {
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("an address has four numbers");
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("\"" + part + "\" is not a number from 0 to 255");
            }
            int n = Integer.parseInt(part);
            if (n > 255) {
                throw new IllegalArgumentException(n + " is more than 255");
            }
            value = (value << 8) | n;
        }
        return value;
    }

    private static List<long[]> merge(List<long[]> ranges) {
        List<long[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(r -> r[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new long[] {r[0], r[1]});
            }
        }
        return merged;
    }

    private static List<long[]> subtract(List<long[]> include, List<long[]> exclude) {
        List<long[]> result = new ArrayList<>();
        for (long[] in : include) {
            long start = in[0];
            for (long[] out : exclude) {
                if (out[1] < start || out[0] > in[1]) {
                    continue;
                }
                if (out[0] > start) {
                    result.add(new long[] {start, out[0] - 1});
                }
                start = out[1] + 1;
                if (start > in[1]) {
                    break;
                }
            }
            if (start <= in[1]) {
                result.add(new long[] {start, in[1]});
            }
        }
        return result;
    }

    static long toLong(byte[] address) {
        return ((address[0] & 0xFFL) << 24)
                | ((address[1] & 0xFFL) << 16)
                | ((address[2] & 0xFFL) << 8)
                | (address[3] & 0xFFL);
    }

    static Inet4Address toAddress(long value) {
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
