package io.camaudit.bench;

import io.camaudit.egress.engine.DeviceDirectory;
import io.camaudit.egress.engine.Directory;
import io.camaudit.egress.engine.EgressAnalysis;
import io.camaudit.egress.engine.EgressData;
import io.camaudit.egress.engine.FlowCollector;
import io.camaudit.egress.engine.Geo;
import io.camaudit.egress.engine.Ip;
import io.camaudit.egress.engine.IpLocationGeo;
import io.camaudit.egress.engine.Prefixes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The live collector against nfcapd (issue #6): the same IPFIX datagrams (30 flows each) sent on
 * loopback at rising rates, for three seconds each, to camaudit's collector (analysing every flow)
 * and to Debian's nfcapd in turn; prints what each received of what was sent. The rates climb until
 * nfcapd loses some (or the sender cannot keep up); the target: camaudit loses nothing at the highest
 * rate nfcapd held without loss. {@code CAMAUDIT_BENCH_RATES=a,b,...} gives the rates instead.
 *
 * <p>Run with {@code bench/run collector} (needs Debian's nfdump).
 */
public final class CollectorBenchmark {

    private static final int PER_MESSAGE = 30;
    private static final int RECORD = 4 + 4 + 2 + 2 + 1 + 8 + 8 + 8 + 8;

    private CollectorBenchmark() {}

    public static void main(String[] args) throws Exception {
        boolean ladder = System.getenv("CAMAUDIT_BENCH_RATES") == null;
        long[] rates = ladder
                ? new long[] {300_000, 600_000, 900_000, 1_200_000, 1_500_000, 2_100_000, 3_000_000, 3_600_000, 4_500_000,
                    6_000_000, 7_500_000, 9_000_000}
                : java.util.Arrays.stream(System.getenv("CAMAUDIT_BENCH_RATES").split(","))
                        .mapToLong(Long::parseLong)
                        .toArray();
        List<ByteBuffer> messages = messages(1_000);
        // Loaded once, as the service loads it once: loading it (a few hundred MB of garbage) just
        // before each rate left the collections of that garbage to fall in the rate's first seconds.
        Geo geo = IpLocationGeo.bundled();
        decoderAlone(messages, geo);
        System.out.printf(Locale.ROOT, "%-12s %14s %14s %14s%n", "flows/s", "sent", "camaudit got", "nfcapd got");
        long held = 0; // the highest rate nfcapd held without loss
        long lostThere = -1; // what camaudit lost at that rate
        for (long rate : rates) {
            long flows = rate * 3;
            long[] reached = new long[2];
            long camaudit = camaudit(messages, rate, flows, geo, reached);
            long nfcapd = nfcapd(messages, rate, flows, reached);
            System.out.printf(Locale.ROOT, "%,-12d %,14d %,14d %,14d%n", rate, flows, camaudit, nfcapd);
            if (reached[0] < rate * 97 / 100) {
                // The same flows were sent, more slowly: what camaudit lost still counts. (Its threads share
                // the machine's two cores with the sender.)
                System.out.printf(Locale.ROOT, "  the sender to camaudit reached only %,d flows a second%n", reached[0]);
            }
            if (reached[1] < rate * 97 / 100) {
                System.out.printf(Locale.ROOT, "  the sender to nfcapd reached only %,d flows a second: nfcapd was not"
                        + " tested at this rate, and the ladder stops here%n", reached[1]);
                break;
            }
            if (nfcapd == flows) {
                held = rate;
                lostThere = flows - camaudit;
            } else if (ladder) {
                break; // nfcapd's limit: a rate above it tells nothing of the target
            }
        }
        if (held > 0) {
            System.out.printf(Locale.ROOT, "nfcapd held %,d flows a second without loss; camaudit lost %,d there"
                    + " (target: none)%n", held, lostThere);
        }
    }

    /** A thousand distinct messages (the first with the template), sent round and round. */
    static List<ByteBuffer> messages(int count) {
        List<ByteBuffer> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ByteBuffer m = ByteBuffer.allocate(16 + 44 + 4 + PER_MESSAGE * RECORD);
            m.position(16);
            m.putShort((short) 2).putShort((short) 44).putShort((short) 256).putShort((short) 9);
            int[][] fields = {{8, 4}, {12, 4}, {7, 2}, {11, 2}, {4, 1}, {1, 8}, {2, 8}, {152, 8}, {153, 8}};
            for (int[] f : fields) {
                m.putShort((short) f[0]).putShort((short) f[1]);
            }
            m.putShort((short) 256).putShort((short) (4 + PER_MESSAGE * RECORD));
            for (int i = 0; i < PER_MESSAGE; i++) {
                int device = (n * PER_MESSAGE + i) % 5_000;
                m.putInt((10 << 24) | (20 << 16) | ((device / 250) << 8) | (device % 250 + 1))
                        .putInt((47 << 24) | (74 << 16) | (n % 256 << 8) | i)
                        .putShort((short) 40_000).putShort((short) 8800).put((byte) 17).putLong(360).putLong(5)
                        .putLong(1_764_590_000_000L + n).putLong(1_764_590_001_000L + n);
            }
            int length = m.position();
            m.putShort(0, (short) 10).putShort(2, (short) length).putInt(4, 1_764_590_000).putInt(8, n).putInt(12, 1);
            m.flip();
            out.add(m);
        }
        return out;
    }

    /**
     * Sends the flows at the rate; returns the rate it reached (flows a second). A sender that keeps
     * time by spinning between datagrams takes a whole core of the two, where a real exporter (a
     * router, a switch) is another machine: this one sends while it is behind its schedule and
     * sleeps once it is half a millisecond ahead, so that it takes only the core time sending
     * needs (datagrams then come in bursts of about half a millisecond's).
     */
    static long send(List<ByteBuffer> messages, InetSocketAddress to, long rate, long flows) throws Exception {
        try (DatagramChannel channel = DatagramChannel.open()) {
            long start = System.nanoTime();
            for (long sent = 0, i = 0; sent < flows; sent += PER_MESSAGE, i++) {
                ByteBuffer m = messages.get((int) (i % messages.size())).duplicate();
                channel.send(m, to);
                long ahead = start + (sent + PER_MESSAGE) * 1_000_000_000L / rate - System.nanoTime();
                if (ahead > 500_000) {
                    java.util.concurrent.locks.LockSupport.parkNanos(ahead);
                }
            }
            return flows * 1_000_000_000L / Math.max(1, System.nanoTime() - start);
        }
    }

    /**
     * What the collector's decoding thread can do when nothing else runs: the same datagrams decoded
     * and analysed in full on one thread, as fast as it goes (three rounds of 4,500,000 flows, each
     * with a fresh analysis, as each rate below has). Sets the rates below in proportion.
     */
    private static void decoderAlone(List<ByteBuffer> messages, Geo geo) throws Exception {
        for (int round = 1; round <= 3; round++) {
            EgressAnalysis analysis = analysis(geo);
            io.camaudit.egress.engine.FlowDecoder decoder = new io.camaudit.egress.engine.FlowDecoder();
            io.camaudit.egress.engine.FlowSink sink = analysis.sink();
            long flows = 0;
            long start = System.nanoTime();
            for (int i = 0; flows < 4_500_000; i++) {
                flows += decoder.decode(messages.get(i % messages.size()).duplicate(), "127.0.0.1", 0, sink)
                        .flows();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  the decoder alone, round %d: %,d flows in %.2f s, %,.0f flows a second%n",
                    round, flows, seconds, flows / seconds);
        }
    }

    private static EgressAnalysis analysis(Geo geo) {
        // Every source is a registered camera, in the directory the service builds from the register.
        DeviceDirectory.Builder directory = DeviceDirectory.builder();
        for (int d = 0; d < 5_000; d++) {
            directory.address(Ip.v4((10 << 24) | (20 << 16) | ((d / 250) << 8) | (d % 250 + 1)),
                    new Directory.Device(d, 1, null, "device", "dahua"));
        }
        return new EgressAnalysis(EgressData.bundled(), Prefixes.parse("10.0.0.0/8"), Prefixes.none(), directory.build(), geo);
    }

    /** As the service collects: the collector holding the lock the service swaps each window's analysis under. */
    private static long camaudit(List<ByteBuffer> messages, long rate, long flows, Geo geo, long[] reached)
            throws Exception {
        EgressAnalysis analysis = analysis(geo);
        try (FlowCollector collector = FlowCollector.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), analysis.sink(), new Object())) {
            reached[0] = send(messages, collector.address(), rate, flows);
            java.util.OptionalLong beforeTheSocket = collector.droppedBeforeTheSocket();
            collector.drain(10_000);
            Thread.sleep(200);
            FlowCollector.Counts counts = collector.counts();
            System.out.printf(Locale.ROOT, "  camaudit at %,d flows a second: %,d datagrams received, %,d dropped by the"
                    + " collector (the decoder a pool behind), %s by the system before the socket%n", rate,
                    counts.datagrams(), counts.dropped(), beforeTheSocket.isPresent()
                            ? String.format(Locale.ROOT, "%,d", beforeTheSocket.getAsLong()) : "the rest");
            return counts.flows();
        }
    }

    static long nfcapd(List<ByteBuffer> messages, long rate, long flows, long[] reached) throws Exception {
        Path dir = Files.createTempDirectory("camaudit-nfcapd");
        int port = 39_800 + (int) (rate / 100_000);
        Process nfcapd = new ProcessBuilder("nfcapd", "-b", "127.0.0.1", "-p", String.valueOf(port), "-w",
                        dir.toString(), "-t", "3600", "-B", "33554432")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Thread.sleep(1_000);
            reached[1] = send(messages, new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), rate, flows);
            Thread.sleep(1_000);
            nfcapd.destroy();
            nfcapd.waitFor(30, TimeUnit.SECONDS);
            Path file;
            try (Stream<Path> files = Files.list(dir)) {
                file = files.filter(p -> p.getFileName().toString().matches("nfcapd\\.\\d{12}"))
                        .findFirst()
                        .orElse(null);
            }
            if (file == null) {
                return 0;
            }
            Process count = new ProcessBuilder("nfdump", "-r", file.toString(), "-q", "-s", "proto", "-n", "1", "-o",
                            "csv")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(count.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            count.waitFor();
            // -s proto -o csv: ts,te,td,pr,val,fl,flP,... : the flows column of the UDP row.
            for (String line : text.split("\n")) {
                String[] cells = line.split(",");
                if (cells.length > 5 && cells[3].strip().equals("UDP")) {
                    return Long.parseLong(cells[5].strip());
                }
            }
            return -1;
        } finally {
            nfcapd.destroyForcibly();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
