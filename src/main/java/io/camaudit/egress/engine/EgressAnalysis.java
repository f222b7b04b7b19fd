package io.camaudit.egress.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The egress analysis, fed one record at a time: each flow from a registered device to an address
 * outside the body's networks (and its allow-list) is checked against the rules, enriched (the
 * name the device looked up, the vendor service, the country and autonomous system), and counted
 * into one alert per device, destination and rule. DNS answers teach which name an address was
 * looked up under, and a look-up of a vendor's name is an alert even where no flow followed.
 * Memory is bounded: at most {@link #MAX_NAMES} remembered answers and {@link #MAX_ALERTS} alerts
 * (beyond them the oldest name is forgotten, and further new alerts are counted as dropped), and
 * for each registered device its hour's bytes, whatever the input.
 * Not thread-safe: one per stream.
 */
public final class EgressAnalysis {

    static final int MAX_NAMES = 200_000;
    static final int MAX_ALERTS = 100_000;
    static final int EVIDENCE_ROWS = 5;
    private static final long HOUR = 3_600_000;

    private record NameKey(Ip client, Ip address) {}

    /** A flow kept as evidence, with the name its destination was looked up under. */
    private record Seen(Flow flow, @Nullable String name) {}

    /**
     * Counts of flows, the last port, name and service, and the first flows as evidence: an alert's
     * own, or a pair's. A flow out adds to two or three alerts of its device and destination, and
     * most of those hold for every flow of the pair (the outside rule, a flagged jurisdiction, a
     * service known by its networks); such an alert "follows" its pair and shares the pair's tally,
     * so that a flow is counted once, into the pair, not into each alert (with the alerts' updates
     * left out, as a trial, the collector's decoder ran twice as fast). An alert that stops holding for some flow is given a copy of the
     * pair's tally as it was and counts for itself from then on.
     */
    private static class Tally {
        int port;
        int protocol;

        @Nullable
        String name;

        @Nullable
        Endpoint endpoint;

        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long flows;
        long bytes;
        long packets;
        /**
         * Up to {@link #EVIDENCE_ROWS} rows: a {@link Seen} flow, written out only when the alerts are
         * asked for, or text. Counted here rather than by a list, so that the count read for every
         * flow is in the tally itself, not in one more object.
         */
        @Nullable
        Object[] evidence;

        int evidenceRows;

        void copyFrom(Tally t) {
            port = t.port;
            protocol = t.protocol;
            name = t.name;
            endpoint = t.endpoint;
            first = t.first;
            last = t.last;
            flows = t.flows;
            bytes = t.bytes;
            packets = t.packets;
            evidence = t.evidence == null ? null : t.evidence.clone();
            evidenceRows = t.evidenceRows;
        }
    }

    private static final class Open extends Tally {
        final Rule rule;
        final Directory.Device device;
        final Ip destination;
        /** The pair whose tally the alert shares while it follows it (bit {@link #r}); null for a volume alert. */
        final @Nullable Pair pair;

        final int r;

        @Nullable
        String country;

        Geo.@Nullable Asn asn;

        Open(Rule rule, Directory.Device device, Ip destination, @Nullable Pair pair, int r) {
            this.rule = rule;
            this.device = device;
            this.destination = destination;
            this.pair = pair;
            this.r = r;
        }

        /** Where the alert's counts are: its pair's while it follows the pair, else its own. */
        Tally tally() {
            return pair != null && (pair.following & (1L << r)) != 0 ? pair : this;
        }
    }

    /**
     * The flow being analysed, reused from one to the next: its fields ({@code v}; for an IPv6
     * flow its addresses are the {@link Ip}s only), with its {@link Ip}s and its {@link Flow} made
     * only when something keeps them (an alert's evidence, a new alert, a look-up by name), since
     * most flows out only add to counts. {@code high} and {@code low} are the destination's, as
     * {@link Ip} holds them.
     */
    private static final class Row {
        final FlowFields own = new FlowFields();

        /** The fields: the caller's holder for a flow by its fields (read, not copied), else {@link #own}. */
        FlowFields v = own;

        boolean sourceV4;
        boolean destinationV4;
        /** Whether the destination is known to leave the network (the decoder asked {@link #onlyCounts4}). */
        boolean checked;

        long high;
        long low;

        @Nullable
        Flow flow;

        @Nullable
        Ip source;

        @Nullable
        Ip destination;

        void of(Flow f) {
            flow = f;
            source = f.source();
            destination = f.destination();
            checked = false;
            sourceV4 = source.v4();
            destinationV4 = destination.v4();
            high = destination.high();
            low = destination.low();
            own.copyFrom(f);
            v = own;
        }

        void of(FlowFields f) {
            if (v != f) { // a reference stored only when it changes (the write barrier: see count)
                v = f; // valid for this call only, which is as long as the row is read
            }
            flow = null;
            source = null;
            destination = null;
            checked = true;
            sourceV4 = true;
            destinationV4 = true;
            high = 0;
            low = f.destination & 0xFFFF_FFFFL;
        }

        Ip source() {
            if (source == null) {
                source = Ip.v4(v.source);
            }
            return source;
        }

        Ip destination() {
            if (destination == null) {
                destination = Ip.v4(v.destination);
            }
            return destination;
        }

        Flow flow() {
            if (flow == null) {
                flow = new Flow(
                        v.exporter,
                        v.domain,
                        v.start,
                        v.end,
                        source(),
                        destination(),
                        v.sourcePort,
                        v.destinationPort,
                        v.protocol,
                        v.bytes,
                        v.packets,
                        v.sourceMac,
                        v.destinationMac,
                        v.flags);
            }
            return flow;
        }
    }

    private final Row row = new Row();
    private final EgressData data;
    private final Prefixes own;
    private final Prefixes allowed;
    private final DeviceDirectory directory;
    private final Geo geo;
    private final Map<NameKey, String> names = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NameKey, String> eldest) {
            return size() > MAX_NAMES;
        }
    };
    /** Each device and destination that raised an alert: its place, looked up once, and its alerts by rule. */
    private final PairTable<Pair> pairs = new PairTable<>(MAX_ALERTS);
    /**
     * Each device's hour and bytes out in it, by the device's number ({@code 2 * number} and the
     * next): one place read for every flow out, found without a look-up (as big as the register,
     * whatever the input).
     */
    private final long[] hourly;
    /** Each device's volume alerts by rule, by the device's number (made when the device raises its first). */
    private final @Nullable Open[][] volumeAlerts;
    /** The alerts in the order they were first raised. */
    private final List<Open> alerts = new ArrayList<>();

    private long flows;
    private long fromDevices;
    /**
     * The flows {@link #counted4} counts, from the decoding thread (at {@link #COUNTED_FLOWS}, and
     * from devices at the next index): far into an array of their own, on cache lines that no other
     * thread writes and that hold nothing the analysing thread reads (see {@link LinePadding}).
     */
    private final long[] counted = new long[3 * LinePadding.LONGS];

    private static final int COUNTED_FLOWS = LinePadding.LONGS;
    private long dropped;

    /** The rules, with their parameters read once (this is done for every flow). */
    private final Rule[] rules;

    private final Set<?>[] countries;
    private final long[] limits;
    /** Whether a rule holds for every flow out (so a flow beyond the alert limit is dropped unlooked-at). */
    private final boolean outsideRule;
    /** The indexes of the volume rules, and the endpoints that are known by name or network, and by port. */
    private final int[] volumeRules;

    /** The outside, service and volume rules as bits (bit r for rule r); and the smallest of the volume rules' limits. */
    private final long outsideRules;

    private final long endpointRules;
    private final long volumeRuleBits;
    private final long smallestVolumeLimit;

    private final Endpoint[] byNameOrNetwork;
    private final Endpoint[] byPort;

    /** A device and destination: its place, worked out once, its alerts by rule, and the tally of all its flows. */
    private static final class Pair extends Tally implements PairTable.Keyed {
        /** The key the pair is filed under: its device's number and its destination, as {@link Ip} holds it. */
        final long device;

        final long high;
        final long low;
        final @Nullable String country;
        final Geo.@Nullable Asn asn;
        final Open[] alerts;
        /** The rules whose alerts follow the pair's tally (bit r for rule r). */
        long following;

        /** Which jurisdiction rules the country is flagged by, worked out once: bit r for rule r. */
        final long flagged;
        /** The vendor service whose networks hold the destination, worked out once (null: none). */
        final @Nullable Endpoint byNetwork;
        /** The last port (protocol and port) seen to this destination, and the service it is for this device. */
        int lastPort = -1;

        @Nullable
        Endpoint lastByPort;

        Pair(
                int device,
                Ip destination,
                @Nullable String country,
                Geo.@Nullable Asn asn,
                int rules,
                long flagged,
                @Nullable Endpoint byNetwork) {
            this.device = device;
            this.high = destination.high();
            this.low = destination.low();
            this.country = country;
            this.asn = asn;
            this.alerts = new Open[rules];
            this.flagged = flagged;
            this.byNetwork = byNetwork;
        }

        @Override
        public long device() {
            return device;
        }

        @Override
        public long high() {
            return high;
        }

        @Override
        public long low() {
            return low;
        }
    }

    public EgressAnalysis(EgressData data, Prefixes own, Prefixes allowed, DeviceDirectory directory, Geo geo) {
        this.data = data;
        this.rules = data.rules().toArray(Rule[]::new);
        this.countries = new Set<?>[rules.length];
        this.limits = new long[rules.length];
        for (int r = 0; r < rules.length; r++) {
            countries[r] = rules[r].kind() == Rule.Kind.JURISDICTION
                    ? Set.of(rules[r].parameter().split("\\|"))
                    : Set.of();
            limits[r] = rules[r].kind() == Rule.Kind.VOLUME ? Long.parseLong(rules[r].parameter()) : 0;
        }
        this.outsideRule = data.rules().stream().anyMatch(r -> r.kind() == Rule.Kind.OUTSIDE);
        this.volumeRules = java.util.stream.IntStream.range(0, rules.length)
                .filter(r -> rules[r].kind() == Rule.Kind.VOLUME)
                .toArray();
        this.outsideRules = ruleBits(Rule.Kind.OUTSIDE);
        this.endpointRules = ruleBits(Rule.Kind.ENDPOINT);
        this.volumeRuleBits = ruleBits(Rule.Kind.VOLUME);
        this.smallestVolumeLimit = java.util.Arrays.stream(volumeRules)
                .mapToLong(r -> limits[r])
                .min()
                .orElse(Long.MAX_VALUE);
        this.byNameOrNetwork = data.endpoints().stream()
                .filter(e -> !e.names().isEmpty() || !e.networks().isEmpty())
                .toArray(Endpoint[]::new);
        this.byPort =
                data.endpoints().stream().filter(e -> !e.ports().isEmpty()).toArray(Endpoint[]::new);
        this.own = own;
        this.allowed = allowed;
        this.directory = directory;
        this.hourly = new long[volumeRules.length > 0 ? 2 * directory.devices() : 0];
        this.volumeAlerts = new Open[volumeRules.length > 0 ? directory.devices() : 0][];
        this.geo = geo;
    }

    private long ruleBits(Rule.Kind kind) {
        long bits = 0;
        for (int r = 0; r < rules.length; r++) {
            bits |= rules[r].kind() == kind ? 1L << r : 0;
        }
        return bits;
    }

    /**
     * Flows seen, flows from registered devices, alerts kept, and records whose new alerts were not
     * kept because the limit was reached.
     */
    public record Counts(long flows, long fromDevices, long alerts, long dropped) {}

    public Counts counts() {
        return new Counts(
                flows + counted[COUNTED_FLOWS], fromDevices + counted[COUNTED_FLOWS + 1], alerts.size(), dropped);
    }

    /**
     * Whether a flow to this IPv4 destination can raise nothing (it is in the body's networks or
     * allow-list, or never leaves the network), whoever sent it: then it is only counted. Reads
     * only what the analysis never changes, so a decoder on another thread may ask.
     */
    public boolean onlyCounts4(int destination) {
        return onlyCounts4(own, allowed, destination);
    }

    private static boolean onlyCounts4(Prefixes own, Prefixes allowed, int destination) {
        long address = destination & 0xFFFF_FFFFL;
        return own.contains4(address) || allowed.contains4(address) || !routable4(address);
    }

    /**
     * Counts a flow {@link #onlyCounts4} let the decoder skip. These counts are kept apart from
     * {@link #flow}'s, so that the decoding thread and the analysing one never write the same field.
     */
    public void counted4(int source, long sourceMac) {
        counted4(directory, counted, source, sourceMac);
    }

    private static void counted4(DeviceDirectory directory, long[] counted, int source, long sourceMac) {
        counted[COUNTED_FLOWS]++;
        if (directory.number4(source) != DeviceDirectory.NONE
                || (sourceMac != Flow.NO_MAC && directory.numberByMac(sourceMac) != DeviceDirectory.NONE)) {
            counted[COUNTED_FLOWS + 1]++;
        }
    }

    /**
     * The analysis as a sink, for a decoder on one thread and the analysis on another ({@link
     * FlowPipeline}) as well as on one: both threads read it for every flow, and nothing writes it.
     */
    public FlowSink sink() {
        return new Sink(this);
    }

    /**
     * The sink's fields: the decoding thread's questions answered from its own references, not
     * through the analysis, whose counts the analysing thread writes on every flow.
     */
    private abstract static class SinkFields extends LinePadding implements FlowSink {
        final EgressAnalysis analysis;
        final Prefixes own;
        final Prefixes allowed;
        final DeviceDirectory directory;
        final long[] counted;

        SinkFields(EgressAnalysis analysis) {
            this.analysis = analysis;
            this.own = analysis.own;
            this.allowed = analysis.allowed;
            this.directory = analysis.directory;
            this.counted = analysis.counted;
        }

        @Override
        public void flow(Flow flow) {
            analysis.flow(flow);
        }

        @Override
        public boolean takesFields() {
            return true;
        }

        @Override
        public void flow4(FlowFields fields) {
            analysis.flow4(fields);
        }

        @Override
        public void dns(DnsAnswer answer) {
            analysis.dns(answer);
        }

        @Override
        public boolean onlyCounts4(int destination) {
            return EgressAnalysis.onlyCounts4(own, allowed, destination);
        }

        @Override
        public void counted4(int source, long sourceMac) {
            EgressAnalysis.counted4(directory, counted, source, sourceMac);
        }
    }

    /** The sink, with padding after its fields as before them (see {@link LinePadding}). */
    @SuppressWarnings("unused")
    private static final class Sink extends SinkFields {
        private long q01;
        private long q02;
        private long q03;
        private long q04;
        private long q05;
        private long q06;
        private long q07;
        private long q08;
        private long q09;
        private long q10;
        private long q11;
        private long q12;
        private long q13;
        private long q14;
        private long q15;
        private long q16;

        Sink(EgressAnalysis analysis) {
            super(analysis);
        }
    }

    public void dns(DnsAnswer answer) {
        names.put(new NameKey(answer.client(), answer.address()), answer.name());
        int d = directory.number(answer.client());
        if (d == DeviceDirectory.NONE) {
            return;
        }
        Directory.Device device = directory.device(d);
        Endpoint endpoint = endpointByName(answer.name());
        if (endpoint == null) {
            return;
        }
        Pair pair = null;
        for (int r = 0; r < rules.length; r++) {
            if (rules[r].kind() != Rule.Kind.LOOKUP) {
                continue;
            }
            pair = pair != null ? pair : pair(d, answer.address());
            Open alert = pair == null ? null : open(pair.alerts, r, device, answer.address(), pair);
            if (alert != null) {
                alert.name = answer.name();
                alert.endpoint = endpoint;
                alert.country = pair.country;
                alert.asn = pair.asn;
                touch(alert, answer.time(), 0, 0, 0, "looked up " + answer.name() + " -> " + answer.address());
            }
        }
    }

    public void flow(Flow flow) {
        row.of(flow);
        analyse();
    }

    /**
     * An IPv4 flow given by its fields, as a decoder reads it: analysed as {@link #flow} would,
     * with its {@link Flow} (and its addresses' {@link Ip}s) made only where one is kept. As
     * {@link FlowSink#flow4} promises, only for a destination {@link #onlyCounts4} refused.
     */
    public void flow4(FlowFields fields) {
        row.of(fields);
        analyse();
    }

    /** The flow in {@link #row}: joined to its device, checked against every rule and counted into its alerts. */
    private void analyse() {
        Row f = row;
        flows++;
        int d = f.sourceV4 ? directory.number4(f.v.source) : directory.number(f.source());
        if (d == DeviceDirectory.NONE && f.v.sourceMac != Flow.NO_MAC) {
            d = directory.numberByMac(f.v.sourceMac);
        }
        if (d == DeviceDirectory.NONE) {
            return;
        }
        fromDevices++;
        if (!f.checked && staysInside(f)) { // a flow by its fields was checked by its decoder (FlowSink#flow4)
            return;
        }
        String name = names.isEmpty() ? null : names.get(new NameKey(f.source(), f.destination()));
        long hourBytes = volumeRules.length > 0 ? addHourly(d, f.v.start, f.v.bytes) : 0;
        // The device's record is read only where it is needed (its maker, a new alert): the flows
        // found beyond the alert limit, most of them in a flood, need only its number.
        Pair pair = pairs.get(d, f.high, f.low, f.destinationV4);
        if (pair == null && (pairs.full() || alerts.size() >= MAX_ALERTS)) {
            // Beyond the limit a new destination can raise nothing: no place is looked up for it.
            if (outsideRule || endpointFor(directory.device(d), name, f) != null) {
                dropped++;
            }
            volumeOnly(d, hourBytes);
            return;
        }
        Directory.Device device = directory.device(d);
        if (pair == null) {
            pair = pair(d, f.destination());
        }
        Endpoint endpoint = name == null ? endpointFor(device, pair, f) : endpointFor(device, name, f);
        // The rules that hold for this flow, bit r for rule r: the outside rules always, the
        // jurisdiction rules the pair's country is flagged by, the service rules if it is a vendor's,
        // the volume rules its device's hour has passed (a look-up rule only for a DNS answer).
        long holds = outsideRules | pair.flagged | (endpoint != null ? endpointRules : 0);
        if (hourBytes > smallestVolumeLimit) {
            for (int r : volumeRules) {
                holds |= hourBytes > limits[r] ? 1L << r : 0;
            }
        }
        // An alert that follows the pair but not this flow takes the pair's tally as it was.
        for (long leaving = pair.following & ~holds; leaving != 0; leaving &= leaving - 1) {
            int r = Long.numberOfTrailingZeros(leaving);
            pair.alerts[r].copyFrom(pair);
            pair.following &= ~(1L << r);
        }
        boolean firstFlow = pair.flows == 0;
        count(pair, name, endpoint);
        for (long holding = holds; holding != 0; holding &= holding - 1) {
            int r = Long.numberOfTrailingZeros(holding);
            if ((volumeRuleBits & (1L << r)) != 0) {
                Open alert = open(volumeAlerts(d), r, device, Ip.NONE, null);
                if (alert != null) {
                    alert.country = pair.country != null ? pair.country : alert.country;
                    alert.asn = pair.asn != null ? pair.asn : alert.asn;
                    count(alert, name, endpoint);
                }
                continue;
            }
            if ((pair.following & (1L << r)) != 0) {
                continue; // counted with the pair
            }
            Open alert = pair.alerts[r];
            if (alert == null) {
                alert = open(pair.alerts, r, device, f.destination(), pair);
                if (alert == null) {
                    continue;
                }
                alert.country = pair.country;
                alert.asn = pair.asn;
                if (firstFlow) { // raised by the pair's first flow: it follows the pair, which has this flow
                    pair.following |= 1L << r;
                    continue;
                }
            }
            count(alert, name, endpoint);
        }
    }

    /** Whether the flow's destination is the body's, allowed, or never leaves the network. */
    private boolean staysInside(Row f) {
        if (f.destinationV4) {
            return onlyCounts4((int) f.low);
        }
        Ip destination = f.destination();
        return own.contains(destination) || allowed.contains(destination) || !routable(destination);
    }

    /** A flow to a destination beyond the alert limit still counts towards its device's volume. */
    private void volumeOnly(int d, long hourBytes) {
        for (int r : volumeRules) {
            if (hourBytes > limits[r]) {
                Open alert = open(volumeAlerts(d), r, directory.device(d), Ip.NONE, null);
                if (alert != null) {
                    count(alert, null, null);
                }
            }
        }
    }

    /** Counts the flow in {@link #row} into the tally; keeps it as evidence while the tally has room. */
    private void count(Tally t, @Nullable String name, @Nullable Endpoint endpoint) {
        Row f = row;
        t.port = f.v.destinationPort;
        t.protocol = f.v.protocol;
        // A reference is stored only when it changes: once the tally has outlived a young
        // collection, every reference stored into it passes the collector's write barrier.
        if (name != null && name != t.name) {
            t.name = name;
        }
        if (endpoint != null && endpoint != t.endpoint) {
            t.endpoint = endpoint;
        }
        touch(
                t,
                f.v.start,
                f.v.bytes,
                f.v.packets,
                1,
                t.evidenceRows < EVIDENCE_ROWS ? new Seen(f.flow(), name) : null);
        t.last = Math.max(t.last, f.v.end);
    }

    /** The device and destination's entry, made (with the destination's place) if new; null when the table is full. */
    private @Nullable Pair pair(int d, Ip destination) {
        Pair pair = pairs.get(d, destination);
        if (pair == null) {
            String country = geo.country(destination);
            long flagged = 0;
            for (int r = 0; r < rules.length; r++) {
                flagged |= country != null && countries[r].contains(country) ? 1L << r : 0;
            }
            Endpoint byNetwork = null;
            for (Endpoint e : byNameOrNetwork) {
                if (!e.networks().isEmpty() && e.networks().contains(destination)) {
                    byNetwork = e;
                    break;
                }
            }
            pair = new Pair(d, destination, country, geo.asn(destination), rules.length, flagged, byNetwork);
            if (!pairs.add(pair, destination.v4())) {
                return null;
            }
        }
        return pair;
    }

    /** Adds the flow's bytes to its device's this hour (starting the hour afresh if it is a new one); returns the hour's. */
    private long addHourly(int d, long time, long bytes) {
        long now = time / HOUR;
        int i = 2 * d;
        if (hourly[i] != now) { // every device starts at hour 0 with nothing, as if it had been seen then
            hourly[i] = now;
            hourly[i + 1] = 0;
        }
        return hourly[i + 1] += bytes;
    }

    private Open[] volumeAlerts(int d) {
        Open[] alerts = volumeAlerts[d];
        if (alerts == null) {
            alerts = new Open[rules.length];
            volumeAlerts[d] = alerts;
        }
        return alerts;
    }

    /** The alerts so far, in the order they were first raised. */
    public List<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        for (Open a : alerts) {
            Tally t = a.tally();
            out.add(new Alert(
                    a.rule,
                    a.device,
                    a.destination,
                    t.port,
                    t.protocol,
                    t.name,
                    t.endpoint,
                    a.country,
                    a.asn,
                    geo.describe(),
                    t.first,
                    t.last,
                    t.flows,
                    t.bytes,
                    t.packets,
                    java.util.Arrays.stream(t.evidence == null ? new Object[0] : t.evidence, 0, t.evidenceRows)
                            .map(e -> e instanceof Seen seen ? row(seen.flow(), seen.name()) : (String) e)
                            .toList()));
        }
        return out;
    }

    /**
     * The alert of rule {@code r} in its slots (a pair's, given, or an hour's), raised if new; null
     * when the limit is reached (and counted).
     */
    private @Nullable Open open(Open[] slots, int r, Directory.Device device, Ip destination, @Nullable Pair pair) {
        Open alert = slots[r];
        if (alert == null) {
            if (alerts.size() >= MAX_ALERTS) {
                dropped++;
                return null;
            }
            alert = new Open(rules[r], device, destination, pair, r);
            slots[r] = alert;
            alerts.add(alert);
        }
        return alert;
    }

    private static void touch(Tally alert, long time, long bytes, long packets, long flows, @Nullable Object row) {
        alert.first = Math.min(alert.first, time);
        alert.last = Math.max(alert.last, time);
        alert.flows += flows;
        alert.bytes += bytes;
        alert.packets += packets;
        if (row != null && alert.evidenceRows < EVIDENCE_ROWS) {
            if (alert.evidence == null) {
                alert.evidence = new Object[EVIDENCE_ROWS];
            }
            alert.evidence[alert.evidenceRows++] = row;
        }
    }

    /**
     * The vendor service a destination is: by the name the device looked up or the endpoint's
     * networks, whatever the port; or by the endpoint's port, for a device of that vendor only
     * (UDP 8800 from a Dahua camera is its P2P service; from anything else it may be anything).
     */
    private @Nullable Endpoint endpointFor(Directory.Device device, @Nullable String name, Row f) {
        for (Endpoint e : byNameOrNetwork) {
            boolean named = name != null && !e.names().isEmpty() && e.matchesName(name);
            if (named || (!e.networks().isEmpty() && in(e.networks(), f))) {
                return e;
            }
        }
        for (Endpoint e : byPort) {
            if (e.vendor().equals(device.maker()) && e.matchesPort(f.v.protocol, f.v.destinationPort)) {
                return e;
            }
        }
        return null;
    }

    /**
     * {@link #endpointFor(Directory.Device, String, Row)} for a flow with no looked-up name, from
     * what its pair keeps: the service its destination's networks belong to, else the one its port
     * is for (kept for the last port seen, since a device mostly talks to a destination on one).
     */
    private @Nullable Endpoint endpointFor(Directory.Device device, Pair pair, Row f) {
        if (pair.byNetwork != null) {
            return pair.byNetwork;
        }
        int port = (f.v.protocol << 16) | f.v.destinationPort;
        if (pair.lastPort != port) {
            pair.lastPort = port;
            pair.lastByPort = null;
            for (Endpoint e : byPort) {
                if (e.vendor().equals(device.maker()) && e.matchesPort(f.v.protocol, f.v.destinationPort)) {
                    pair.lastByPort = e;
                    break;
                }
            }
        }
        return pair.lastByPort;
    }

    private static boolean in(Prefixes networks, Row f) {
        return f.destinationV4 ? networks.contains4(f.low) : networks.contains(f.destination());
    }

    private @Nullable Endpoint endpointByName(String name) {
        for (Endpoint e : data.endpoints()) {
            if (!e.names().isEmpty() && e.matchesName(name)) {
                return e;
            }
        }
        return null;
    }

    /** Loopback, link-local, multicast and broadcast destinations never leave the network. */
    private static boolean routable(Ip ip) {
        if (ip.v4()) {
            return routable4(ip.low());
        }
        long top = ip.high() >>> 48;
        return !(ip.high() == 0 && ip.low() == 1) && (top & 0xFFC0) != 0xFE80 && (top & 0xFF00) != 0xFF00;
    }

    private static boolean routable4(long address) {
        long a = address >>> 24;
        long b = (address >>> 16) & 0xFF;
        return a != 127 && a != 0 && !(a == 169 && b == 254) && a < 224;
    }

    private static String row(Flow f, @Nullable String name) {
        return java.time.Instant.ofEpochMilli(f.start()) + " " + withPort(f.source(), f.sourcePort()) + " -> "
                + withPort(f.destination(), f.destinationPort()) + (name == null ? "" : " (" + name + ")") + " proto "
                + f.protocol() + ", " + f.packets() + " packets, " + f.bytes() + " bytes, from " + f.exporter();
    }

    /** An address and port, an IPv6 address in brackets (RFC 5952, section 6) so that the port stands apart. */
    private static String withPort(Ip address, int port) {
        return (address.v4() ? address.toString() : "[" + address + "]") + ":" + port;
    }
}
