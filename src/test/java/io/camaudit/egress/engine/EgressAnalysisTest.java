package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The egress rules over flows and DNS answers from registered devices, with enrichment and deduplication. */
class EgressAnalysisTest {

    private static final Directory.Device DAHUA =
            new Directory.Device(11, 1, 5L, "device 11 (Dahua IPC-HDW3441T-ZAS)", "dahua");
    private static final Directory.Device HIK =
            new Directory.Device(12, 1, 5L, "device 12 (Hikvision DS-2CD2143G0-I)", "hikvision");

    private static final DeviceDirectory DIRECTORY = DeviceDirectory.builder()
            .address(Ip.parse("10.20.0.5"), DAHUA)
            .address(Ip.parse("10.20.0.6"), HIK)
            .mac(0x4419b6999999L, HIK)
            .build();

    /** Test data: 203.0.113.0/24 is "CN" and AS 37963 "Hangzhou Alibaba Advertising Co.,Ltd.". */
    private static final Geo GEO = new Geo() {
        @Override
        public @Nullable String country(Ip address) {
            return address.toString().startsWith("203.0.113.")
                    ? "CN"
                    : address.toString().startsWith("198.51.100.") ? "GB" : null;
        }

        @Override
        public @Nullable Asn asn(Ip address) {
            return address.toString().startsWith("203.0.113.")
                    ? new Asn(37963, "Hangzhou Alibaba Advertising Co.,Ltd.")
                    : null;
        }

        @Override
        public String describe() {
            return "test data";
        }
    };

    private static Flow flow(String source, String destination, int protocol, int port, long bytes, long at, long mac) {
        return new Flow(
                "test",
                0,
                at,
                at + 1_000,
                Ip.parse(source),
                Ip.parse(destination),
                40_000,
                port,
                protocol,
                bytes,
                3,
                mac,
                Flow.NO_MAC,
                0);
    }

    private static EgressAnalysis analysis(String allowed) {
        return new EgressAnalysis(
                EgressData.bundled(), Prefixes.parse("10.20.0.0/16"), Prefixes.parse(allowed), DIRECTORY, GEO);
    }

    @Test
    void aCameraReachingItsVendorsP2pServiceInAFlaggedJurisdictionRaisesEachRuleOnceWithItsEvidence() {
        EgressAnalysis analysis = analysis("");
        analysis.dns(new DnsAnswer(1_000, Ip.parse("10.20.0.5"), "www.easy4ipcloud.com", Ip.parse("203.0.113.7"), 60));
        for (int i = 0; i < 11; i++) {
            analysis.flow(flow("10.20.0.5", "203.0.113.7", 17, 8800, 360, 2_000 + i * 1_000L, Flow.NO_MAC));
        }
        Map<String, Alert> byRule = new java.util.HashMap<>();
        analysis.alerts().forEach(a -> byRule.put(a.rule().id(), a));
        assertThat(byRule).containsOnlyKeys("vendor-lookup", "outside", "jurisdiction", "vendor-service");
        Alert service = byRule.get("vendor-service");
        assertThat(service.flows()).isEqualTo(11);
        assertThat(service.bytes()).isEqualTo(11 * 360);
        assertThat(service.evidence()).hasSize(EgressAnalysis.EVIDENCE_ROWS);
        assertThat(service.endpoint().id()).isEqualTo("dahua-p2p");
        assertThat(service.summary())
                .isEqualTo("A device talked to a vendor cloud; P2P relay; update or DDNS service: device 11 (Dahua"
                        + " IPC-HDW3441T-ZAS) to www.easy4ipcloud.com (203.0.113.7) port UDP 8800, CN, AS37963 Hangzhou"
                        + " Alibaba Advertising Co.,Ltd. [Dahua P2P (Easy4IP; DMSS; Imou)]");
        assertThat(service.first()).isEqualTo(2_000);
        assertThat(service.last()).isEqualTo(13_000);
        assertThat(byRule.get("vendor-lookup").flows())
                .as("a look-up is not a flow")
                .isZero();
        assertThat(analysis.counts().flows()).isEqualTo(11);
    }

