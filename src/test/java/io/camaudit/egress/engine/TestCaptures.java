package io.camaudit.egress.engine;

/** Captures and datagrams other test packages use (the captures written by the engine's own test writer). */
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

    /** A NetFlow v5 datagram of one flow for each {source, destination, destination port, protocol}, sent now. */
    public static byte[] netflowV5(String[]... flows) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24 + 48 * flows.length);
        int now = (int) (System.currentTimeMillis() / 1000);
        b.putShort((short) 5)
                .putShort((short) flows.length)
                .putInt(60_000)
                .putInt(now)
                .putInt(0);
        b.putInt(1).put((byte) 0).put((byte) 0).putShort((short) 0);
        for (String[] f : flows) {
            b.put(Ip.parse(f[0]).toInetAddress().getAddress())
                    .put(Ip.parse(f[1]).toInetAddress().getAddress())
                    .putInt(0) // next hop
                    .putShort((short) 1)
                    .putShort((short) 2)
                    .putInt(3) // packets
                    .putInt(600) // bytes
                    .putInt(59_000) // first and last, in the exporter's uptime
                    .putInt(59_500)
                    .putShort((short) 40_000)
                    .putShort((short) Integer.parseInt(f[2]))
                    .put((byte) 0)
                    .put((byte) 0)
                    .put((byte) Integer.parseInt(f[3]))
                    .put((byte) 0)
                    .putInt(0) // autonomous systems
                    .putInt(0); // masks and padding
        }
        return b.array();
    }
}
