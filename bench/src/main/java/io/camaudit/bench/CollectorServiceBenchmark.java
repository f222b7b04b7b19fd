package io.camaudit.bench;

import io.camaudit.egress.EgressMonitor;
import io.camaudit.egress.IngestResult;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live collector as the service runs it (issue #6), where {@link CollectorBenchmark} runs the
 * collector and one analysis alone: {@link EgressMonitor}'s collection for a body with 5,000
 * registered Dahua cameras, on the service's embedded database (then on PostgreSQL, where {@code
 * CAMAUDIT_BENCH_POSTGRES_URL} names a server: bench/run starts one when it can), whose analysis starts afresh every
 * window (ten seconds) and whose alerts the service keeps in the database as each window ends, on
 * a thread of its own that shares the machine's two cores with the collector's. The same
 * datagrams as {@link CollectorBenchmark} (30,000 pairs, so 60,000 alerts a window to keep), for
 * 30 seconds a rate, then to nfcapd for as long; prints what each received and, for each window,
 * the flows and alerts it kept and the processor time keeping them took.
 *
 * <p>Run with {@code bench/run collector-service} (needs Debian's nfdump). {@code
 * CAMAUDIT_BENCH_RATES=a,b,...} gives the rates (900,000, 3,000,000 and 4,500,000 flows a second by
 * default), {@code CAMAUDIT_BENCH_SECONDS} the seconds a rate.
 */
public final class CollectorServiceBenchmark {

    private static final int DEVICES = 5_000;
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private CollectorServiceBenchmark() {}

    public static void main(String[] args) throws Exception {
        long[] rates = System.getenv("CAMAUDIT_BENCH_RATES") == null
                ? new long[] {900_000, 3_000_000, 4_500_000}
                : java.util.Arrays.stream(System.getenv("CAMAUDIT_BENCH_RATES").split(","))
                        .mapToLong(Long::parseLong)
                        .toArray();
        long seconds = Long.parseLong(System.getenv().getOrDefault("CAMAUDIT_BENCH_SECONDS", "30"));
        List<ByteBuffer> messages = CollectorBenchmark.messages(1_000);
        Path work = BenchContext.workDirectory("camaudit-bench-collector-service");
        measure("H2", work.resolve("h2"), null, rates, seconds, messages);
        String postgres = System.getenv("CAMAUDIT_BENCH_POSTGRES_URL");
        if (postgres != null && !postgres.isBlank()) {
            measure("PostgreSQL", work.resolve("pg"),
                    BenchContext.freshPostgresDatabase(postgres, "camaudit_bench_collector"), rates, seconds, messages);
        } else {
            System.out.println("PostgreSQL skipped: set CAMAUDIT_BENCH_POSTGRES_URL (bench/run does when it can)");
        }
    }

    private static void measure(String database, Path dataDir, @Nullable String postgresUrl, long[] rates,
            long seconds, List<ByteBuffer> messages) throws Exception {
        try (ConfigurableApplicationContext context = BenchContext.start(dataDir, postgresUrl)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long organisation = fill(jdbc);
            EgressMonitor monitor = context.getBean(EgressMonitor.class);
            Viewer officer = new Viewer("bench", Role.OFFICER, organisation);
            monitor.setNetworks(officer, organisation, "10.0.0.0/8", "");
            System.out.printf(Locale.ROOT, "%s: %,d registered cameras, %s windows, %d s a rate%n", database, DEVICES,
                    WINDOW, seconds);
            long held = 0; // the highest rate nfcapd held without loss
            long lostThere = -1; // what camaudit lost at that rate
            for (long rate : rates) {
                long flows = rate * seconds;
                long[] reached = new long[2];
                long camaudit =
                        collect(monitor, officer, organisation, messages, rate, flows, reached, postgresUrl != null);
                long nfcapd = CollectorBenchmark.nfcapd(messages, rate, flows, reached);
                System.out.printf(Locale.ROOT, "%,d flows a second, %,d sent: camaudit got %,d (lost %,d), nfcapd got %,d"
                        + " (lost %,d)%n", rate, flows, camaudit, flows - camaudit, nfcapd, flows - nfcapd);
                for (int i = 0; i < 2; i++) {
                    if (reached[i] < rate * 97 / 100) {
                        System.out.printf(Locale.ROOT, "  the sender to %s reached only %,d flows a second%n",
                                i == 0 ? "camaudit" : "nfcapd", reached[i]);
                    }
                }
                if (nfcapd == flows && reached[1] >= rate * 97 / 100) {
                    held = rate;
                    lostThere = flows - camaudit;
                }
            }
            if (held > 0) {
                System.out.printf(Locale.ROOT, "nfcapd held %,d flows a second without loss; camaudit lost %,d there"
                        + " (target: none)%n", held, lostThere);
            }
        }
    }