    @Test
    void aLookUpAloneIsAnAlertAndOwnNetworksAllowListsAndUnregisteredHostsAreNot() {
        EgressAnalysis analysis = analysis("198.51.100.0/24");
        analysis.dns(
                new DnsAnswer(1_000, Ip.parse("10.20.0.6"), "litedev.hik-connect.com", Ip.parse("203.0.113.9"), 30));
        analysis.flow(flow("10.20.0.6", "10.20.9.9", 6, 443, 100, 2_000, Flow.NO_MAC));
        analysis.flow(flow("10.20.0.6", "198.51.100.20", 17, 123, 100, 2_000, Flow.NO_MAC));
        analysis.flow(flow("10.30.0.1", "203.0.113.9", 6, 443, 100, 2_000, Flow.NO_MAC));
        analysis.flow(flow("10.20.0.6", "224.0.0.251", 17, 5353, 100, 2_000, Flow.NO_MAC));
        assertThat(analysis.alerts())
                .extracting(a -> a.rule().id() + " " + a.name())
                .containsExactly("vendor-lookup litedev.hik-connect.com");
        assertThat(analysis.counts().fromDevices()).isEqualTo(3);
    }

    @Test
    void aDeviceKnownByItsMacAndAPortOnlyServiceOfItsOwnVendor() {
        EgressAnalysis analysis = analysis("");
        analysis.flow(flow("10.99.0.1", "192.0.2.50", 6, 7660, 100, 2_000, 0x4419b6999999L));
        analysis.flow(flow("10.20.0.5", "192.0.2.51", 6, 7660, 100, 2_000, Flow.NO_MAC));
        List<String> rules = analysis.alerts().stream()
                .map(a -> a.device().id() + " " + a.rule().id() + " "
                        + (a.endpoint() == null ? "-" : a.endpoint().id()))
                .toList();
        assertThat(rules)
                .as("port 7660 is Hikvision's platform port for the Hikvision camera only; every alert to it says so")
                .containsExactly("12 outside hik-ehome", "12 vendor-service hik-ehome", "11 outside -");
    }

    @Test
    void aCameraSendingVideoOutIsAVolumeAlertOncePerHour() {
        EgressAnalysis analysis = analysis("");
        for (int i = 0; i < 30; i++) {
            analysis.flow(flow("10.20.0.6", "192.0.2.80", 6, 443, 5_000_000, 10_000 + i * 1_000L, Flow.NO_MAC));
        }
        assertThat(analysis.alerts())
                .filteredOn(a -> a.rule().kind() == Rule.Kind.VOLUME)
                .singleElement()
                .satisfies(a -> assertThat(a.flows()).isEqualTo(10)); // from the 21st flow, past 104,857,600 bytes
        analysis.flow(flow("10.20.0.6", "192.0.2.80", 6, 443, 5_000_000, 3_700_000, Flow.NO_MAC));
        assertThat(analysis.alerts())
                .filteredOn(a -> a.rule().kind() == Rule.Kind.VOLUME)
                .singleElement()
                .as("a new hour starts a new tally")
                .satisfies(a -> assertThat(a.flows()).isEqualTo(10));
    }

