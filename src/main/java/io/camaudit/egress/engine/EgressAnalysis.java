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
 * (beyond them the oldest name is forgotten, and further new alerts are counted as dropped).
 * Not thread-safe: one per stream.
 */
public final class EgressAnalysis {

    static final int MAX_NAMES = 200_000;
    static final int MAX_ALERTS = 100_000;
    static final int EVIDENCE_ROWS = 5;
    private static final long HOUR = 3_600_000;

    private record NameKey(Ip client, Ip address) {}

    private record AlertKey(long device, Ip destination, String rule) {}

    private static final class Open {
        final Rule rule;
        final Directory.Device device;
        final Ip destination;
        int port;
        int protocol;

        @Nullable
        String name;

        @Nullable
        Endpoint endpoint;

        @Nullable
        String country;

        Geo.@Nullable Asn asn;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long flows;
        long bytes;
        long packets;
        final List<String> evidence = new ArrayList<>();

        Open(Rule rule, Directory.Device device, Ip destination) {
            this.rule = rule;
            this.device = device;
            this.destination = destination;
        }
    }

    private final EgressData data;
    private final Prefixes own;
    private final Prefixes allowed;
    private final Directory directory;
    private final Geo geo;
    private final Map<NameKey, String> names = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NameKey, String> eldest) {
            return size() > MAX_NAMES;
        }
    };
    private final Map<AlertKey, Open> alerts = new LinkedHashMap<>();
    private final Map<Long, long[]> hourly = new LinkedHashMap<>(); // device -> {hour, bytes, alerted}
    private long flows;
    private long fromDevices;
    private long dropped;

    /** The rules, with their parameters read once (this is done for every flow). */
    private final Rule[] rules;

    private final Set<?>[] countries;
    private final long[] limits;

    public EgressAnalysis(EgressData data, Prefixes own, Prefixes allowed, Directory directory, Geo geo) {
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
        this.own = own;
        this.allowed = allowed;
        this.directory = directory;
        this.geo = geo;
    }

    /** Flows seen, flows from registered devices, and alerts not kept because the limit was reached. */
    public record Counts(long flows, long fromDevices, long alerts, long dropped) {}

    public Counts counts() {
        return new Counts(flows, fromDevices, alerts.size(), dropped);
    }

    public FlowSink sink() {
        return new FlowSink() {
            @Override
            public void flow(Flow flow) {
                EgressAnalysis.this.flow(flow);
            }

            @Override
            public void dns(DnsAnswer answer) {
                EgressAnalysis.this.dns(answer);
            }
        };
    }

    public void dns(DnsAnswer answer) {
        names.put(new NameKey(answer.client(), answer.address()), answer.name());
        Directory.Device device = directory.byAddress(answer.client());
        if (device == null) {
            return;
        }
        for (Rule rule : data.rules()) {
            if (rule.kind() != Rule.Kind.LOOKUP) {
                continue;
            }
            Endpoint endpoint = endpointByName(answer.name());
            if (endpoint != null) {
                Open alert = open(rule, device, answer.address());
                if (alert != null) {
                    alert.name = answer.name();
                    alert.endpoint = endpoint;
                    touch(alert, answer.time(), 0, 0, 0, "looked up " + answer.name() + " -> " + answer.address());
                }
            }
        }
    }

    public void flow(Flow flow) {
        flows++;
        Directory.Device device = directory.byAddress(flow.source());
        if (device == null && flow.sourceMac() != Flow.NO_MAC) {
            device = directory.byMac(flow.sourceMac());
        }
        if (device == null) {
            return;
        }
        fromDevices++;
        Ip destination = flow.destination();
        if (own.contains(destination) || allowed.contains(destination) || !routable(destination)) {
            return;
        }
        String name = names.isEmpty() ? null : names.get(new NameKey(flow.source(), destination));
        Endpoint endpoint = endpointFor(device, name, destination, flow.protocol(), flow.destinationPort());
        Place place = place(destination);
        String country = place.country();
        for (int r = 0; r < rules.length; r++) {
            Rule rule = rules[r];
            boolean holds = switch (rule.kind()) {
                case OUTSIDE -> true;
                case JURISDICTION -> country != null && countries[r].contains(country);
                case ENDPOINT -> endpoint != null;
                case VOLUME -> volume(device, flow, limits[r]);
                case LOOKUP -> false;
            };
            if (!holds) {
                continue;
            }
            Open alert = open(rule, device, destination);
            if (alert == null) {
                continue;
            }
            alert.port = flow.destinationPort();
            alert.protocol = flow.protocol();
            alert.name = name != null ? name : alert.name;
            alert.endpoint = endpoint != null ? endpoint : alert.endpoint;
            alert.country = country;
            alert.asn = place.asn();
            touch(
                    alert,
                    flow.start(),
                    flow.bytes(),
                    flow.packets(),
                    1,
                    alert.evidence.size() < EVIDENCE_ROWS ? row(flow, name) : "");
            alert.last = Math.max(alert.last, flow.end());
        }
    }

    /** A destination's country and autonomous system, looked up once while it stays in the cache. */
    private record Place(@Nullable String country, Geo.@Nullable Asn asn) {}

    static final int MAX_PLACES = 65_536;
    private final Map<Ip, Place> places = new java.util.HashMap<>();

    private Place place(Ip destination) {
        if (geo.fast()) {
            return new Place(geo.country(destination), geo.asn(destination));
        }
        Place place = places.get(destination);
        if (place == null) {
            if (places.size() >= MAX_PLACES) {
                places.clear(); // bounded: a flood of destinations starts the cache afresh rather than grow
            }
            place = new Place(geo.country(destination), geo.asn(destination));
            places.put(destination, place);
        }
        return place;
    }

    /** The alerts so far, in the order they were first raised. */
    public List<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        for (Open a : alerts.values()) {
            out.add(new Alert(
                    a.rule,
                    a.device,
                    a.destination,
                    a.port,
                    a.protocol,
                    a.name,
                    a.endpoint,
                    a.country,
                    a.asn,
                    geo.describe(),
                    a.first,
                    a.last,
                    a.flows,
                    a.bytes,
                    a.packets,
                    List.copyOf(a.evidence)));
        }
        return out;
    }

    private @Nullable Open open(Rule rule, Directory.Device device, Ip destination) {
        // A volume alert is per device, whatever the destination.
        Ip key = rule.kind() == Rule.Kind.VOLUME ? Ip.NONE : destination;
        AlertKey k = new AlertKey(device.id(), key, rule.id());
        Open alert = alerts.get(k);
        if (alert == null) {
            if (alerts.size() >= MAX_ALERTS) {
                dropped++;
                return null;
            }
            alert = new Open(rule, device, key);
            alerts.put(k, alert);
        }
        return alert;
    }

    private static void touch(Open alert, long time, long bytes, long packets, long flows, String row) {
        alert.first = Math.min(alert.first, time);
        alert.last = Math.max(alert.last, time);
        alert.flows += flows;
        alert.bytes += bytes;
        alert.packets += packets;
        if (alert.evidence.size() < EVIDENCE_ROWS) {
            alert.evidence.add(row);
        }
    }

    private boolean volume(Directory.Device device, Flow flow, long limit) {
        long hour = flow.start() / HOUR;
        long[] state = hourly.computeIfAbsent(device.id(), d -> new long[] {hour, 0, 0});
        if (state[0] != hour) {
            state[0] = hour;
            state[1] = 0;
            state[2] = 0;
        }
        state[1] += flow.bytes();
        if (hourly.size() > MAX_ALERTS) {
            hourly.clear(); // bounded: a flood of devices resets the hourly tallies rather than grow
        }
        return state[1] > limit;
    }

    /**
     * The vendor service a destination is: by the name the device looked up or the endpoint's
     * networks, whatever the port; or by the endpoint's port, for a device of that vendor only
     * (UDP 8800 from a Dahua camera is its P2P service; from anything else it may be anything).
     */
    private @Nullable Endpoint endpointFor(
            Directory.Device device, @Nullable String name, Ip destination, int protocol, int port) {
        for (Endpoint e : data.endpoints()) {
            boolean named = name != null && !e.names().isEmpty() && e.matchesName(name);
            boolean networked = !e.networks().isEmpty() && e.networks().contains(destination);
            if (named || networked) {
                return e;
            }
        }
        for (Endpoint e : data.endpoints()) {
            if (!e.ports().isEmpty() && e.vendor().equals(device.maker()) && e.matchesPort(protocol, port)) {
                return e;
            }
        }
        return null;
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
            long a = ip.low() >>> 24;
            long b = (ip.low() >>> 16) & 0xFF;
            return a != 127 && a != 0 && !(a == 169 && b == 254) && a < 224;
        }
        long top = ip.high() >>> 48;
        return !(ip.high() == 0 && ip.low() == 1) && (top & 0xFFC0) != 0xFE80 && (top & 0xFF00) != 0xFF00;
    }

    private static String row(Flow f, @Nullable String name) {
        return java.time.Instant.ofEpochMilli(f.start()) + " " + f.source() + ":" + f.sourcePort() + " -> "
                + f.destination() + ":" + f.destinationPort() + (name == null ? "" : " (" + name + ")") + " proto "
                + f.protocol() + ", " + f.packets() + " packets, " + f.bytes() + " bytes, from " + f.exporter();
    }
}