    /** Collects as the service does while the flows are sent; returns the flows the collector received. */
    private static long collect(EgressMonitor monitor, Viewer officer, long organisation, List<ByteBuffer> messages,
            long rate, long flows, long[] reached, boolean localServer) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> windows = new ArrayList<>();
        // The processor time of the thread that keeps each window (the last is kept on this one, as the
        // collection closes), from its previous window or from when this one began closing it.
        java.util.Map<Long, Long> since = new java.util.concurrent.ConcurrentHashMap<>();
        // And the database server's, where it is PostgreSQL on this machine (bench/run's cluster): the
        // processes' time between one window's end and the next's, which is the keeping (the collector
        // touches the database at no other time).
        double[] server = {localServer ? serverSeconds() : 0};
        EgressMonitor.Collection collection = monitor.collect(
                officer, organisation, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), WINDOW,
                (IngestResult window) -> {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long from = since.getOrDefault(Thread.currentThread().getId(), 0L);
                    double serverNow = localServer ? serverSeconds() : 0;
                    windows.add(String.format(Locale.ROOT, "%,d flows, %,d alerts kept, %.2f s of processor to keep"
                            + " them%s", window.flows(), window.alerts().size(), (cpu - from) / 1e9, localServer
                                    ? String.format(Locale.ROOT, ", and %.2f s of the database server's",
                                            serverNow - server[0])
                                    : ""));
                    since.put(Thread.currentThread().getId(), cpu);
                    server[0] = serverNow;
                });
        java.util.OptionalLong beforeTheSocket;
        try {
            reached[0] = CollectorBenchmark.send(messages, collection.address(), rate, flows);
            beforeTheSocket = collection.droppedBeforeTheSocket(); // each datagram sent is queued or dropped by now
        } finally {
            since.put(Thread.currentThread().getId(), threads.getCurrentThreadCpuTime());
            collection.close();
        }
        io.camaudit.egress.engine.FlowCollector.Counts received = collection.counts();
        System.out.printf(Locale.ROOT, "  camaudit at %,d flows a second: %,d datagrams received, %,d dropped by the"
                + " collector (the decoder a pool behind), %s by the system before the socket%n", rate,
                received.datagrams(), received.dropped(), beforeTheSocket.isPresent()
                        ? String.format(Locale.ROOT, "%,d", beforeTheSocket.getAsLong()) : "the rest");
        for (int i = 0; i < windows.size(); i++) {
            System.out.printf(Locale.ROOT, "  window %d: %s%n", i + 1, windows.get(i));
        }
        return received.flows();
    }

    /**
     * The processor time of every PostgreSQL process on this machine so far, from {@code
     * /proc/PID/stat} (user and system time, in the kernel's ticks of a hundredth of a second).
     */
    private static double serverSeconds() {
        long ticks = 0;
        try (java.nio.file.DirectoryStream<Path> processes = java.nio.file.Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path process : processes) {
                if (!process.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String stat = java.nio.file.Files.readString(process.resolve("stat"));
                    int name = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, name).equals("postgres")) {
                        continue;
                    }
                    String[] fields = stat.substring(name + 2).split(" "); // from the state, field 3
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: 14, 15
                } catch (java.io.IOException | RuntimeException e) {
                    // a process that ended while being read
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks / 100.0;
    }

    /** One body, one site and its cameras on 10.20.0.0/16 (the addresses the datagrams come from), resolved to Dahua. */
    private static long fill(JdbcTemplate jdbc) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into organisation (name, sector, region, provenance_kind, provenance_source, recorded_at,"
                + " recorded_by) values ('Collector body', 'LOCAL_AUTHORITY', 'LONDON', 'SYNTHETIC', 'benchmark', ?, 'bench')",
                now);
        long organisation = jdbc.queryForObject("select max(id) from organisation", Long.class);
        jdbc.update("insert into site (organisation_id, name, kind, provenance_kind, provenance_source, recorded_at,"
                + " recorded_by) values (?, 'Main site', 'OFFICE', 'SYNTHETIC', 'benchmark', ?, 'bench')",
                organisation, now);
        long site = jdbc.queryForObject("select max(id) from site", Long.class);
        List<Object[]> devices = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            devices.add(new Object[] {organisation, site, "serial:C" + d, "C" + d,
                "10.20." + (d / 250) + "." + (d % 250 + 1), now});
        }
        jdbc.batchUpdate("insert into device (organisation_id, site_id, natural_key, manufacturer, manufacturer_key,"
                + " model, serial_number, ip_address, status, provenance_kind, provenance_source, recorded_at,"
                + " recorded_by, sector, site_kind) values (?, ?, ?, 'Dahua', 'dahua', 'IPC-HFW', ?, ?, 'IN_SERVICE',"
                + " 'SYNTHETIC', 'benchmark', ?, 'bench', 'LOCAL_AUTHORITY', 'OFFICE')", devices);
        jdbc.update("insert into device_resolution (device_id, organisation_id, device_version, maker, sold_as,"
                + " relation, confidence, needs_review, evidence, bundle_version, resolved_at) select d.id,"
                + " d.organisation_id, 0, 'dahua', null, null, 1.0, false, '[]', 'bench', ? from device d where"
                + " d.organisation_id = ?", now, organisation);
        return organisation;
    }
}
