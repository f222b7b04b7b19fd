package io.camaudit.egress;

import io.camaudit.audit.AuditLog;
import io.camaudit.discovery.Surveys;
import io.camaudit.egress.engine.Alert;
import io.camaudit.egress.engine.DeviceDirectory;
import io.camaudit.egress.engine.Directory;
import io.camaudit.egress.engine.EgressAnalysis;
import io.camaudit.egress.engine.EgressData;
import io.camaudit.egress.engine.FlowFiles;
import io.camaudit.egress.engine.FlowPipeline;
import io.camaudit.egress.engine.FlowSink;
import io.camaudit.egress.engine.Geo;
import io.camaudit.egress.engine.Ip;
import io.camaudit.egress.engine.IpLocationGeo;
import io.camaudit.egress.engine.Prefixes;
import io.camaudit.egress.persistence.EgressRows;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Egress monitoring for a body: its own networks and allow-list, the network records it hands in
 * (any kind {@link FlowFiles} reads), analysed against its registered devices, and the alerts kept,
 * counted up and decided. Every change is audit-logged.
 */
@Service
public class EgressMonitor {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EgressMonitor.class);

    static final int EVIDENCE_ROWS = 5;

    private final EgressRows rows;
    private final Register register;
    private final Surveys surveys;
    private final io.camaudit.intel.Intel intel;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final EgressData data = EgressData.bundled();
    private volatile @Nullable Geo geo;
    private final String countryFile;
    private final String asnFile;

    EgressMonitor(
            EgressRows rows,
            Register register,
            Surveys surveys,
            io.camaudit.intel.Intel intel,
            AuditLog audit,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactions,
            @org.springframework.beans.factory.annotation.Value("${camaudit.geo.country-file:}") String countryFile,
            @org.springframework.beans.factory.annotation.Value("${camaudit.geo.asn-file:}") String asnFile) {
        this.countryFile = countryFile;
        this.asnFile = asnFile;
        this.rows = rows;
        this.register = register;
        this.surveys = surveys;
        this.intel = intel;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** The geolocation data, loaded on first use (it takes a second; commands that analyse nothing skip it). */
    public Geo geo() {
        Geo loaded = geo;
        if (loaded == null) {
            synchronized (this) {
                loaded = geo;
                if (loaded == null) {
                    loaded = countryFile.isBlank() ? IpLocationGeo.bundled() : operatorFiles();
                    geo = loaded;
                }
            }
        }
        return loaded;
    }

    /** The operator's own MaxMind DB files (GeoLite2 or commercial), named by configuration. */
    private Geo operatorFiles() {
        try {
            return io.camaudit.egress.engine.MaxMindFiles.open(
                    java.nio.file.Path.of(countryFile), asnFile.isBlank() ? null : java.nio.file.Path.of(asnFile));
        } catch (IOException e) {
            throw new IllegalStateException("camaudit.geo.country-file: " + e.getMessage(), e);
        }
    }

    public EgressData data() {
        return data;
    }

    // -- settings ---------------------------------------------------------------------------------

    /** The body's own networks (by default the ranges permitted for its surveys) and its allow-list. */
    public record Networks(String own, String allowed, boolean ownFromPermit) {}

    public Networks networks(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        Optional<EgressRows.Setting> setting = rows.setting(organisationId);
        if (setting.isPresent() && !setting.get().ownNetworks().isBlank()) {
            return new Networks(setting.get().ownNetworks(), setting.get().allowed(), false);
        }
        return new Networks(
                surveys.permit(viewer, organisationId),
                setting.map(EgressRows.Setting::allowed).orElse(""),
                true);
    }

    public void setNetworks(Viewer viewer, long organisationId, String own, String allowed) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        try {
            Prefixes.parse(own);
            Prefixes.parse(allowed);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        if (own.length() > 2_000 || allowed.length() > 2_000) {
            throw new BadInputException("At most 2,000 characters of networks");
        }
        Networks before = networks(viewer, organisationId);
        transactions.executeWithoutResult(status -> {
            rows.saveSetting(new EgressRows.Setting(
                    organisationId, own.strip(), allowed.strip(), viewer.username(), Instant.now(clock)));
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "egress_setting",
                    organisationId,
                    organisationId,
                    "Egress networks of " + organisation.name() + ": own "
                            + (own.isBlank() ? "(the survey ranges)" : own) + "; allowed "
                            + (allowed.isBlank() ? "none" : allowed),
                    Map.of("own", before.own(), "allowed", before.allowed()),
                    Map.of("own", own.strip(), "allowed", allowed.strip()));
        });
    }

    // -- ingesting --------------------------------------------------------------------------------

    /**
     * Reads one file of network records for the body, analyses it against its registered devices,
     * and keeps the alerts (in one transaction: a file that fails part-way keeps the alerts of the
     * records before the failure, which are named in the result's problems).
     */
    public IngestResult ingest(Viewer viewer, long organisationId, String fileName, InputStream in) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        String name = fileName.isBlank() ? "upload" : fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        Networks networks = networks(viewer, organisationId);
        if (networks.own().isBlank()) {
            throw new BadInputException("Say which networks are " + organisation.name()
                    + "'s own first (or have an administrator permit its survey ranges): every address outside them"
                    + " is outside");
        }
        EgressAnalysis analysis = new EgressAnalysis(
                data,
                Prefixes.parse(networks.own()),
                Prefixes.parse(networks.allowed()),
                directory(organisationId),
                geo());
        FlowFiles.Outcome outcome;
        try {
            outcome = FlowPipeline.run(analysis.sink(), sink -> FlowFiles.read(in, name, sink));
        } catch (FlowFiles.UnknownKindException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(name + " could not be read: " + e.getMessage());
        }
        List<Alert> raised = analysis.alerts();
        EgressAnalysis.Counts counts = analysis.counts();
        Kept kept = transactions.execute(status -> {
            Kept views = keep(organisationId, raised, name);
            audit.record(
                    viewer.username(),
                    "CREATE",
                    "egress_ingest",
                    null,
                    organisationId,
                    "Analysed " + name + " (" + outcome.kind().label() + ") for " + organisation.name() + ": "
                            + counts.flows() + " flows, " + counts.fromDevices() + " from registered devices, "
                            + raised.size() + " alerts",
                    null,
                    Map.of("problems", outcome.problems()));
            return views;
        });
        return new IngestResult(
                name,
                outcome.kind().label(),
                outcome.gzipped(),
                outcome.records(),
                outcome.problems(),
                counts.flows(),
                counts.fromDevices(),
                kept.views(),
                kept.raised(),
                geo().describe(),
                data.version());
    }

    /** Alerts as kept, in their order, and the ids of those new to the body or opened again. */
    private record Kept(List<AlertView> views, List<Long> raised) {}

    /**
     * Keeps the alerts: each new one added, each the body already has counted into its row. In a
     * few statements for many alerts (a window of the collector may keep tens of thousands, and a
     * few statements an alert took most of a processor); the caller holds the transaction.
     */
    private Kept keep(long organisationId, List<Alert> alerts, String source) {
        Map<EgressRows.AlertKey, EgressRows.AlertRow> stored = rows.alerts(
                organisationId, alerts.stream().map(EgressMonitor::key).toList());
        // An analysis raises one alert a key; should two share one, the second counts into the first.
        Map<EgressRows.AlertKey, EgressRows.AlertRow> kept = new LinkedHashMap<>();
        for (Alert a : alerts) {
            EgressRows.AlertKey key = key(a);
            EgressRows.AlertRow was = kept.containsKey(key) ? kept.get(key) : stored.get(key);
            kept.put(key, was == null ? row(organisationId, a, source) : merged(was, a, source));
        }
        List<EgressRows.AlertKey> added =
                kept.keySet().stream().filter(k -> !stored.containsKey(k)).toList();
        rows.insert(added.stream().map(kept::get).toList());
        rows.update(kept.entrySet().stream()
                .filter(e -> stored.containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .toList());
        // Only the new rows are read back, for the ids the database gave them; an updated row is as kept.
        Map<EgressRows.AlertKey, EgressRows.AlertRow> ids = rows.alerts(organisationId, added);
        List<AlertView> views = new ArrayList<>(kept.size());
        List<Long> raised = new ArrayList<>();
        for (Map.Entry<EgressRows.AlertKey, EgressRows.AlertRow> e : kept.entrySet()) {
            EgressRows.AlertRow was = stored.get(e.getKey());
            EgressRows.AlertRow row = was == null ? ids.get(e.getKey()) : e.getValue();
            views.add(view(row));
            if (was == null || (was.status().equals("RESOLVED") && row.status().equals("OPEN"))) {
                raised.add(row.id());
            }
        }
        return new Kept(views, raised);
    }

    private static EgressRows.AlertKey key(Alert a) {
        return new EgressRows.AlertKey(
                a.device().id(), a.rule().id(), a.destination().toString());
    }

    /** A new alert's row. */
    private EgressRows.AlertRow row(long organisationId, Alert a, String source) {
        String destination = a.destination().toString();
        Instant first = Instant.ofEpochMilli(a.first());
        Instant last = Instant.ofEpochMilli(a.last());
        return new EgressRows.AlertRow(
                0,
                organisationId,
                a.device().id(),
                a.rule().id(),
                a.rule().severity().name(),
                a.rule().title(),
                destination,
                a.port(),
                a.protocol(),
                a.name(),
                a.endpoint() == null ? null : a.endpoint().id(),
                a.endpoint() == null ? null : a.endpoint().service(),
                a.country(),
                a.asn() == null ? null : a.asn().number(),
                a.asn() == null ? null : clip(a.asn().owner(), 200),
                clip(a.geoData(), 400),
                first,
                last,
                a.flows(),
                a.bytes(),
                a.packets(),
                json.writeValueAsString(a.evidence()),
                "OPEN",
                null,
                null,
                null,
                clip(source, 400),
                data.version());
    }

    /** An alert the body has, with more activity counted in; resolved and seen again since, it is open again. */
    private EgressRows.AlertRow merged(EgressRows.AlertRow was, Alert a, String source) {
        Instant first = Instant.ofEpochMilli(a.first());
        Instant last = Instant.ofEpochMilli(a.last());
        List<String> evidence = new ArrayList<>(List.of(json.readValue(was.evidence(), String[].class)));
        for (String row : a.evidence()) {
            if (evidence.size() < EVIDENCE_ROWS) {
                evidence.add(row);
            }
        }
        return new EgressRows.AlertRow(
                was.id(),
                was.organisationId(),
                was.deviceId(),
                was.ruleId(),
                was.severity(),
                was.title(),
                was.destination(),
                a.port() > 0 ? a.port() : was.port(),
                a.port() > 0 ? a.protocol() : was.protocol(),
                a.name() != null ? a.name() : was.name(),
                a.endpoint() != null ? a.endpoint().id() : was.endpointId(),
                a.endpoint() != null ? a.endpoint().service() : was.endpoint(),
                a.country() != null ? a.country() : was.country(),
                a.asn() != null ? Long.valueOf(a.asn().number()) : was.asn(),
                a.asn() != null ? clip(a.asn().owner(), 200) : was.asnOwner(),
                clip(a.geoData(), 400),
                first.isBefore(was.firstSeen()) ? first : was.firstSeen(),
                last.isAfter(was.lastSeen()) ? last : was.lastSeen(),
                was.flows() + a.flows(),
                was.bytes() + a.bytes(),
                was.packets() + a.packets(),
                json.writeValueAsString(evidence),
                was.status().equals("RESOLVED")
                                && last.isAfter(was.decidedAt() == null ? Instant.EPOCH : was.decidedAt())
                        ? "OPEN"
                        : was.status(),
                was.comment(),
                was.decidedBy(),
                was.decidedAt(),
                clip(source, 400),
                data.version());
    }

    private static @Nullable String clip(@Nullable String text, int length) {
        return text == null ? null : text.length() > length ? text.substring(0, length) : text;
    }

    /** The body's in-service devices by address and by MAC. */
    private DeviceDirectory directory(long organisationId) {
        DeviceDirectory.Builder directory = DeviceDirectory.builder();
        for (EgressRows.DeviceInput d : rows.devices(organisationId)) {
            String what = ((d.manufacturer() == null ? "" : d.manufacturer()) + " "
                            + (d.model() == null ? "" : d.model()))
                    .strip();
            Directory.Device device = new Directory.Device(
                    d.id(),
                    organisationId,
                    d.siteId(),
                    "device " + d.id() + (what.isEmpty() ? "" : " (" + what + ")"),
                    d.maker());
            if (d.ipAddress() != null) {
                try {
                    directory.address(Ip.parse(d.ipAddress()), device);
                } catch (IllegalArgumentException e) {
                    // an address the register holds but no flow can carry
                }
            }
            if (d.macAddress() != null && d.macAddress().matches("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}")) {
                directory.mac(Long.parseLong(d.macAddress().replace(":", ""), 16), device);
            }
        }
        return directory.build();
    }

    // -- collecting -------------------------------------------------------------------------------

    /**
     * When the window after one that ended at {@code ended} ends, once that one is kept at {@code
     * now}: {@code every} after it, or at once if keeping it took longer than that (not at the
     * missed ends in turn, which would make short windows).
     */
    static long nextWindowEnd(long ended, long every, long now) {
        return Math.max(now, ended + every);
    }

    /** A running collector for a body: stop it with {@link #close()}, which keeps what it has seen so far. */
    public final class Collection implements AutoCloseable {
        private final long organisationId;
        private final String actor;
        private final Organisation organisation;
        private final Networks networks;
        private final DeviceDirectory directory;
        private final java.util.function.Consumer<IngestResult> onFlush;
        private final Object lock = new Object();
        private final io.camaudit.egress.engine.FlowCollector collector;
        private final java.util.concurrent.ScheduledExecutorService flusher;
        private EgressAnalysis current;
        private final String where;
        private volatile long totalFlows;
        private volatile long totalAlerts;
        private volatile long totalRaised;
        private volatile long windowsKept;
        private final long everyNanos;

        private Collection(
                Viewer viewer,
                Organisation organisation,
                Networks networks,
                java.net.InetSocketAddress listen,
                java.time.Duration every,
                java.util.function.Consumer<IngestResult> onFlush)
                throws IOException {
            this.organisationId = organisation.id();
            this.actor = viewer.username();
            this.organisation = organisation;
            this.networks = networks;
            this.directory = directory(organisationId);
            this.onFlush = onFlush;
            this.current = analysis();
            EgressAnalysis filter = analysis(); // asked only which flows to skip: the same networks as every window
            this.collector = io.camaudit.egress.engine.FlowCollector.start(
                    listen,
                    new FlowSink() {
                        @Override
                        public void flow(io.camaudit.egress.engine.Flow flow) {
                            current.flow(flow); // the collector holds the lock for each datagram
                        }

                        @Override
                        public boolean takesFields() {
                            return true;
                        }

                        @Override
                        public void flow4(io.camaudit.egress.engine.FlowFields fields) {
                            current.flow4(fields);
                        }

                        @Override
                        public boolean onlyCounts4(int destination) {
                            return filter.onlyCounts4(destination);
                        }

                        @Override
                        public void counted4(int source, long sourceMac) {
                            current.counted4(source, sourceMac);
                        }
                    },
                    lock);
            java.util.concurrent.ScheduledThreadPoolExecutor flushing =
                    new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
                        Thread t = new Thread(r, "egress-flush");
                        t.setDaemon(true);
                        return t;
                    });
            // Closing waits for a window being kept, not for the next one's end: close() keeps that.
            flushing.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            this.flusher = flushing;
            long millis = Math.max(1_000, every.toMillis());
            this.where = collector.address().toString();
            this.everyNanos = millis * 1_000_000;
            schedule(System.nanoTime() + everyNanos);
        }

        /**
         * Ends the window at {@code end}, and schedules the next for {@code every} after it: windows
         * are {@code every} long however long keeping one takes (with a fixed delay between keeps
         * they were that plus the keeping, 20 s at 60,000 alerts a window). One kept more slowly than
         * that is followed at once by the next, never by a run of short windows catching up.
         */
        private void schedule(long end) {
            try {
                flusher.schedule(
                        () -> {
                            try {
                                flush();
                            } catch (RuntimeException e) {
                                // The database refused the window (down, say), or what was told of it
                                // failed: that is said, and the collection goes on with the next.
                                LOG.error(
                                        "A window of the collector at {} failed; collecting goes on: {}",
                                        where,
                                        e.toString());
                            }
                            schedule(nextWindowEnd(end, everyNanos, System.nanoTime()));
                        },
                        end - System.nanoTime(),
                        java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing: close() keeps the last window itself
            }
        }

        private EgressAnalysis analysis() {
            return new EgressAnalysis(
                    data, Prefixes.parse(networks.own()), Prefixes.parse(networks.allowed()), directory, geo());
        }

        public java.net.InetSocketAddress address() throws IOException {
            return collector.address();
        }

        public io.camaudit.egress.engine.FlowCollector.Counts counts() {
            return collector.counts();
        }

        /** What the system dropped before the collector's socket (see {@link io.camaudit.egress.engine.FlowCollector#droppedBeforeTheSocket()}). */
        public java.util.OptionalLong droppedBeforeTheSocket() {
            return collector.droppedBeforeTheSocket();
        }

        /** Keeps the alerts of the window just ended and starts a new window. */
        void flush() {
            EgressAnalysis ended;
            synchronized (lock) {
                ended = current;
                current = analysis();
            }
            List<Alert> raised = ended.alerts();
            EgressAnalysis.Counts counts = ended.counts();
            totalFlows += counts.flows();
            if (raised.isEmpty()) {
                return;
            }
            String source = "collector " + address0();
            Kept kept = transactions.execute(status -> {
                Kept views = keep(organisationId, raised, source);
                audit.record(
                        actor,
                        "CREATE",
                        "egress_ingest",
                        null,
                        organisationId,
                        "Collected for " + organisation.name() + " at " + address0() + ": " + counts.flows()
                                + " flows, " + counts.fromDevices() + " from registered devices, " + raised.size()
                                + " alerts",
                        null,
                        null);
                return views;
            });
            totalAlerts += kept.views().size();
            totalRaised += kept.raised().size();
            windowsKept++;
            onFlush.accept(new IngestResult(
                    source,
                    "NetFlow and IPFIX collector",
                    false,
                    counts.flows(),
                    List.of(),
                    counts.flows(),
                    counts.fromDevices(),
                    kept.views(),
                    kept.raised(),
                    geo().describe(),
                    data.version()));
        }

        private String address0() {
            return where;
        }

        public long totalFlows() {
            return totalFlows;
        }

        /** Alerts kept, over all windows: an alert kept in three windows counts three times. */
        public long totalAlerts() {
            return totalAlerts;
        }

        /** Alerts raised anew (new to the body, or resolved before and seen again), over all windows. */
        public long totalRaised() {
            return totalRaised;
        }

        /** Windows that had alerts to keep. */
        public long windowsKept() {
            return windowsKept;
        }

        @Override
        public void close() throws IOException {
            try {
                collector.drain(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // Lets a window being kept finish, and starts no other: interrupted, the flushing thread
            // would have had the embedded database's file closed under it (H2 reads through an
            // interruptible channel), losing that window and every later write.
            flusher.shutdown();
            try {
                while (!flusher.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    // a window of tens of thousands of alerts may take a while to keep
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            collector.close();
            flush();
        }
    }

    /**
     * Starts a NetFlow v5/v9 and IPFIX collector for the body on the address, analysing as it
     * receives and keeping the alerts every {@code every} (and when closed).
     */
    public Collection collect(
            Viewer viewer,
            long organisationId,
            java.net.InetSocketAddress listen,
            java.time.Duration every,
            java.util.function.Consumer<IngestResult> onFlush) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        Networks networks = networks(viewer, organisationId);
        if (networks.own().isBlank()) {
            throw new BadInputException("Say which networks are " + organisation.name() + "'s own first");
        }
        try {
            return new Collection(viewer, organisation, networks, listen, every, onFlush);
        } catch (IOException e) {
            throw new BadInputException("cannot listen on " + listen + ": " + e.getMessage());
        }
    }

    // -- reading and deciding ---------------------------------------------------------------------

    public List<AlertView> alerts(Viewer viewer, long organisationId, @Nullable String status) {
        register.organisation(viewer, organisationId);
        if (status != null && !List.of("OPEN", "ACKNOWLEDGED", "RESOLVED").contains(status)) {
            throw new BadInputException("The status is OPEN, ACKNOWLEDGED or RESOLVED");
        }
        return rows.alerts(organisationId, status, 1_000).stream()
                .map(this::view)
                .toList();
    }

    public List<AlertView> deviceAlerts(Viewer viewer, long organisationId, long deviceId) {
        viewer.requireRead(organisationId, "Device " + deviceId);
        return rows.deviceAlerts(deviceId).stream()
                .filter(a -> a.organisationId() == organisationId)
                .map(this::view)
                .toList();
    }

    public List<AlertView> siteAlerts(Viewer viewer, long organisationId, long siteId) {
        viewer.requireRead(organisationId, "Site " + siteId);
        return rows.siteAlerts(organisationId, siteId).stream().map(this::view).toList();
    }

    public AlertView alert(Viewer viewer, long alertId) {
        EgressRows.AlertRow row = rows.alert(alertId).orElseThrow(() -> new NotFoundException("Alert " + alertId));
        viewer.requireRead(row.organisationId(), "Alert " + alertId);
        return view(row);
    }

    /** Acknowledges or resolves an alert (or opens it again), with a comment. */
    public AlertView decide(Viewer viewer, long alertId, String status, String comment) {
        EgressRows.AlertRow row = rows.alert(alertId).orElseThrow(() -> new NotFoundException("Alert " + alertId));
        viewer.requireWrite(row.organisationId(), "Alert " + alertId);
        if (!List.of("OPEN", "ACKNOWLEDGED", "RESOLVED").contains(status)) {
            throw new BadInputException("Choose acknowledged, resolved or open");
        }
        String text = comment.strip();
        if (text.isEmpty() || text.length() > 2_000) {
            throw new BadInputException("Say why, in up to 2,000 characters");
        }
        transactions.executeWithoutResult(s -> {
            rows.decide(alertId, status, text, viewer.username(), Instant.now(clock));
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "egress_alert",
                    alertId,
                    row.organisationId(),
                    "Alert " + alertId + " " + status.toLowerCase(java.util.Locale.ROOT) + ": " + text,
                    Map.of("status", row.status()),
                    Map.of("status", status, "comment", text));
        });
        return alert(viewer, alertId);
    }

    AlertView view(EgressRows.AlertRow r) {
        String where = (r.name() != null ? r.name() + " (" + r.destination() + ")" : r.destination())
                + (r.port() > 0
                        ? " port " + (r.protocol() == 17 ? "UDP " : r.protocol() == 6 ? "TCP " : "") + r.port()
                        : "")
                + (r.country() != null ? ", " + r.country() : "")
                + (r.asn() != null ? ", AS" + r.asn() + " " + r.asnOwner() : "")
                + (r.endpoint() != null ? " [" + r.endpoint() + "]" : "");
        return new AlertView(
                r.id(),
                r.organisationId(),
                r.deviceId(),
                r.ruleId(),
                r.severity(),
                r.title(),
                r.title() + ": device " + r.deviceId() + " to " + where,
                r.destination(),
                r.port(),
                r.protocol(),
                r.name(),
                r.endpoint(),
                r.country(),
                r.asn(),
                r.asnOwner(),
                r.geoData(),
                r.firstSeen(),
                r.lastSeen(),
                r.flows(),
                r.bytes(),
                r.packets(),
                List.of(json.readValue(r.evidence(), String[].class)),
                r.status(),
                r.comment(),
                r.decidedBy(),
                r.decidedAt(),
                r.source());
    }
}
