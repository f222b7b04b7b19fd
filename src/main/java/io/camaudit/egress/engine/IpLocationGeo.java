package io.camaudit.egress.engine;

import com.maxmind.db.Reader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Country and autonomous system offline: the ip-location-db country database in MaxMind DB format
 * (read once with MaxMind's own low-level reader into ranges) and its ASN tables ({@code start,end,asn,owner} by
 * number, IPv4 and IPv6), held as sorted arrays and searched by halves. Both are CC BY 4.0 and say
 * so, with their version, in {@link #describe()}.
 */
public final class IpLocationGeo implements Geo, AutoCloseable {

    private final Table<String> countries4;
    private final Table<String> countries6;
    private final Table<Asn> v4;
    private final Table<Asn> v6;
    private final String description;

    private IpLocationGeo(
            Table<String> countries4, Table<String> countries6, Table<Asn> v4, Table<Asn> v6, String description) {
        this.countries4 = countries4;
        this.countries6 = countries6;
        this.v4 = v4;
        this.v6 = v6;
        this.description = description;
    }

    /**
     * The data the build installed ({@code scripts/geo-data}, under {@code geo/} on the class path),
     * or {@link Geo#none()} where the build had no npm or no network.
     */
    public static Geo bundled() {
        ClassLoader loader = IpLocationGeo.class.getClassLoader();
        try (InputStream version = loader.getResourceAsStream("geo/VERSION")) {
            if (version == null) {
                return Geo.none();
            }
            String v = new String(version.readAllBytes(), StandardCharsets.UTF_8).strip();
            try (InputStream country = loader.getResourceAsStream("geo/country.mmdb");
                    InputStream v4 = loader.getResourceAsStream("geo/asn-ipv4-num.csv");
                    InputStream v6 = loader.getResourceAsStream("geo/asn-ipv6-num.csv")) {
                if (country == null || v4 == null || v6 == null) {
                    return Geo.none();
                }
                return load(
                        country,
                        v4,
                        v6,
                        "ip-location-db geo-whois-asn-country and asn " + v
                                + " (CC BY 4.0; contains data from NRO, RouteViews and DB-IP; data of " + dataDate(v)
                                + ")");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the bundled geolocation data could not be read", e);
        }
    }

    /** ip-location-db versions end in the data's date and hour: 2.3.2026061719 is 2026-06-17. */
    static String dataDate(String version) {
        String tail = version.substring(version.lastIndexOf('.') + 1);
        return tail.length() >= 8
                ? tail.substring(0, 4) + "-" + tail.substring(4, 6) + "-" + tail.substring(6, 8)
                : "unknown date";
    }

    /** Loads the databases from their streams; {@code description} names them, their licence and their date. */
    public static IpLocationGeo load(InputStream countryMmdb, InputStream asnV4, InputStream asnV6, String description)
            throws IOException {
        try (Reader countries = new Reader(countryMmdb)) {
            return new IpLocationGeo(
                    Table.countries(countries, true),
                    Table.countries(countries, false),
                    Table.read(asnV4),
                    Table.read(asnV6),
                    description);
        }
    }

    @Override
    public @Nullable String country(Ip address) {
        return (address.v4() ? countries4 : countries6).find(address.high(), address.low());
    }

    @Override
    public @Nullable Asn asn(Ip address) {
        return (address.v4() ? v4 : v6).find(address.high(), address.low());
    }

    @Override
    public String describe() {
        return description;
    }

    /** Two searches by halves over arrays of longs (for IPv4, within the address's /16): cheaper than any cache. */
    @Override
    public boolean fast() {
        return true;
    }

    @Override
    public void close() {
        // everything is in memory; nothing to release
    }

    /** Ranges sorted by start, as two longs each (high, low; IPv4 in low), and each range's value. */
    private static final class Table<T> {
        private final long[] startHigh;
        private final long[] startLow;
        private final long[] endHigh;
        private final long[] endLow;
        private final Object[] values;
        /**
         * For an IPv4 table: {@code first[b]} is how many ranges start below {@code b << 16}, so
         * that a search by halves need only look among the ranges starting in its address's /16.
         */
        private final int @Nullable [] first;

        private Table(long[] startHigh, long[] startLow, long[] endHigh, long[] endLow, Object[] values) {
            this.startHigh = startHigh;
            this.startLow = startLow;
            this.endHigh = endHigh;
            this.endLow = endLow;
            this.values = values;
            this.first = v4(startHigh, endHigh, endLow) ? buckets(startLow) : null;
        }

        private static boolean v4(long[] startHigh, long[] endHigh, long[] endLow) {
            for (int i = 0; i < startHigh.length; i++) {
                if (startHigh[i] != 0 || endHigh[i] != 0 || (endLow[i] >>> 32) != 0) {
                    return false;
                }
            }
            return true;
        }

        private static int[] buckets(long[] startLow) {
            int[] first = new int[(1 << 16) + 1];
            int i = 0;
            for (int b = 0; b <= 1 << 16; b++) {
                long bound = (long) b << 16;
                while (i < startLow.length && startLow[i] < bound) {
                    i++;
                }
                first[b] = i;
            }
            return first;
        }

        /**
         * The country database's networks, read once through MaxMind's reader into ranges (adjacent
         * networks of the same country joined), so that a look-up is a search by halves over longs
         * rather than a walk of the database's tree and a decoded record per flow.
         */
        static Table<String> countries(Reader reader, boolean v4) throws IOException {
            List<long[]> ranges = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            Map<String, String> interned = new HashMap<>();
            try {
                com.maxmind.db.Networks<Map> networks = reader.networks(Map.class);
                while (networks.hasNext()) {
                    com.maxmind.db.DatabaseRecord<Map> record = networks.next();
                    java.net.InetAddress address = record.network().networkAddress();
                    if ((address instanceof java.net.Inet4Address) != v4) {
                        continue;
                    }
                    Object code = record.data() == null ? null : record.data().get("country_code");
                    if (!(code instanceof String c) || c.length() != 2) {
                        continue;
                    }
                    Ip start = Ip.of(address);
                    int bits = (v4 ? 32 : 128) - record.network().prefixLength();
                    long[] end = v4
                            ? new long[] {0, start.low() | (bits >= 64 ? -1L : (1L << bits) - 1)}
                            : last(start, bits);
                    int n = ranges.size();
                    if (n > 0 && codes.get(n - 1).equals(c) && next(ranges.get(n - 1), start)) {
                        ranges.get(n - 1)[2] = end[0];
                        ranges.get(n - 1)[3] = end[1];
                    } else {
                        ranges.add(new long[] {start.high(), start.low(), end[0], end[1]});
                        codes.add(interned.computeIfAbsent(c, k -> k));
                    }
                }
            } catch (com.maxmind.db.InvalidNetworkException | com.maxmind.db.ClosedDatabaseException e) {
                throw new IOException("the country database could not be read: " + e.getMessage(), e);
            }
            int n = ranges.size();
            long[] sh = new long[n];
            long[] sl = new long[n];
            long[] eh = new long[n];
            long[] el = new long[n];
            for (int i = 0; i < n; i++) {
                sh[i] = ranges.get(i)[0];
                sl[i] = ranges.get(i)[1];
                eh[i] = ranges.get(i)[2];
                el[i] = ranges.get(i)[3];
            }
            return new Table<>(sh, sl, eh, el, codes.toArray());
        }

        private static long[] last(Ip start, int bits) {
            if (bits >= 64) {
                long highMask = bits >= 128 ? -1L : (1L << (bits - 64)) - 1;
                return new long[] {start.high() | highMask, -1L};
            }
            return new long[] {start.high(), start.low() | (bits == 0 ? 0 : (1L << bits) - 1)};
        }

        /** Whether the start follows straight on from the range's end. */
        private static boolean next(long[] range, Ip start) {
            long low = range[3] + 1;
            long high = range[3] == -1L ? range[2] + 1 : range[2];
            return start.high() == high && start.low() == low;
        }

        static Table<Asn> read(InputStream in) throws IOException {
            List<long[]> ranges = new ArrayList<>();
            List<Asn> asns = new ArrayList<>();
            Map<String, Asn> shared = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            for (CSVRecord r : CSVFormat.RFC4180.parse(reader)) {
                if (r.size() < 4) {
                    continue;
                }
                BigInteger start = new BigInteger(r.get(0));
                BigInteger end = new BigInteger(r.get(1));
                ranges.add(new long[] {
                    start.shiftRight(64).longValue(),
                    start.longValue(),
                    end.shiftRight(64).longValue(),
                    end.longValue()
                });
                String key = r.get(2) + "\t" + r.get(3);
                asns.add(shared.computeIfAbsent(key, k -> new Asn(Long.parseLong(r.get(2)), r.get(3))));
            }
            Integer[] order = new Integer[ranges.size()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(
                    order, (a, b) -> compare(ranges.get(a)[0], ranges.get(a)[1], ranges.get(b)[0], ranges.get(b)[1]));
            int n = order.length;
            long[] sh = new long[n];
            long[] sl = new long[n];
            long[] eh = new long[n];
            long[] el = new long[n];
            Object[] as = new Object[n];
            for (int i = 0; i < n; i++) {
                long[] range = ranges.get(order[i]);
                sh[i] = range[0];
                sl[i] = range[1];
                eh[i] = range[2];
                el[i] = range[3];
                as[i] = asns.get(order[i]);
            }
            return new Table<>(sh, sl, eh, el, as);
        }

        @SuppressWarnings("unchecked")
        @Nullable
        T find(long high, long low) {
            int lo = 0;
            int hi = startHigh.length - 1;
            if (first != null) {
                if (high != 0 || (low >>> 32) != 0) {
                    return null;
                }
                int bucket = (int) (low >>> 16);
                lo = first[bucket];
                hi = first[bucket + 1] - 1;
            }
            int found = lo - 1; // the range starting before this /16, if no range starts in it at or below the address
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (compare(startHigh[mid], startLow[mid], high, low) <= 0) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (found >= 0 && compare(high, low, endHigh[found], endLow[found]) <= 0) {
                return (T) values[found];
            }
            return null;
        }

        private static int compare(long aHigh, long aLow, long bHigh, long bLow) {
            int c = Long.compareUnsigned(aHigh, bHigh);
            return c != 0 ? c : Long.compareUnsigned(aLow, bLow);
        }
    }
}