    @Test
    void aCaptureThroughTheAnalysisWithTheBundledDataFlagsAFlowToChina() throws Exception {
        Geo geo = IpLocationGeo.bundled();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                geo instanceof IpLocationGeo, "skipped: the build installed no geolocation data");
        byte[] pcap = new PcapWriter()
                .packet(100, "10.20.0.6", "114.114.114.114", 40_000, 443, 6, 100, "44:19:b6:12:34:56")
                .packet(101, "10.20.0.6", "8.8.8.8", 40_001, 443, 6, 100, "44:19:b6:12:34:56")
                .bytes();
        EgressAnalysis analysis = new EgressAnalysis(
                EgressData.bundled(), Prefixes.parse("10.20.0.0/16"), Prefixes.none(), DIRECTORY, geo);
        Capture.read(new java.io.ByteArrayInputStream(pcap), "camera.pcap", analysis.sink());
        assertThat(analysis.alerts())
                .extracting(a -> a.rule().id() + " " + a.destination() + " " + a.country())
                .containsExactlyInAnyOrder(
                        "outside 114.114.114.114 CN", "jurisdiction 114.114.114.114 CN", "outside 8.8.8.8 US");
        assertThat(analysis.alerts()).allSatisfy(a -> assertThat(a.geoData()).contains("CC BY 4.0"));
        ((IpLocationGeo) geo).close();
    }

    @Test
    void theReferenceDataIsCheckedLineByLine() {
        String endpoints = String.join(",", EgressData.ENDPOINT_COLUMNS) + "\n"
                + "x,Service,dahua,CLOUDY,not a name,udp/eighty,,maybe,http://x,\n";
        String rules = String.join(",", EgressData.RULE_COLUMNS) + "\n" + "j,JURISDICTION,HIGH,China,t,https://x\n";
        assertThatThrownBy(() -> EgressData.read(new StringReader(endpoints), new StringReader(rules), "1"))
                .isInstanceOf(EgressData.BadDataException.class)
                .hasMessageContaining("endpoints.csv line 2, column kind")
                .hasMessageContaining("endpoints.csv line 2, column names")
                .hasMessageContaining("endpoints.csv line 2, column ports")
                .hasMessageContaining("endpoints.csv line 2, column verified")
                .hasMessageContaining("endpoints.csv line 2, column source")
                .hasMessageContaining("rules.csv line 2, column parameter");
        assertThat(EgressData.bundled().endpoints())
                .extracting(Endpoint::id)
                .contains("dahua-p2p", "hik-connect-device");
    }

    /** A destination's service by port is worked out again when the port changes, and only for the device's vendor. */
    @Test
    void theSameDestinationOnAnotherPortIsJudgedByThatPort() {
        EgressAnalysis analysis = analysis("");
        analysis.flow(flow("10.20.0.5", "198.51.100.9", 6, 443, 100, 1_000, Flow.NO_MAC));
        assertThat(analysis.alerts()).extracting(a -> a.rule().kind()).doesNotContain(Rule.Kind.ENDPOINT);
        analysis.flow(flow("10.20.0.5", "198.51.100.9", 17, 8800, 100, 2_000, Flow.NO_MAC)); // Dahua's P2P port
        analysis.flow(flow("10.20.0.6", "198.51.100.9", 17, 8800, 100, 3_000, Flow.NO_MAC)); // from a Hikvision
        analysis.flow(flow("10.20.0.5", "198.51.100.9", 6, 443, 100, 4_000, Flow.NO_MAC));
        assertThat(analysis.alerts())
                .filteredOn(a -> a.rule().kind() == Rule.Kind.ENDPOINT)
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.device()).isEqualTo(DAHUA);
                    assertThat(a.endpoint().id()).isEqualTo("dahua-p2p");
                    assertThat(a.flows()).isEqualTo(1);
                });
    }

    /**
     * Alerts raised by a pair's first flow share the pair's counts while they hold for all its flows;
     * one that stops holding (the service on its port, here) counts only the flows it held for.
     */
    @Test
    void anAlertThatStopsHoldingForSomeFlowsCountsOnlyTheFlowsItHeldFor() {
        EgressAnalysis analysis = analysis("");
        int[] ports = {8800, 8800, 8800, 443, 443, 8800, 8800};
        for (int i = 0; i < ports.length; i++) {
            analysis.flow(flow(
                    "10.20.0.5",
                    "203.0.113.7",
                    ports[i] == 8800 ? 17 : 6,
                    ports[i],
                    100 + i,
                    1_000L * (i + 1),
                    Flow.NO_MAC));
        }
        Map<String, Alert> byRule = new java.util.HashMap<>();
        analysis.alerts().forEach(a -> byRule.put(a.rule().id(), a));
        assertThat(byRule).containsOnlyKeys("outside", "jurisdiction", "vendor-service");
        for (String always : List.of("outside", "jurisdiction")) {
            Alert a = byRule.get(always);
            assertThat(a.flows()).as(always).isEqualTo(7);
            assertThat(a.bytes()).as(always).isEqualTo(100 + 101 + 102 + 103 + 104 + 105 + 106);
            assertThat(a.first()).as(always).isEqualTo(1_000);
            assertThat(a.last()).as(always).isEqualTo(8_000);
            assertThat(a.port()).as(always).isEqualTo(8800);
            assertThat(a.endpoint().id()).as(always).isEqualTo("dahua-p2p");
            assertThat(a.evidence())
                    .as(always)
                    .hasSize(5)
                    .allSatisfy(e -> assertThat(e).contains("203.0.113.7:"));
            assertThat(a.evidence().get(3)).as(always).contains("203.0.113.7:443");
        }
        Alert service = byRule.get("vendor-service");
        assertThat(service.flows()).isEqualTo(5);
        assertThat(service.bytes()).isEqualTo(100 + 101 + 102 + 105 + 106);
        assertThat(service.first()).isEqualTo(1_000);
        assertThat(service.last()).isEqualTo(8_000);
        assertThat(service.port()).isEqualTo(8800);
        assertThat(service.evidence())
                .hasSize(5)
                .allSatisfy(e -> assertThat(e).contains("203.0.113.7:8800"))
                .last()
                .satisfies(e -> assertThat(e).startsWith("1970-01-01T00:00:07Z"));

        // A flow on another port first: the service's alert is raised later, counting from there.
        EgressAnalysis later = analysis("");
        later.flow(flow("10.20.0.5", "203.0.113.8", 6, 443, 100, 1_000, Flow.NO_MAC));
        later.flow(flow("10.20.0.5", "203.0.113.8", 17, 8800, 200, 2_000, Flow.NO_MAC));
        later.flow(flow("10.20.0.5", "203.0.113.8", 6, 443, 300, 3_000, Flow.NO_MAC));
        Map<String, Alert> laterByRule = new java.util.HashMap<>();
        later.alerts().forEach(a -> laterByRule.put(a.rule().id(), a));
        assertThat(laterByRule.get("outside").flows()).isEqualTo(3);
        assertThat(laterByRule.get("outside").port()).isEqualTo(443);
        assertThat(laterByRule.get("outside").endpoint().id()).isEqualTo("dahua-p2p");
        assertThat(laterByRule.get("vendor-service").flows()).isEqualTo(1);
        assertThat(laterByRule.get("vendor-service").bytes()).isEqualTo(200);
        assertThat(laterByRule.get("vendor-service").first()).isEqualTo(2_000);
        assertThat(laterByRule.get("vendor-service").port()).isEqualTo(8800);
    }

    /**
     * Over many mixed flows each alert counts exactly the flows its rule held for, worked out here
     * from the flows: to a few destinations, and to so many (half of them flagged) that the
     * analysis's table of pairs grows, moving their records, while their alerts follow them.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {8, 500})
    void eachAlertCountsExactlyTheFlowsItsRuleHeldFor(int destinations) {
        EgressAnalysis analysis = analysis("");
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        record Expected(long[] outside, long[] service) {}
        Map<String, Expected> expected = new java.util.HashMap<>();
        int[] ports = {8800, 443, 53, 8800};
        for (int i = 0; i < 40_000; i++) {
            boolean dahua = random.nextBoolean();
            int n = random.nextInt(destinations);
            String destination = n < 250 ? "203.0.113." + n : "198.51.100." + (n - 250);
            int port = ports[random.nextInt(ports.length)];
            int protocol = port == 443 ? 6 : 17;
            long bytes = random.nextLong(1, 5_000);
            analysis.flow(flow(
                    dahua ? "10.20.0.5" : "10.20.0.6", destination, protocol, port, bytes, 1_000L * i, Flow.NO_MAC));
            Expected e = expected.computeIfAbsent(
                    (dahua ? 11 : 12) + " " + destination, k -> new Expected(new long[3], new long[3]));
            e.outside()[0]++;
            e.outside()[1] += bytes;
            e.outside()[2] = port;
            if (dahua && port == 8800) { // Dahua's P2P port, from a Dahua camera only
                e.service()[0]++;
                e.service()[1] += bytes;
                e.service()[2] = port;
            }
        }
        List<Alert> alerts = analysis.alerts();
        for (Alert a : alerts) {
            Expected e = expected.get(a.device().id() + " " + a.destination());
            long[] counted = a.rule().id().equals("vendor-service") ? e.service() : e.outside();
            assertThat(new long[] {a.flows(), a.bytes(), a.port()})
                    .as(a.rule().id() + " " + a.device().id() + " " + a.destination())
                    .containsExactly(counted);
            assertThat(a.evidence()).hasSize((int) Math.min(EgressAnalysis.EVIDENCE_ROWS, counted[0]));
        }
        assertThat(alerts).extracting(a -> a.rule().id()).containsOnly("outside", "jurisdiction", "vendor-service");
        long flagged =
                expected.keySet().stream().filter(k -> k.contains("203.0.113.")).count();
        long services =
                expected.values().stream().filter(e -> e.service()[0] > 0).count();
        assertThat(alerts)
                .filteredOn(a -> a.rule().id().equals("vendor-service"))
                .hasSize((int) services);
        assertThat(alerts).filteredOn(a -> a.rule().id().equals("jurisdiction")).hasSize((int) flagged);
        assertThat(alerts).hasSize(expected.size() + (int) flagged + (int) services);
        assertThat(expected).hasSize(2 * destinations); // every pair was seen
    }

    /** The flows a decoder may skip (FlowSink#onlyCounts4) and the hand-over to another thread change nothing. */
    @Test
    void skippedFlowsAreCountedAsIfAnalysedAndThePipelineRaisesTheSameAlerts() throws Exception {
        List<Flow> flows = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String source = i % 7 == 0 ? "10.99.0.1" : i % 2 == 0 ? "10.20.0.5" : "10.20.0.6";
            String destination = i % 3 == 0
                    ? "10.20.9." + (i % 250)
                    : i % 3 == 1 ? "203.0.113." + (i % 20) : i % 11 == 0 ? "127.0.0.1" : "198.51.100.20";
            long mac = i % 7 == 0 ? 0x4419b6999999L : Flow.NO_MAC;
            flows.add(flow(source, destination, i % 2 == 0 ? 17 : 6, 8800, 40_000L * i, 1_000L * i, mac));
        }
        EgressAnalysis direct = analysis("198.51.100.0/24");
        flows.forEach(direct::flow);

        EgressAnalysis skipping = analysis("198.51.100.0/24");
        FlowPipeline.Reader<Void> reader = sink -> {
            for (Flow f : flows) {
                if (f.destination().v4()
                        && sink.onlyCounts4((int) f.destination().low())) {
                    sink.counted4((int) f.source().low(), f.sourceMac());
                } else {
                    sink.flow(f);
                }
            }
            return null;
        };
        reader.read(skipping.sink());
        EgressAnalysis piped = analysis("198.51.100.0/24");
        FlowPipeline.run(piped.sink(), reader);
        // As the IPFIX decoder hands over fixed-layout IPv4 records: by their fields, no Flow made.
        FlowPipeline.Reader<Void> byFields = sink -> {
            assertThat(sink.takesFields()).isTrue();
            for (Flow f : flows) {
                if (sink.onlyCounts4((int) f.destination().low())) {
                    sink.counted4((int) f.source().low(), f.sourceMac());
                } else {
                    FlowFields fields = new FlowFields();
                    fields.copyFrom(f);
                    sink.flow4(fields);
                }
            }
            return null;
        };
        EgressAnalysis fields = analysis("198.51.100.0/24");
        byFields.read(fields.sink());
        EgressAnalysis pipedFields = analysis("198.51.100.0/24");
        FlowPipeline.run(pipedFields.sink(), byFields);

        java.util.function.Function<Alert, String> described =
                a -> a.rule().id() + " " + a.device().id() + " "
                        + a.destination() + " " + a.flows() + " " + a.bytes() + " " + a.first() + " " + a.last() + " "
                        + a.country() + " " + a.evidence();
        List<String> expected = direct.alerts().stream().map(described).toList();
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(skipping.alerts()).extracting(described).isEqualTo(expected);
        assertThat(piped.alerts()).extracting(described).isEqualTo(expected);
        assertThat(skipping.counts()).isEqualTo(direct.counts());
        assertThat(piped.counts()).isEqualTo(direct.counts());
        assertThat(fields.alerts()).extracting(described).isEqualTo(expected);
        assertThat(pipedFields.alerts()).extracting(described).isEqualTo(expected);
        assertThat(fields.counts()).isEqualTo(direct.counts());
        assertThat(pipedFields.counts()).isEqualTo(direct.counts());
        assertThat(direct.counts().fromDevices()).isEqualTo(5_000);
    }

    /** The evidence rows read as the flows they were, IPv4 or IPv6, by fields or not, for the last of many alerts too. */
    @Test
    void evidenceRowsTellTheirFlowsWhateverTheAddressesAndHoweverManyAlerts() {
        DeviceDirectory everyone = DeviceDirectory.builder()
                .address(Ip.parse("10.20.0.5"), DAHUA)
                .address(Ip.parse("10.20.0.6"), HIK)
                .address(Ip.parse("2001:db8::5"), DAHUA)
                .build();
        EgressAnalysis analysis = new EgressAnalysis(
                EgressData.bundled(), Prefixes.parse("10.20.0.0/16"), Prefixes.none(), everyone, GEO);
        analysis.flow(new Flow(
                "exporter-6",
                0,
                1_000,
                2_000,
                Ip.parse("2001:db8::5"),
                Ip.parse("2001:db8:ff::9"),
                40_001,
                443,
                6,
                700,
                7,
                Flow.NO_MAC,
                Flow.NO_MAC,
                0));
        FlowFields fields = new FlowFields();
        for (int i = 0; i < 12_000; i++) { // new destinations, an alert each and more: beyond one chunk of rows
            fields.copyFrom(flow(
                    "10.20.0.6", "198.51." + (i / 250) + "." + (i % 250 + 1), 6, 443, 100 + i, 3_000 + i, Flow.NO_MAC));
            analysis.flow4(fields);
        }
        List<Alert> alerts = analysis.alerts();
        assertThat(alerts.get(0).evidence())
                .containsExactly(
                        "1970-01-01T00:00:01Z [2001:db8:0:0:0:0:0:5]:40001 -> [2001:db8:ff:0:0:0:0:9]:443 proto 6, 7 packets, 700"
                                + " bytes, from exporter-6");
        Alert last = alerts.get(alerts.size() - 1);
        assertThat(last.destination()).hasToString("198.51.47.250");
        assertThat(last.evidence())
                .containsExactly("1970-01-01T00:00:14.999Z 10.20.0.6:40000 -> 198.51.47.250:443 proto 6, 3 packets,"
                        + " 12099 bytes, from test");
    }

    /** Flows by their fields are analysed in their place among answers, other flows and reads. */
    @Test
    void flowsByTheirFieldsKeepTheirPlaceAmongAnswersFlowsAndReads() {
        EgressAnalysis analysis = analysis("");
        FlowFields fields = new FlowFields();
        fields.copyFrom(flow("10.20.0.5", "203.0.113.7", 17, 8800, 100, 2_000, Flow.NO_MAC));
        analysis.flow4(fields);
        assertThat(analysis.counts().flows()).isEqualTo(1);
        analysis.flow4(fields);
        analysis.dns(new DnsAnswer(2_500, Ip.parse("10.20.0.5"), "www.easy4ipcloud.com", Ip.parse("203.0.113.7"), 60));
        fields.copyFrom(flow("10.20.0.5", "203.0.113.7", 17, 8800, 100, 3_000, Flow.NO_MAC));
        analysis.flow4(fields);
        analysis.flow(flow("10.20.0.5", "203.0.113.7", 17, 8800, 100, 4_000, Flow.NO_MAC));
        fields.copyFrom(flow("10.20.0.5", "203.0.113.7", 17, 8800, 100, 5_000, Flow.NO_MAC));
        analysis.flow4(fields);
        Alert outside = analysis.alerts().stream()
                .filter(a -> a.rule().id().equals("outside"))
                .findFirst()
                .orElseThrow();
        assertThat(outside.flows()).isEqualTo(5);
        assertThat(outside.last()).isEqualTo(6_000);
        assertThat(outside.evidence())
                .as("the flows before the answer have no name; those after it have")
                .extracting(e -> e.contains("(www.easy4ipcloud.com)"))
                .containsExactly(false, false, true, true, true);
        assertThat(outside.name()).isEqualTo("www.easy4ipcloud.com");
        assertThat(outside.endpoint().id()).isEqualTo("dahua-p2p");
        assertThat(outside.country()).isEqualTo("CN");
        assertThat(analysis.counts().flows()).isEqualTo(5);
    }

    @Test
    void aFailureOfTheAnalysisReachesThePipelinesCallerAfterTheReaderIsDone() {
        int[] read = {0};
        FlowSink failing = f -> {
            if (f.bytes() == 3) {
                throw new IllegalStateException("the analysis broke at flow 3");
            }
        };
        assertThatThrownBy(() -> FlowPipeline.run(failing, sink -> {
                    for (int i = 0; i < 10_000; i++) {
                        sink.flow(flow("10.20.0.5", "203.0.113.7", 17, 8800, i, i, Flow.NO_MAC));
                        read[0]++;
                    }
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the analysis broke at flow 3");
        assertThat(read[0]).isEqualTo(10_000);
    }

    @Test
    void beyondTheAlertLimitNewDestinationsAreCountedAsDroppedAndKnownOnesStillCount() {
        EgressAnalysis analysis = analysis("");
        for (int i = 0; i < EgressAnalysis.MAX_ALERTS + 1_000; i++) {
            analysis.flow(new Flow(
                    "test",
                    0,
                    i,
                    i,
                    Ip.parse("10.20.0.6"),
                    Ip.v4(0x3000_0000 + i),
                    1,
                    443,
                    6,
                    10,
                    1,
                    Flow.NO_MAC,
                    Flow.NO_MAC,
                    0));
        }
        assertThat(analysis.counts().alerts()).isEqualTo(EgressAnalysis.MAX_ALERTS);
        assertThat(analysis.counts().dropped()).isEqualTo(1_000);
        analysis.flow(new Flow(
                "test",
                0,
                5,
                5,
                Ip.parse("10.20.0.6"),
                Ip.v4(0x3000_0000),
                1,
                443,
                6,
                10,
                1,
                Flow.NO_MAC,
                Flow.NO_MAC,
                0));
        assertThat(analysis.alerts().get(0).flows()).isEqualTo(2);
        assertThat(analysis.alerts().get(0).bytes()).isEqualTo(20);
    }
}
