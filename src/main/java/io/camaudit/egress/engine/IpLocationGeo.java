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
 * (read with MaxMind's own low-level reader) and its ASN tables ({@code start,end,asn,owner} by
 * number, IPv4 and IPv6), held as sorted arrays and searched by halves. Both are CC BY 4.0 and say
 * so, with their version, in {@link #describe()}.
 */
public final class IpLocationGeo implements Geo, AutoCloseable {

    private final Reader countries;
    private final Table v4;
    private final Table v6;
    private final String description;

    private IpLocationGeo(Reader countries, Table v4, Table v6, String description) {
        this.countries = countries;
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
        return new IpLocationGeo(
                new Reader(countryMmdb, new com.maxmind.db.CHMCache()),
                Table.read(asnV4),
                Table.read(asnV6),
                description);
    }

    @Override
    public @Nullable String country(Ip address) {
        try {
            Map<?, ?> record = countries.get(address.toInetAddress(), Map.class);
            Object code = record == null ? null : record.get("country_code");
            return code instanceof String s && s.length() == 2 ? s : null;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged record names no country
        }
    }

    @Override
    public @Nullable Asn asn(Ip address) {
        return (address.v4() ? v4 : v6).find(address.high(), address.low());
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        countries.close();
    }

    /** Ranges sorted by start, as two longs each (high, low; IPv4 in low), and each range's AS. */
    private static final class Table {
        private final long[] startHigh;
        private final long[] startLow;
        private final long[] endHigh;
        private final long[] endLow;
        private final Asn[] asns;

        private Table(long[] startHigh, long[] startLow, long[] endHigh, long[] endLow, Asn[] asns) {
            this.startHigh = startHigh;
            this.startLow = startLow;
            this.endHigh = endHigh;
            this.endLow = endLow;
            this.asns = asns;
        }

        static Table read(InputStream in) throws IOException {
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
            Asn[] as = new Asn[n];
            for (int i = 0; i < n; i++) {
                long[] range = ranges.get(order[i]);
                sh[i] = range[0];
                sl[i] = range[1];
                eh[i] = range[2];
                el[i] = range[3];
                as[i] = asns.get(order[i]);
            }
            return new Table(sh, sl, eh, el, as);
        }

        @Nullable
        Asn find(long high, long low) {
            int lo = 0;
            int hi = startHigh.length - 1;
            int found = -1;
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
                return asns[found];
            }
            return null;
        }

        private static int compare(long aHigh, long aLow, long bHigh, long bLow) {
            int c = Long.compareUnsigned(aHigh, bHigh);
            return c != 0 ? c : Long.compareUnsigned(aLow, bLow);
        }
    }
}
