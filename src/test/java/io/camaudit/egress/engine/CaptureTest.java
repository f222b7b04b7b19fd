package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Captures crafted byte by byte: DNS answers, timeouts, and hostile files. */
class CaptureTest {

    private record Read(List<Flow> flows, List<DnsAnswer> answers, Capture.Outcome outcome) {}

    private static Read read(byte[] bytes) throws Exception {
        List<Flow> flows = new ArrayList<>();
        List<DnsAnswer> answers = new ArrayList<>();
        Capture.Outcome outcome = Capture.read(new ByteArrayInputStream(bytes), "test.pcap", new FlowSink() {
            @Override
            public void flow(Flow flow) {
                flows.add(flow);
            }

            @Override
            public void dns(DnsAnswer answer) {
                answers.add(answer);
            }
        });
        return new Read(flows, answers, outcome);
    }

    /** A DNS response for the name with one A record, the answer's name a pointer to the question. */
    static byte[] dnsResponse(String name, String address) {
        ByteBuffer m = ByteBuffer.allocate(512);
        m.putShort((short) 0x1234)
                .putShort((short) 0x8180)
                .putShort((short) 1)
                .putShort((short) 1)
                .putShort((short) 0)
                .putShort((short) 0);
        for (String label : name.split("\\.")) {
            m.put((byte) label.length()).put(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        m.put((byte) 0).putShort((short) 1).putShort((short) 1);
        m.putShort((short) 0xC00C)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(120)
                .putShort((short) 4)
                .put(Ip.parse(address).toInetAddress().getAddress());
        return java.util.Arrays.copyOf(m.array(), m.position());
    }

    @Test
    void aDnsAnswerNamesTheAddressForTheDeviceThatAsked() throws Exception {
        byte[] pcap = new PcapWriter()
                .packet(
                        100,
                        "10.20.0.1",
                        "10.20.0.5",
                        53,
                        53_000,
                        17,
                        dnsResponse("www.easy4ipcloud.com", "203.0.113.7"),
                        "00:11:22:33:44:55")
                .packet(101, "10.20.0.5", "203.0.113.7", 40_000, 8800, 17, 44, "44:19:b6:12:34:56")
                .bytes();
        Read read = read(pcap);
        assertThat(read.outcome().problem()).isNull();
        assertThat(read.answers())
                .extracting(a -> a.client() + " " + a.name() + " " + a.address() + " " + a.ttlSeconds())
                .containsExactly("10.20.0.5 www.easy4ipcloud.com 203.0.113.7 120");
        assertThat(read.flows()).hasSize(2);
        Flow camera = read.flows().stream()
                .filter(f -> f.destinationPort() == 8800)
                .findFirst()
                .orElseThrow();
        assertThat(camera.sourceMac()).isEqualTo(0x4419b6123456L);
        assertThat(camera.bytes()).isEqualTo(72);
    }

    @Test
    void packetsAMinuteApartMakeTwoFlowsAsNfpcapdsInactiveTimeoutDoes() throws Exception {
        byte[] pcap = new PcapWriter()
                .packet(100, "10.20.0.5", "203.0.113.7", 40_000, 8800, 17, 44, "44:19:b6:12:34:56")
                .packet(130, "10.20.0.5", "203.0.113.7", 40_000, 8800, 17, 44, "44:19:b6:12:34:56")
                .packet(200, "10.20.0.5", "203.0.113.7", 40_000, 8800, 17, 44, "44:19:b6:12:34:56")
                .bytes();
        assertThat(read(pcap).flows()).extracting(Flow::packets).containsExactly(2L, 1L);
    }

    @Test
    void hostileCapturesAreNamedWithTheirOffsetAndKeepWhatCameBefore() throws Exception {
        byte[] good = new PcapWriter()
                .packet(100, "10.20.0.5", "203.0.113.7", 40_000, 8800, 17, 44, "44:19:b6:12:34:56")
                .bytes();
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 10);
        assertThat(read(cut).outcome().problem())
                .isEqualTo("test.pcap: a packet of 86 bytes is cut short at 76 (at byte 24)");

        byte[] twice = new byte[good.length * 2 - 24];
        System.arraycopy(good, 0, twice, 0, good.length);
        System.arraycopy(good, 24, twice, good.length, good.length - 24);
        ByteBuffer.wrap(twice).order(ByteOrder.LITTLE_ENDIAN).putInt(good.length + 8, 300_000);
        Read lying = read(twice);
        assertThat(lying.outcome().problem())
                .isEqualTo("test.pcap: a packet record of 300000 bytes, beyond the snapshot length 65535 (at byte "
                        + good.length + ")");
        assertThat(lying.flows()).as("the flow before the lie is kept").hasSize(1);

        byte[] zeroSnap = good.clone();
        ByteBuffer.wrap(zeroSnap).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0);
        assertThat(read(zeroSnap).flows())
                .as("a snapshot length of 0 is taken as the largest")
                .hasSize(1);

        assertThat(read("GIF89a not a capture".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .outcome()
                        .problem())
                .isEqualTo("test.pcap: not a pcap or pcapng capture (at byte 0)");
        byte[] loop = new PcapWriter()
                .packet(
                        100,
                        "10.20.0.1",
                        "10.20.0.5",
                        53,
                        53_000,
                        17,
                        new byte[] {
                            0x12, 0x34, (byte) 0x81, (byte) 0x80, 0, 1, 0, 1, 0, 0, 0, 0, (byte) 0xC0, 12, 0, 1, 0, 1
                        },
                        "00:11:22:33:44:55")
                .bytes();
        Read looped = read(loop);
        assertThat(looped.outcome().problem()).isNull();
        assertThat(looped.answers())
                .as("a compression pointer to itself reads as nothing")
                .isEmpty();
    }
}
