package io.camaudit.cli;

import io.camaudit.egress.AlertView;
import io.camaudit.egress.EgressMonitor;
import io.camaudit.egress.engine.FlowCollector;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Viewer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** A live NetFlow and IPFIX collector for a body. */
@Command(
        name = "collect",
        mixinStandardHelpOptions = true,
        description = {
            "Receive NetFlow v5, NetFlow v9 and IPFIX from the body's routers, switches or probes, and analyse it as"
                    + " camaudit ingest does, in windows of --flush seconds. At the end of each window its alerts are"
                    + " kept, counted into those the body already has, and said on the error stream in one line; the"
                    + " alerts it raised anew (new to the body, or resolved before and seen again) are printed, one"
                    + " line each (or JSON with --json), so that each is printed once; --updates prints every alert"
                    + " the window counted flows into. Templates are kept per exporter and observation domain, replaced"
                    + " when sent again and dropped when IPFIX withdraws them. Datagrams that cannot be read, any dropped because the"
                    + " analysis fell behind, and (on Linux) any the system dropped because the socket's buffer was"
                    + " full, are counted, and said on the error stream every --flush seconds as they happen, and in"
                    + " the totals at the end. Up to 65,536 datagrams wait for the analysis (128 MB of memory outside"
                    + " the Java heap).",
            "",
            "Runs until stopped (Ctrl-C), or for --seconds. Exit code: 0 done, 2 for a bad option or address."
        })
final class CollectCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(
            names = {"-o", "--organisation"},
            required = true,
            paramLabel = "NAME|ID",
            description = "The body whose records these are")
    String organisation;

    @Option(
            names = "--listen",
            paramLabel = "ADDRESS:PORT",
            defaultValue = "0.0.0.0:2055",
            description = "Where to receive (default: ${DEFAULT-VALUE})")
    String listen;

    @Option(
            names = "--flush",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "How long a window is: how often alerts are kept and printed (default: ${DEFAULT-VALUE})")
    int flush;

    @Option(
            names = "--seconds",
            paramLabel = "N",
            defaultValue = "0",
            description = "Stop after N seconds (0: run until stopped)")
    int seconds;

    @Option(names = "--json", description = "One JSON object per alert")
    boolean json;

    @Option(
            names = "--updates",
            description = "Print every alert each window counted flows into, with its counts so far, not only those"
                    + " it raised anew")
    boolean updates;

    /**
     * Says on the error stream, as it happens rather than only at the end, what the collector could
     * not read or had to drop since it last said; returns the counts it has now said.
     */
    static FlowCollector.Counts warnOfLosses(FlowCollector.Counts before, FlowCollector.Counts now) {
        long unread = now.undecodable() - before.undecodable();
        long dropped = now.dropped() - before.dropped();
        if (unread > 0) {
            System.err.printf(
                    Locale.ROOT,
                    "camaudit collect: %,d datagrams could not be read since the last report; the last: %s%n",
                    unread,
                    now.lastProblem());
        }
        if (dropped > 0) {
            System.err.printf(
                    Locale.ROOT,
                    "camaudit collect: %,d datagrams dropped since the last report: the analysis fell a whole"
                            + " buffer pool behind the exporters%n",
                    dropped);
        }
        return now;
    }

    /**
     * Says on the error stream how many datagrams the system dropped before the socket since it last
     * said (where the system says); returns the count it has now said.
     */
    static long warnOfSocketDrops(long before, java.util.OptionalLong now) {
        if (now.isEmpty() || now.getAsLong() <= before) {
            return before;
        }
        System.err.printf(
                Locale.ROOT,
                "camaudit collect: %,d datagrams dropped by the system since the last report, before camaudit could"
                        + " receive them: the socket's buffer was full (raise net.core.rmem_max: see the README)%n",
                now.getAsLong() - before);
        return now.getAsLong();
    }

    /** What a window gave, in one line: its flows, and its alerts raised anew and counted into. */
    static String windowLine(io.camaudit.egress.IngestResult window) {
        return String.format(
                Locale.ROOT,
                "camaudit collect: window kept at %s UTC: %,d flows, %,d from registered devices; %s, %,d of"
                        + " them new or opened again",
                java.time.LocalTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                window.flows(),
                window.fromDevices(),
                alerts(window.alerts().size()),
                window.raised().size());
    }

    private static String alerts(long count) {
        return String.format(Locale.ROOT, "%,d alert%s", count, count == 1 ? "" : "s");
    }

    @Override
    public Integer call() throws Exception {
        InetSocketAddress address;
        try {
            int colon = listen.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--listen " + listen + " is not ADDRESS:PORT");
            }
            String host = listen.substring(0, colon).replace("[", "").replace("]", "");
            if (!host.matches("[0-9A-Fa-f:.]+")) {
                throw new IllegalArgumentException("--listen takes an address, not a name: " + host);
            }
            address = new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(listen.substring(colon + 1)));
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            System.err.println("camaudit collect: " + e.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
            Viewer viewer = CliViewer.get();
            Organisation body = ImportCommand.resolve(context.getBean(Register.class), viewer, organisation);
            EgressMonitor monitor = context.getBean(EgressMonitor.class);
            JsonMapper mapper = context.getBean(JsonMapper.class);
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "collect-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            EgressMonitor.Collection collection;
            try {
                collection = monitor.collect(viewer, body.id(), address, Duration.ofSeconds(flush), window -> {
                    java.util.Set<Long> raised = java.util.Set.copyOf(window.raised());
                    for (AlertView alert : window.alerts()) {
                        if (updates || raised.contains(alert.id())) {
                            System.out.println(json ? mapper.writeValueAsString(alert) : IngestCommand.line(alert));
                        }
                    }
                    System.err.println(windowLine(window));
                });
            } catch (BadInputException e) {
                System.err.println("camaudit collect: " + e.getMessage());
                return 2;
            }
            java.util.OptionalLong beforeTheSocket;
            try (collection) {
                System.err.printf(
                        Locale.ROOT,
                        "Collecting for %s on %s; %s%n",
                        body.name(),
                        collection.address(),
                        monitor.geo().describe());
                long end = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
                FlowCollector.Counts reported = collection.counts();
                long socketDrops = collection.droppedBeforeTheSocket().orElse(0);
                while (true) {
                    long left = end - System.nanoTime();
                    long wait = Math.min(Math.max(1, flush) * 1_000_000_000L, left);
                    if (left <= 0 || stop.await(wait, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                        break;
                    }
                    reported = warnOfLosses(reported, collection.counts());
                    socketDrops = warnOfSocketDrops(socketDrops, collection.droppedBeforeTheSocket());
                }
                beforeTheSocket = collection.droppedBeforeTheSocket(); // read while the socket is open
            }
            FlowCollector.Counts counts = collection.counts();
            System.err.printf(
                    Locale.ROOT,
                    "Received %,d datagrams, %,d flows (%,d could not be read, %,d dropped)%s; %s new or"
                            + " opened again (kept %,d times over %,d windows)%s%n",
                    counts.datagrams(),
                    counts.flows(),
                    counts.undecodable(),
                    counts.dropped(),
                    beforeTheSocket.isPresent()
                            ? String.format(
                                    Locale.ROOT,
                                    "; %,d dropped by the system before the socket",
                                    beforeTheSocket.getAsLong())
                            : "",
                    alerts(collection.totalRaised()),
                    collection.totalAlerts(),
                    collection.windowsKept(),
                    counts.lastProblem() == null ? "" : "; last problem: " + counts.lastProblem());
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
            return 0;
        }
    }
}
