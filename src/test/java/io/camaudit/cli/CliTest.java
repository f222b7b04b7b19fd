package io.camaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.camaudit.CamauditApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line against its own embedded database in a temporary folder. */
class CliTest {

    @TempDir
    Path data;

    @BeforeAll
    static void application() {
        Contexts.use(CamauditApplication.class);
    }

    private record Run(int exit, String out, String err) {}

    private static int freePort() throws IOException {
        try (java.nio.channels.DatagramChannel probe = java.nio.channels.DatagramChannel.open()) {
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            return ((java.net.InetSocketAddress) probe.getLocalAddress()).getPort();
        }
    }

    /**
     * An exporter beside a command under test: sends the datagram to the loopback port every tenth
     * of a second, from before the collector binds until closed after it has stopped. It paces a
     * sender rather than waiting for a condition: the command runs on this thread, and its windows
     * are what the test is about.
     */
    private static final class Exporter implements AutoCloseable {
        private final java.util.concurrent.atomic.AtomicBoolean stopped =
                new java.util.concurrent.atomic.AtomicBoolean();
        private final Thread thread;

        Exporter(int port, byte[] datagram) {
            thread = new Thread(() -> {
                try (java.nio.channels.DatagramChannel channel = java.nio.channels.DatagramChannel.open()) {
                    while (!stopped.get()) {
                        channel.send(
                                java.nio.ByteBuffer.wrap(datagram), new java.net.InetSocketAddress("127.0.0.1", port));
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            stopped.set(true);
            thread.join();
        }
    }

    private Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine line = CamauditCommand.commandLine();
            line.setOut(new java.io.PrintWriter(System.out, true));
            line.setErr(new java.io.PrintWriter(System.err, true));
            int exit = line.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpNamesEveryCommand() {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains(
                        "serve",
                        "import",
                        "export",
                        "check",
                        "scan",
                        "audit",
                        "ingest",
                        "collect",
                        "diligence",
                        "report",
                        "intel",
                        "user");
    }

    @Test
    void checksASupplierAgainstAPolicyAndSaysWhyWithExitCodesForScripts() {
        String dir = data.toString();
        Run hilook = run("check", "--data-dir", dir, "HiLook", "IPC-B140H");
        assertThat(hilook.exit()).isEqualTo(4);
        assertThat(hilook.out())
                .startsWith("HiLook IPC-B140H\n  Verdict:    INELIGIBLE\n")
                .contains("  Maker:      Sold as HiLook, made by Hikvision (a Hikvision brand)")
                .contains("  Policy:     No listed supplier in any public body (no-listed-supplier)")
                .contains("    - INELIGIBLE: The maker is on the FCC Covered List.")
                .contains("        [fcc-covered-list-mirror] FCC Covered List (mirror, 3 Sep 2024)"
                        + " <https://broadband.nebraska.gov/publications/fcc/fcccoveredlist>");

        Run uk = run("check", "--data-dir", dir, "--policy", "uk-sensitive-sites-2022", "Hikvision");
        assertThat(uk.exit()).isEqualTo(3);
        assertThat(run(
                                "check",
                                "--data-dir",
                                dir,
                                "--policy",
                                "uk-sensitive-sites-2022",
                                "--sensitive-site",
                                "Hikvision")
                        .exit())
                .isEqualTo(4);
        assertThat(run("check", "--data-dir", dir, "Axis P3245-LVE").exit()).isZero();

        Run unknown = run("check", "--data-dir", dir, "--policy", "no-such-policy", "Axis");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("camaudit: There is no policy \"no-such-policy\"\n");
    }

    @Test
    void showsImportsAndComparesIntelBundles() throws IOException {
        String dir = data.toString();
        Run status = run("intel", "status", "--data-dir", dir);
        assertThat(status.exit()).isZero();
        String version =
                io.camaudit.intel.engine.BundleReader.builtIn().version().text();
        assertThat(status.out()).startsWith("Intel bundle in use: " + version).contains("  " + version + "  built-in");

        Path newer = Files.createDirectory(data.resolve("newer"));
        for (var file : io.camaudit.intel.engine.BundleReader.builtIn().files().entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            if (file.getKey().equals("bundle.properties")) {
                text = text.replace("version=" + version, "version=" + version + ".1");
            }
            if (file.getKey().equals("brands.csv")) {
                text = text + "Acme Vision,,relabel,,dahua,,,0.8,a test relabel,ieee-ma-l,2026-11-22\n";
            }
            Files.writeString(newer.resolve(file.getKey()), text);
        }
        Run diff = run("intel", "diff", "--data-dir", dir, version, newer.toString());
        assertThat(diff.out())
                .isEqualTo("--- brands.csv\n+ Acme Vision,,relabel,,dahua,,,0.8,a test relabel,ieee-ma-l,2026-11-22\n"
                        + "--- bundle.properties\n- version=" + version + "\n+ version=" + version + ".1\n");

        Run imported = run("intel", "import", "--data-dir", dir, newer.toString());
        assertThat(imported.exit()).isZero();
        assertThat(imported.out()).isEqualTo("Loaded intel bundle " + version + ".1 (was " + version + ").\n");
        assertThat(run("check", "--data-dir", dir, "Acme Vision").out()).contains("made by Dahua (relabelled)");
        Run again = run("intel", "import", "--data-dir", dir, newer.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("is not newer than the one in use");

        Files.writeString(newer.resolve("brands.csv"), "brand\nBroken\n");
        Run broken = run("intel", "import", "--data-dir", dir, newer.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).contains("brands.csv line 1: no column \"aliases\"");
    }

    @Test
    void addsAnOrganisationImportsItsReturnTwiceAndExportsIt() throws IOException {
        String dir = data.toString();
        Path file = data.resolve("return.csv");
        Files.copy(getClass().getResourceAsStream("/fixtures/returns/foi-council-messy.csv"), file);

        Run missing = run("import", "--data-dir", dir, "-o", "Nowhere Council", file.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("camaudit: Organisation \"Nowhere Council\" was not found\n");

        Run added = run(
                "organisation",
                "add",
                "--data-dir",
                dir,
                "Exampleton Borough Council",
                "--sector",
                "LOCAL_AUTHORITY",
                "--region",
                "NORTH_WEST");
        assertThat(added.exit()).isZero();
        String id = added.out().strip();

        Run first = run("import", "--data-dir", dir, "-o", "Exampleton Borough Council", file.toString());
        assertThat(first.exit()).isZero();
        assertThat(first.out())
                .contains("CSV file, header on row 4: 5 rows, 8 devices, 0 errors, 0 warnings")
                .contains("8 devices added, 0 updated, 0 unchanged.");
        Run again = run("import", "--data-dir", dir, "-o", id, file.toString());
        assertThat(again.out()).contains("0 devices added, 0 updated, 8 unchanged.");

        Path export = data.resolve("export.csv");
        Run exported = run("export", "--data-dir", dir, "-o", id, "--output", export.toString());
        assertThat(exported.exit()).isZero();
        List<String> lines = Files.readAllLines(export);
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0)).startsWith("Organisation,Site,Kind of place,Camera system,Manufacturer,");
        assertThat(lines.get(1)).contains("HIK VISION").contains("imported from return.csv row 5");
    }

    @Test
    void managesAccountsWithPasswordsShownOnce() {
        String dir = data.toString();
        Run admin = run("user", "add", "--data-dir", dir, "ops-admin", "--role", "ADMINISTRATOR");
        assertThat(admin.exit()).isZero();
        assertThat(admin.out())
                .matches(
                        "(?s)Added ops-admin\\. Password \\(shown once; to be changed at the first sign-in\\): [A-Za-z0-9_-]{24}\\s*");
        Run list = run("user", "list", "--data-dir", dir);
        assertThat(list.out()).contains("ops-admin").contains("ADMINISTRATOR").doesNotContain("argon2");
        Run officerWithoutBody = run("user", "add", "--data-dir", dir, "someone", "--role", "OFFICER");
        assertThat(officerWithoutBody.exit()).isEqualTo(1);
        assertThat(officerWithoutBody.err()).isEqualTo("camaudit: an officer must belong to an organisation\n");
    }

    @Test
    void aBadReturnExitsNonZeroAndNamesTheProblem() throws IOException {
        Path bad = data.resolve("bad.csv");
        Files.write(bad, new byte[] {'S', 'i', 't', 'e', '\n', (byte) 0xff, (byte) 0xfe, 0x41});
        Run result = run("import", "--data-dir", data.toString(), "-o", "1", bad.toString());
        assertThat(result.exit()).isNotZero();
    }

    @Test
    void scanSurveysOnlyItsScopeAndNamesWhatItFinds() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.camaudit.discovery.testbed.TestBed.canBindLowPorts(),
                io.camaudit.discovery.testbed.TestBed.WHY_SKIPPED);
        try (var bed = new io.camaudit.discovery.testbed.TestBed()) {
            bed.add("127.80.0.5", io.camaudit.discovery.testbed.Devices.hilookCamera());
            bed.add("127.80.0.6", io.camaudit.discovery.testbed.Devices.dahuaRecorder());
            bed.add("127.80.0.9", io.camaudit.discovery.testbed.Devices.hikvisionCamera());
            java.nio.file.Path credentials = data.resolve("onvif.properties");
            java.nio.file.Files.writeString(credentials, "username=survey\npassword=s3cret-Pa55\n");
            Run scan = run(
                    "scan",
                    "--data-dir",
                    data.toString(),
                    "--scope",
                    "127.80.0.0/29",
                    "--exclude",
                    "127.80.0.6",
                    "--rate",
                    "2000",
                    "--connect-timeout",
                    "500",
                    "--credentials",
                    credentials.toString());
            assertThat(scan.exit()).isZero();
            assertThat(scan.out())
                    .contains("127.80.0.5")
                    .contains("Sold as HiLook")
                    .contains("IPC-B140H");
            assertThat(scan.out()).doesNotContain("127.80.0.6").doesNotContain("127.80.0.9");
            assertThat(scan.err()).contains("Surveying 7 addresses").contains("1 answered, 1 named by maker");
            assertThat(scan.out() + scan.err()).doesNotContain("s3cret");
            assertThat(bed.contacts().to("127.80.0.6")).isEmpty();
            assertThat(bed.contacts().to("127.80.0.9")).isEmpty();

            Run json = run("scan", "--data-dir", data.toString(), "--scope", "127.80.0.5", "--json");
            assertThat(json.out()).contains("\"maker\":\"Hikvision\"").contains("\"rule\":\"hik-sadp\"");
        }
        Run notLocal = run("scan", "--data-dir", data.toString(), "--scope", "127.80.0.5", "--multicast", "192.0.2.1");
        assertThat(notLocal.exit()).isEqualTo(2);
        assertThat(notLocal.err()).contains("--multicast 192.0.2.1 is not an IPv4 address of this machine");
        Run bad = run("scan", "--data-dir", data.toString(), "--scope", "10.0.0.0/8");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("at most");
    }

    @Test
    void auditPrintsEachDevicesMatrixAndNeverTheAccountsPassword() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.camaudit.discovery.testbed.TestBed.canBindLowPorts(),
                io.camaudit.discovery.testbed.TestBed.WHY_SKIPPED);
        try (var bed = new io.camaudit.discovery.testbed.TestBed()) {
            bed.add("127.82.0.5", io.camaudit.discovery.testbed.AuditedDevices.hikvisionCamera());
            bed.add("127.82.0.9", io.camaudit.discovery.testbed.AuditedDevices.hikvisionCamera());
            Path account = data.resolve("account.properties");
            Files.writeString(
                    account,
                    "username=" + io.camaudit.discovery.testbed.AuditedDevices.USER + "\npassword="
                            + io.camaudit.discovery.testbed.AuditedDevices.HIKVISION_PASSWORD + "\n");
            Run audit = run(
                    "audit",
                    "--data-dir",
                    data.toString(),
                    "--scope",
                    "127.82.0.0/29",
                    "--exclude",
                    "127.82.0.6-127.82.0.7",
                    "--rate",
                    "2000",
                    "--connect-timeout",
                    "500",
                    "--credentials",
                    account.toString());
            assertThat(audit.exit()).isZero();
            assertThat(audit.out())
                    .contains(
                            "127.82.0.5  Hikvision DS-2CD2143G0-I V5.5.0 build 170725 (read with the credentials given)")
                    .contains("Present, switched off:")
                    .contains("Face detection and capture")
                    .contains("Cloud link (vendor platform or P2P) (Hik-Connect / EZVIZ platform access switched on")
                    .contains("CVE-2021-36260: Likely affected");
            assertThat(audit.out()).doesNotContain("127.82.0.9");
            assertThat(audit.err())
                    .contains("Auditing 6 addresses")
                    .contains("with the read-only account audit")
                    .contains("1 with face recognition or detection present, 0 switched on")
                    .contains("1 with a cloud link switched on");
            assertThat(audit.out() + audit.err())
                    .doesNotContain(io.camaudit.discovery.testbed.AuditedDevices.HIKVISION_PASSWORD);
            assertThat(bed.contacts().to("127.82.0.9")).isEmpty();

            Run json = run("audit", "--data-dir", data.toString(), "--scope", "127.82.0.5", "--json");
            assertThat(json.out())
                    .contains("\"access\":\"WITHOUT_CREDENTIALS\"")
                    .contains("\"status\":\"UNAUTHORISED\"")
                    .contains("\"feature\":\"VENDOR_SDK\",\"present\":\"YES\",\"enabled\":\"YES\"");
        }
        Run bad = run("audit", "--data-dir", data.toString(), "--scope", "10.0.0.0/8");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("camaudit audit:").contains("at most");
        Run noScope = run("audit", "--data-dir", data.toString());
        assertThat(noScope.exit()).isEqualTo(2);
        assertThat(noScope.err()).contains("A scope is required");
        run(
                "organisation",
                "add",
                "--data-dir",
                data.toString(),
                "Audit Town Council",
                "--sector",
                "LOCAL_AUTHORITY",
                "--region",
                "NORTH_WEST");
        Run unpermitted = run("audit", "--data-dir", data.toString(), "-o", "Audit Town Council");
        assertThat(unpermitted.exit()).isEqualTo(2);
        assertThat(unpermitted.err()).contains("No network ranges are permitted for Audit Town Council");
    }

