package io.camaudit.egress.engine;

/** Captures other test packages use, written by the engine's own test writer. */
public final class TestCaptures {

    private TestCaptures() {}

    /**
     * A Dahua camera at 10.20.0.5 looks up www.easy4ipcloud.com (answered 203.0.113.7) and sends five
     * datagrams to it on UDP 8800, starting at the second given.
     */
    public static byte[] cameraPhoningHome(long seconds) {
        PcapWriter pcap = new PcapWriter()
                .packet(
                        seconds,
                        "10.20.0.1",
                        "10.20.0.5",
                        53,
                        53_000,
                        17,
                        CaptureTest.dnsResponse("www.easy4ipcloud.com", "203.0.113.7"),
                        "00:11:22:33:44:55");
        for (int i = 1; i <= 5; i++) {
            pcap.packet(seconds + i, "10.20.0.5", "203.0.113.7", 40_000, 8800, 17, 44, "e0:50:8b:65:43:21");
        }
        return pcap.bytes();
    }
}
