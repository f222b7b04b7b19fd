package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's nfdump as the real peer: nfpcapd turns a capture the test writes into an nfcapd file,
 * nfreplay sends that file as NetFlow v9 and v5 to a socket on loopback, and camaudit's decoder
 * must read the same flows, packets and bytes as nfdump reads from the file.
 */
class NfdumpPeerTest {

    @TempDir
    static Path work;

    private static Path flows;
    private static Path capture;
    private static Set<String> expected;

    @BeforeAll
    static void capture() throws Exception {
        assumeTrue(
                installed("nfpcapd", "-h") && installed("nfdump", "-V") && installed("nfreplay", "-V"),
                "skipped: nfdump's nfpcapd, nfdump and nfreplay are not installed (apt-get install nfdump)");
        PcapWriter pcap = new PcapWriter();
        long t = 1_764_590_000L;
        for (int flow = 0; flow < 40; flow++) {
            String camera = "10.20.0." + (10 + flow % 20);
            String outside = flow % 3 == 0 ? "203.0.113." + (1 + flow) : "198.51.100." + (1 + flow);
            boolean udp = flow % 2 == 0;
            for (int packet = 0; packet <= flow % 5; packet++) {
                pcap.packet(
                        t + flow + packet,
                        camera,
                        outside,
                        40_000 + flow,
                        udp ? 8800 : 443,
                        udp ? 17 : 6,
                        40 + flow,
                        "44:19:b6:12:34:" + String.format("%02x", flow));
            }
        }
        Path file = work.resolve("cameras.pcap");
        capture = file;
        Files.write(file, pcap.bytes());
        Path dir = Files.createDirectories(work.resolve("flows"));
        assertThat(run("nfpcapd", "-r", file.toString(), "-w", dir.toString())).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            flows = files.filter(p -> p.getFileName().toString().startsWith("nfcapd.2"))
                    .findFirst()
                    .orElseThrow();
        }
        Process nfdump = new ProcessBuilder(
                        "nfdump", "-q", "-r", flows.toString(), "-o", "fmt:%sa,%da,%sp,%dp,%pr,%pkt,%byt")
                .redirectErrorStream(true)
                .start();
        String text = new String(nfdump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(nfdump.waitFor()).isZero();
        expected = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.replace(" ", "").split(",");
                int protocol = f[4].equals("UDP") ? 17 : f[4].equals("TCP") ? 6 : Integer.parseInt(f[4]);
                expected.add(f[0] + "," + f[1] + "," + f[2] + "," + f[3] + "," + protocol + "," + f[5] + "," + f[6]);
            }
        }
        assertThat(expected).hasSize(40);
    }

    @Test
    void netflowV9FromNfreplayReadsAsNfdumpReadsTheFile() throws Exception {
        assertThat(replayed("9")).isEqualTo(expected);
    }

    @Test
    void netflowV5FromNfreplayReadsAsNfdumpReadsTheFile() throws Exception {
        assertThat(replayed("5")).isEqualTo(expected);
    }

    @Test
    void theCollectorReceivesWhatNfreplaySendsAndLosesNothing() throws Exception {
        Set<String> seen = java.util.Collections.synchronizedSet(new TreeSet<>());
        try (FlowCollector collector = FlowCollector.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                f -> seen.add(f.source() + "," + f.destination() + "," + f.sourcePort() + "," + f.destinationPort()
                        + "," + f.protocol() + "," + f.packets() + "," + f.bytes()))) {
            for (String version : List.of("9", "5")) {
                Process replay = new ProcessBuilder(
                                "nfreplay",
                                "-r",
                                flows.toString(),
                                "-H",
                                "127.0.0.1",
                                "-p",
                                String.valueOf(collector.address().getPort()),
                                "-v",
                                version)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                assertThat(replay.waitFor()).isZero();
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (collector.counts().flows() < 2L * expected.size() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            FlowCollector.Counts counts = collector.counts();
            assertThat(counts.flows()).isEqualTo(2L * expected.size());
            assertThat(counts.undecodable()).isZero();
            assertThat(counts.dropped()).isZero();
        }
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void aCaptureGivesTheFlowsNfpcapdMakesOfIt() throws Exception {
        assertThat(fromCapture(capture)).isEqualTo(expected);
    }

    @Test
    void theSameCaptureAsPcapngFromTsharkGivesTheSameFlows() throws Exception {
        assumeTrue(installed("tshark", "-v"), "skipped: tshark is not installed (apt-get install tshark)");
        Path pcapng = work.resolve("cameras.pcapng");
        assertThat(run("tshark", "-r", capture.toString(), "-F", "pcapng", "-w", pcapng.toString()))
                .isZero();
        assertThat(Files.readAllBytes(pcapng)).startsWith(0x0A, 0x0D, 0x0D, 0x0A);
        assertThat(fromCapture(pcapng)).isEqualTo(expected);
    }

    @Test
    void nfdumpsOwnCsvExportOfTheFileReadsAsTheSameFlows() throws Exception {
        Process nfdump = new ProcessBuilder("nfdump", "-r", flows.toString(), "-o", "csv")
                .redirectErrorStream(true)
                .start();
        byte[] csv = nfdump.getInputStream().readAllBytes();
        assertThat(nfdump.waitFor()).isZero();
        Set<String> seen = new TreeSet<>();
        FlowFiles.Outcome outcome = FlowFiles.read(
                new java.io.ByteArrayInputStream(csv),
                "flows.csv",
                f -> seen.add(f.source() + "," + f.destination() + "," + f.sourcePort() + "," + f.destinationPort()
                        + "," + f.protocol() + "," + f.packets() + "," + f.bytes()));
        assertThat(outcome.kind()).isEqualTo(FlowFiles.Kind.CSV);
        assertThat(outcome.problems()).isEmpty();
        assertThat(seen).isEqualTo(expected);
    }

    private static Set<String> fromCapture(Path file) throws Exception {
        Set<String> seen = new TreeSet<>();
        try (var in = Files.newInputStream(file)) {
            Capture.Outcome outcome = Capture.read(
                    in,
                    file.getFileName().toString(),
                    f -> seen.add(f.source() + ","
                            + f.destination() + "," + f.sourcePort() + "," + f.destinationPort() + "," + f.protocol()
                            + ","
                            + f.packets() + "," + f.bytes()));
            assertThat(outcome.problem()).isNull();
        }
        return seen;
    }

    private static Set<String> replayed(String version) throws Exception {
        Set<String> seen = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        FlowDecoder decoder = new FlowDecoder();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(3_000);
            Process replay = new ProcessBuilder(
                            "nfreplay",
                            "-r",
                            flows.toString(),
                            "-H",
                            "127.0.0.1",
                            "-p",
                            String.valueOf(socket.getLocalPort()),
                            "-v",
                            version)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] buffer = new byte[65_535];
            while (seen.size() < expected.size()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                FlowDecoder.Outcome outcome = decoder.decode(
                        ByteBuffer.wrap(packet.getData(), 0, packet.getLength()),
                        packet.getAddress().getHostAddress(),
                        0,
                        f -> seen.add(f.source() + "," + f.destination() + "," + f.sourcePort() + ","
                                + f.destinationPort() + "," + f.protocol() + "," + f.packets() + "," + f.bytes()));
                if (!outcome.complete()) {
                    problems.add(outcome.problem());
                }
            }
            assertThat(replay.waitFor()).isZero();
        }
        assertThat(problems).isEmpty();
        return seen;
    }

    private static boolean installed(String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.waitFor();
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
    }
}