    @Test
    void diligenceListsTheRequestsAndWritesThePublicList() throws Exception {
        String dir = data.toString();
        Run none = run("diligence", "--data-dir", dir);
        assertThat(none.exit()).isZero();
        assertThat(none.out()).isEmpty();
        Run published = run("diligence", "--data-dir", dir, "--public");
        assertThat(published.out()).startsWith("supplier,asked by,asked on,deadline,state,standing");
        Path report = data.resolve("national.pdf");
        Run national = run("report", "national", "--data-dir", dir, "--pdf", report.toString());
        assertThat(national.exit()).isZero();
        assertThat(national.err()).contains("Wrote the national review to");
        assertThat(new String(Files.readAllBytes(report), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        Run mail = run("diligence", "--data-dir", dir, "--send-mail");
        assertThat(mail.exit()).isZero();
        assertThat(mail.err()).contains("No SMTP server is configured");
    }

    @Test
    void ingestAnalysesACaptureForABodysCamerasAndPrintsTheAlerts() throws Exception {
        String dir = data.toString();
        run(
                "organisation",
                "add",
                "--data-dir",
                dir,
                "Ingest Town Council",
                "--sector",
                "LOCAL_AUTHORITY",
                "--region",
                "NORTH_WEST");
        Path register = data.resolve("return.csv");
        Files.writeString(
                register,
                "Site,Manufacturer,Model,Serial number,IP address\n"
                        + "Depot,Dahua,IPC-HDW3441T-ZAS,6G0123456789ABC,10.20.0.5\n");
        assertThat(run("import", "--data-dir", dir, "-o", "Ingest Town Council", register.toString())
                        .exit())
                .isZero();
        Path capture = data.resolve("cameras.pcap");
        Files.write(capture, io.camaudit.egress.engine.TestCaptures.cameraPhoningHome(100));

        Run unset = run("ingest", "--data-dir", dir, "-o", "Ingest Town Council", capture.toString());
        assertThat(unset.exit()).isEqualTo(1);
        assertThat(unset.err()).contains("Say which networks are Ingest Town Council's own first");
        Run ingest = run(
                "ingest",
                "--data-dir",
                dir,
                "-o",
                "Ingest Town Council",
                "--networks",
                "10.20.0.0/16",
                capture.toString());
        assertThat(ingest.exit()).isZero();
        assertThat(ingest.err())
                .contains("cameras.pcap: pcap or pcapng capture, 6 records, 2 flows, 1 from registered"
                        + " devices, 3 alerts (3 new or opened again)");
        assertThat(ingest.out())
                .contains("HIGH   alert")
                .contains("to www.easy4ipcloud.com (203.0.113.7) port UDP 8800")
                .contains("[Dahua P2P (Easy4IP; DMSS; Imou)]");
        Run json = run("ingest", "--data-dir", dir, "-o", "Ingest Town Council", "--json", capture.toString());
        assertThat(json.out()).contains("\"rule\":\"vendor-service\"").contains("\"flows\":2");
        assertThat(json.err()).contains("3 alerts (0 new or opened again)");
        Run collect = collect(dir, 0, 1);
        assertThat(collect.exit()).isZero();
        assertThat(collect.err())
                .contains("Collecting for Ingest Town Council on /127.0.0.1:")
                .contains("Received 0 datagrams, 0 flows");
        // Datagrams it cannot read are said as they come, not only in the totals at the end.
        int port = freePort();
        Run garbled = collectBesideAnExporter(dir, port, new byte[] {0, 7, 1, 2}, 3);
        assertThat(garbled.exit()).isZero();
        assertThat(garbled.err())
                .contains("datagrams could not be read since the last report; the last: a datagram from 127.0.0.1:"
                        + " version 7 is not NetFlow v5, NetFlow v9 or IPFIX")
                .containsPattern(
                        "Received [1-9][0-9]* datagrams, 0 flows \\([1-9][0-9]* could not be read, 0" + " dropped\\)");
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/net/udp"))) { // Linux says what it dropped
            assertThat(garbled.err()).contains("dropped); 0 dropped by the system before the socket;");
        }
        // Each window's alerts are kept, and only those raised anew printed: the camera's flows to the
        // P2P service count into the alert the capture raised, the new destination's is printed once.
        byte[] flows = io.camaudit.egress.engine.TestCaptures.netflowV5(
                new String[] {"10.20.0.5", "203.0.113.7", "8800", "17"},
                new String[] {"10.20.0.5", "198.51.100.9", "443", "6"});
        Run live = collectBesideAnExporter(dir, port, flows, 3);
        assertThat(live.exit()).isZero();
        assertThat(live.out().lines().toList())
                .singleElement()
                .asString()
                .contains("device")
                .contains("to 198.51.100.9 port TCP 443");
        assertThat(live.err())
                .containsPattern("window kept at [0-9:]+ UTC: [1-9][0-9]* flows, [1-9][0-9]* from registered devices;"
                        + " 2 alerts, 1 of them new or opened again")
                .containsPattern("window kept at [0-9:]+ UTC: [1-9][0-9]* flows, [1-9][0-9]* from registered devices;"
                        + " 2 alerts, 0 of them new or opened again")
                .containsPattern("; 1 alert new or opened again \\(kept [1-9][0-9]* times over [2-9] windows\\)");
        Run updates = collectBesideAnExporter(dir, port, flows, 2, "--updates");
        assertThat(updates.out()).contains("to 198.51.100.9 port TCP 443").contains("203.0.113.7");
        assertThat(updates.err()).contains("; 0 alerts new or opened again (kept");
        Run badListen = run("collect", "--data-dir", dir, "-o", "Ingest Town Council", "--listen", "example.org:2055");
        assertThat(badListen.exit()).isEqualTo(2);
        assertThat(badListen.err()).contains("--listen takes an address, not a name");
        Run notFlows = run("ingest", "--data-dir", dir, "-o", "Ingest Town Council", register.toString());
        assertThat(notFlows.exit()).isEqualTo(1);
        assertThat(notFlows.err()).contains("return.csv is not a file of flows camaudit reads");
    }

    /** {@code camaudit collect} for the CLI test's body on the loopback port, for some seconds in windows of one. */
    private Run collect(String dir, int port, int seconds, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "collect",
                "--data-dir",
                dir,
                "-o",
                "Ingest Town Council",
                "--listen",
                "127.0.0.1:" + port,
                "--seconds",
                String.valueOf(seconds),
                "--flush",
                "1"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** As {@link #collect}, with an exporter sending the datagram beside it. */
    private Run collectBesideAnExporter(String dir, int port, byte[] datagram, int seconds, String... more)
            throws InterruptedException {
        try (Exporter exporter = new Exporter(port, datagram)) {
            return collect(dir, port, seconds, more);
        }
    }

    @Test
    void identifyNamesTheMakersOfAFilesDevicesWithoutAPacket() {
        Run leases = run("identify", "--data-dir", data.toString(), "src/test/resources/discovery/dhcpd.leases");
        assertThat(leases.exit()).isZero();
        assertThat(leases.err()).contains("ISC dhcpd leases, 2 hosts");
        assertThat(leases.out()).contains("10.20.1.10").contains("Hikvision").contains("DS-2CD2143G0-I");
        Run table = run("identify", "--data-dir", data.toString(), "src/test/resources/discovery/switch-macs.csv");
        assertThat(table.err()).contains("not read: switch-macs.csv line 3, column 2");
        Run binary = run(
                "identify", "--data-dir", data.toString(), "src/test/resources/ieee/../discovery/../../../../pom.xml");
        assertThat(binary.exit()).isEqualTo(1);
        assertThat(binary.err()).contains("not nmap's output");
    }
}
