package io.camaudit.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camaudit.egress.engine.TestCaptures;
import io.camaudit.register.Device;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A body hands in a capture of its network; the alerts are kept, counted up, decided, and kept to
 * the body. (Public: {@code PostgresEgressMonitorTest} runs the same on PostgreSQL.)
 */
@IntegrationTest
public class EgressMonitorIntegrationTest {

    @Autowired
    EgressMonitor monitor;

    @Autowired
    Register register;

    @Autowired
    Estates estates;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCollectorKeepsTheAlertsOfWhatNfreplaySendsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path work)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new java.io.File("/usr/bin/nfpcapd").canExecute() && new java.io.File("/usr/bin/nfreplay").canExecute(),
                "skipped: nfdump's nfpcapd and nfreplay are not installed (apt-get install nfdump)");
        Organisation body = estates.organisation("Collector Borough");
        Viewer officer = Estates.officerOf(body);
        Device camera = estates.camera(officer, body, "Dahua", "IPC-HDW3441T-ZAS", "10.20.0.5", Set.of());
        monitor.setNetworks(officer, body.id(), "10.20.0.0/16", "");
        java.nio.file.Path pcap = work.resolve("cameras.pcap");
        java.nio.file.Files.write(pcap, TestCaptures.cameraPhoningHome(100));
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(work.resolve("flows"));
        assertThat(new ProcessBuilder("nfpcapd", "-r", pcap.toString(), "-w", dir.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor())
                .isZero();
        java.nio.file.Path nfcapd;
        try (var files = java.nio.file.Files.list(dir)) {
            nfcapd = files.filter(f -> f.getFileName().toString().matches("nfcapd\\.\\d{12}"))
                    .findFirst()
                    .orElseThrow();
        }
        List<IngestResult> flushed = new java.util.concurrent.CopyOnWriteArrayList<>();
        EgressMonitor.Collection collection = monitor.collect(
                officer,
                body.id(),
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                java.time.Duration.ofMinutes(1),
                flushed::add);
        try (collection) {
            assertThat(new ProcessBuilder(
                                    "nfreplay",
                                    "-r",
                                    nfcapd.toString(),
                                    "-H",
                                    "127.0.0.1",
                                    "-p",
                                    String.valueOf(collection.address().getPort()),
                                    "-v",
                                    "9")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor())
                    .isZero();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (collection.counts().flows() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(collection.counts().flows()).isEqualTo(2);
        assertThat(flushed)
                .singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo("NetFlow and IPFIX collector"));
        assertThat(monitor.deviceAlerts(officer, body.id(), camera.id()))
                .extracting(AlertView::rule, AlertView::endpoint)
                .as("NetFlow carries no DNS: UDP 8800 from a Dahua camera is its P2P service by the port")
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("outside", "Dahua P2P (Easy4IP; DMSS; Imou)"),
                        org.assertj.core.groups.Tuple.tuple("vendor-service", "Dahua P2P (Easy4IP; DMSS; Imou)"));
        assertThat(monitor.deviceAlerts(officer, body.id(), camera.id()))
                .allSatisfy(a -> assertThat(a.source()).startsWith("collector /127.0.0.1:"));
    }

    @Test
    void aWindowThatFailsIsSaidAndTheCollectionGoesOnWithTheNext() throws Exception {
        Organisation body = estates.organisation("Failing Window Borough");
        Viewer officer = Estates.officerOf(body);
        estates.camera(officer, body, "Dahua", "IPC-HDW3441T-ZAS", "10.20.0.5", Set.of());
        monitor.setNetworks(officer, body.id(), "10.20.0.0/16", "");
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.Semaphore ended = new java.util.concurrent.Semaphore(0);
        List<IngestResult> after = new java.util.concurrent.CopyOnWriteArrayList<>();
        byte[] datagram = TestCaptures.netflowV5(new String[] {"10.20.0.5", "198.51.100.9", "443", "6"});
        EgressMonitor.Collection collection = monitor.collect(
                officer,
                body.id(),
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                java.time.Duration.ofSeconds(1),
                window -> {
                    if (failed.compareAndSet(false, true)) {
                        ended.release();
                        throw new IllegalStateException("the first window fails");
                    }
                    after.add(window);
                    ended.release();
                });
        try (collection;
                java.nio.channels.DatagramChannel exporter = java.nio.channels.DatagramChannel.open()) {
            exporter.send(java.nio.ByteBuffer.wrap(datagram), collection.address());
            assertThat(ended.tryAcquire(20, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the first window, which fails")
                    .isTrue();
            exporter.send(java.nio.ByteBuffer.wrap(datagram), collection.address());
            assertThat(ended.tryAcquire(20, java.util.concurrent.TimeUnit.SECONDS))
                    .as("a window kept after the failed one, while collecting")
                    .isTrue();
        }
        assertThat(after.get(0).alerts())
                .singleElement()
                .satisfies(a -> assertThat(a.destination()).isEqualTo("198.51.100.9"));
    }

    @Test
    void windowsAreTheirLengthApartHoweverLongKeepingOneTakes() {
        assertThat(EgressMonitor.nextWindowEnd(10_000, 10_000, 13_000))
                .as("kept in 3 s: the next window still ends 10 s after this one")
                .isEqualTo(20_000);
        assertThat(EgressMonitor.nextWindowEnd(10_000, 10_000, 35_000))
                .as("kept in 25 s: the next ends at once, not at 20 s and 30 s in turn")
                .isEqualTo(35_000);
    }

    /**
     * More alerts, and devices, than the service looks up or writes in one statement (a collector's
     * window may keep tens of thousands): the second export's are counted into the rows the first
     * made, one row an alert, and a decision on one survives. Another body's alert on the same
     * device and destination is no part of it.
     */
    @Test
    void manyAlertsAreKeptTogetherAndCountedIntoTheirRowsTheNextTime() {
        Organisation body = estates.organisation("Many Alerts Borough");
        Viewer officer = Estates.officerOf(body);
        int cameras = 520; // more than the 500 devices looked up in one statement
        int destinations = 3; // 1,560 alerts: more than the 1,000 written in one batch
        StringBuilder csv = new StringBuilder("ts,te,td,sa,da,sp,dp,pr,flg,ipkt,ibyt\n");
        for (int c = 0; c < cameras; c++) {
            String address = "10.20." + (c / 250) + "." + (c % 250 + 1);
            estates.camera(officer, body, "Dahua", "IPC-HFW2431S", address, Set.of());
            for (int d = 0; d < destinations; d++) { // in 198.18.0.0/15, set aside for benchmarking (RFC 2544)
                csv.append("2026-12-01 10:00:00,2026-12-01 10:00:01,1.0,")
                        .append(address)
                        .append(",198.18.0.")
                        .append(d + 1)
                        .append(",40000,443,TCP,......,2,100\n");
            }
        }
        monitor.setNetworks(officer, body.id(), "10.20.0.0/16", "");
        byte[] export = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);

        IngestResult first = monitor.ingest(officer, body.id(), "flows.csv", new ByteArrayInputStream(export));
        assertThat(first.alerts()).hasSize(cameras * destinations).allSatisfy(a -> {
            assertThat(a.rule()).isEqualTo("outside");
            assertThat(a.flows()).isEqualTo(1);
            assertThat(a.id()).isPositive();
        });
        assertThat(first.alerts())
                .extracting(a -> a.deviceId() + " " + a.destination())
                .doesNotHaveDuplicates();
        assertThat(first.raised())
                .containsExactlyElementsOf(
                        first.alerts().stream().map(AlertView::id).toList());
        AlertView decided = monitor.decide(officer, first.alerts().get(1_200).id(), "ACKNOWLEDGED", "our CDN");
        // A row of another body's on the same device, rule and destination (which no import makes: it
        // stands for a device moved between bodies) is never taken for this body's.
        Organisation other = estates.organisation("Other Many Alerts Borough");
        jdbc.update(
                "insert into egress_alert (organisation_id, device_id, rule_id, severity, title, destination, port,"
                        + " protocol, name, endpoint_id, endpoint, country, asn, asn_owner, geo_data, first_seen,"
                        + " last_seen, flows, bytes, packets, evidence, status, source, data_version) select ?,"
                        + " device_id, rule_id, severity, title, destination, port, protocol, name, endpoint_id,"
                        + " endpoint, country, asn, asn_owner, geo_data, first_seen, last_seen, flows, bytes, packets,"
                        + " evidence, status, source, data_version from egress_alert where id = ?",
                other.id(),
                first.alerts().get(3).id());

        IngestResult second = monitor.ingest(officer, body.id(), "flows-2.csv", new ByteArrayInputStream(export));
        assertThat(second.alerts())
                .extracting(AlertView::id)
                .containsExactlyElementsOf(
                        first.alerts().stream().map(AlertView::id).toList());
        assertThat(second.alerts()).allSatisfy(a -> {
            assertThat(a.flows()).isEqualTo(2);
            assertThat(a.bytes()).isEqualTo(200);
            assertThat(a.evidence()).hasSize(2);
        });
        assertThat(second.alerts().get(1_200).status()).isEqualTo("ACKNOWLEDGED");
        assertThat(second.raised())
                .as("every alert was counted into, none raised anew")
                .isEmpty();
        assertThat(second.alerts().get(1_200).id()).isEqualTo(decided.id());
        assertThat(jdbc.queryForObject(
                        "select count(*) from egress_alert where organisation_id = ?", Long.class, body.id()))
                .isEqualTo((long) cameras * destinations);
        assertThat(jdbc.queryForObject(
                        "select flows from egress_alert where organisation_id = ?", Long.class, other.id()))
                .isEqualTo(1);
    }

    @Test
    void aCapturesAlertsAreKeptCountedUpDecidedAndOpenedAgainWhenSeenAgain() {
        Organisation body = estates.organisation("Egress Borough");
        Organisation other = estates.organisation("Other Egress Borough");
        Viewer officer = Estates.officerOf(body);
        Viewer stranger = Estates.officerOf(other);
        Device camera = estates.camera(officer, body, "Dahua", "IPC-HDW3441T-ZAS", "10.20.0.5", Set.of());
        byte[] capture = TestCaptures.cameraPhoningHome(100);

        assertThatThrownBy(() -> monitor.ingest(officer, body.id(), "cameras.pcap", new ByteArrayInputStream(capture)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("Say which networks are " + body.name() + "'s own first");
        assertThatThrownBy(() -> monitor.setNetworks(stranger, body.id(), "10.20.0.0/16", ""))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> monitor.setNetworks(officer, body.id(), "10.20.0.0/33", ""))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("prefix length");
        monitor.setNetworks(officer, body.id(), "10.20.0.0/16", "");

        IngestResult first = monitor.ingest(officer, body.id(), "cameras.pcap", new ByteArrayInputStream(capture));
        assertThat(first.kind()).isEqualTo("pcap or pcapng capture");
        assertThat(first.fromDevices()).isEqualTo(1);
        assertThat(first.alerts())
                .extracting(AlertView::rule)
                .containsExactlyInAnyOrder("vendor-lookup", "outside", "vendor-service");
        assertThat(first.raised()).hasSize(3);
        AlertView service = first.alerts().stream()
                .filter(a -> a.rule().equals("vendor-service"))
                .findFirst()
                .orElseThrow();
        assertThat(service.deviceId()).isEqualTo(camera.id());
        assertThat(service.name()).isEqualTo("www.easy4ipcloud.com");
        assertThat(service.endpoint()).isEqualTo("Dahua P2P (Easy4IP; DMSS; Imou)");
        assertThat(service.flows()).isEqualTo(1);
        assertThat(service.packets()).isEqualTo(5);
        assertThat(service.evidence()).singleElement().asString().contains("10.20.0.5:40000 -> 203.0.113.7:8800");

        IngestResult again = monitor.ingest(officer, body.id(), "cameras-2.pcap", new ByteArrayInputStream(capture));
        assertThat(again.alerts()).hasSize(3);
        assertThat(again.raised()).isEmpty();
        assertThat(monitor.alerts(officer, body.id(), null)).hasSize(3);
        AlertView counted = monitor.alert(officer, service.id());
        assertThat(counted.flows()).isEqualTo(2);
        assertThat(counted.source()).isEqualTo("cameras-2.pcap");

        assertThatThrownBy(() -> monitor.alert(stranger, service.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> monitor.decide(stranger, service.id(), "RESOLVED", "x"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> monitor.decide(officer, service.id(), "RESOLVED", " "))
                .isInstanceOf(BadInputException.class);
        AlertView resolved = monitor.decide(officer, service.id(), "RESOLVED", "P2P switched off on the camera");
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.comment()).isEqualTo("P2P switched off on the camera");
        assertThat(monitor.alerts(officer, body.id(), "OPEN")).hasSize(2);

        IngestResult later = monitor.ingest(
                officer,
                body.id(),
                "cameras-3.pcap",
                new ByteArrayInputStream(TestCaptures.cameraPhoningHome(4_000_000_000L)));
        assertThat(later.alerts())
                .filteredOn(a -> a.id() == service.id())
                .singleElement()
                .satisfies(a -> assertThat(a.status())
                        .as("seen again after it was resolved")
                        .isEqualTo("OPEN"));
        assertThat(later.raised())
                .as("opened again; the others were open all along")
                .containsExactly(service.id());
        assertThat(monitor.deviceAlerts(officer, body.id(), camera.id())).hasSize(3);
        assertThat(jdbc.queryForList(
                        "select summary from audit_event where organisation_id = ? and entity_type like 'egress%'",
                        String.class, body.id()))
                .anyMatch(s -> s.startsWith("Analysed cameras.pcap (pcap or pcapng capture) for Egress Borough"))
                .anyMatch(s -> s.contains("resolved: P2P switched off"));

        assertThatThrownBy(() -> monitor.ingest(
                        officer, body.id(), "return.csv", new ByteArrayInputStream("Site,Make\n".getBytes())))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not a file of flows camaudit reads");
        assertThat(List.of(first.geoData())).allSatisfy(g -> assertThat(g).isNotBlank());
    }
}
