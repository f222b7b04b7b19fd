package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IPFIX and NetFlow v9 messages crafted byte by byte: templates, withdrawals, variable lengths, and lies. */
class FlowDecoderTest {

    /** Builds an IPFIX message of sets. */
    private static final class Message {
        private final ByteArrayOutputStream sets = new ByteArrayOutputStream();
        private final long domain;

        Message(long domain) {
            this.domain = domain;
        }

        Message set(int id, byte[] body) {
            return rawSet(id, 4 + body.length, body);
        }

        Message rawSet(int id, int declaredLength, byte[] body) {
            ByteBuffer b = ByteBuffer.allocate(4 + body.length);
            b.putShort((short) id).putShort((short) declaredLength).put(body);
            sets.writeBytes(b.array());
            return this;
        }

        byte[] bytes() {
            byte[] body = sets.toByteArray();
            ByteBuffer b = ByteBuffer.allocate(16 + body.length);
            b.putShort((short) 10)
                    .putShort((short) (16 + body.length))
                    .putInt(1_764_590_000)
                    .putInt(1)
                    .putInt((int) domain)
                    .put(body);
            return b.array();
        }
    }

    /** Template 256: source and destination IPv4, ports, protocol, octets (8), packets (4), start and end ms, an enterprise field, a variable-length field. */
    private static byte[] template() {
        ByteBuffer t = ByteBuffer.allocate(4 + 11 * 4 + 4);
        t.putShort((short) 256).putShort((short) 11);
        int[][] fields = {{8, 4}, {12, 4}, {7, 2}, {11, 2}, {4, 1}, {1, 8}, {2, 4}, {152, 8}, {153, 8}};
        for (int[] f : fields) {
            t.putShort((short) f[0]).putShort((short) f[1]);
        }
        t.putShort((short) (0x8000 | 100)).putShort((short) 2).putInt(9);
        t.putShort((short) 82).putShort((short) 65_535); // interfaceName, variable length
        return t.array();
    }

    private static byte[] record(String source, String destination, int bytes, String name) {
        ByteBuffer r = ByteBuffer.allocate(4 + 4 + 2 + 2 + 1 + 8 + 4 + 8 + 8 + 2 + 1 + name.length());
        r.put(Ip.parse(source).toInetAddress().getAddress())
                .put(Ip.parse(destination).toInetAddress().getAddress())
                .putShort((short) 40_000)
                .putShort((short) 8800)
                .put((byte) 17)
                .putLong(bytes)
                .putInt(3)
                .putLong(1_764_590_000_000L)
                .putLong(1_764_590_004_000L)
                .putShort((short) 7)
                .put((byte) name.length())
                .put(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return r.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static List<Flow> decode(FlowDecoder decoder, byte[] message, List<FlowDecoder.Outcome> outcomes) {
        List<Flow> flows = new ArrayList<>();
        outcomes.add(decoder.decode(ByteBuffer.wrap(message), "192.0.2.1", 0, flows::add));
        return flows;
    }

    @Test
    void anIpfixTemplateThenItsDataGiveFlowsWithEveryField() {
        FlowDecoder decoder = new FlowDecoder();
        List<FlowDecoder.Outcome> outcomes = new ArrayList<>();
        List<Flow> flows = decode(
                decoder,
                new Message(7)
                        .set(2, template())
                        .set(
                                256,
                                concat(
                                        record("10.20.0.5", "203.0.113.7", 360, "eth0"),
                                        record("10.20.0.6", "198.51.100.9", 420, "")))
                        .bytes(),
                outcomes);
        assertThat(outcomes.get(0).complete())
                .as(String.valueOf(outcomes.get(0).problem()))
                .isTrue();
        assertThat(flows).hasSize(2);
        Flow first = flows.get(0);
        assertThat(first.source()).hasToString("10.20.0.5");
        assertThat(first.destination()).hasToString("203.0.113.7");
        assertThat(first.destinationPort()).isEqualTo(8800);
        assertThat(first.protocol()).isEqualTo(17);
        assertThat(first.bytes()).isEqualTo(360);
        assertThat(first.packets()).isEqualTo(3);
        assertThat(first.end() - first.start()).isEqualTo(4_000);
        assertThat(first.observationDomain()).isEqualTo(7);
        assertThat(flows.get(1).bytes()).isEqualTo(420);
    }

    @Test
    void dataBeforeItsTemplateIsCountedNotGuessedAndAWithdrawalForgetsTheTemplate() {
        FlowDecoder decoder = new FlowDecoder();
        List<FlowDecoder.Outcome> outcomes = new ArrayList<>();
        byte[] data = new Message(7)
                .set(256, record("10.20.0.5", "203.0.113.7", 1, "x"))
                .bytes();
        assertThat(decode(decoder, data, outcomes)).isEmpty();
        assertThat(outcomes.get(0).withoutTemplate()).isEqualTo(1);
        decode(decoder, new Message(7).set(2, template()).bytes(), outcomes);
        assertThat(decode(decoder, data, outcomes)).hasSize(1);
        assertThat(decode(
                        decoder,
                        new Message(8)
                                .set(256, record("10.20.0.5", "203.0.113.7", 1, "x"))
                                .bytes(),
                        outcomes))
                .as("templates belong to their observation domain")
                .isEmpty();
        ByteBuffer withdrawal = ByteBuffer.allocate(4).putShort((short) 256).putShort((short) 0);
        decode(decoder, new Message(7).set(2, withdrawal.array()).bytes(), outcomes);
        assertThat(decode(decoder, data, outcomes)).isEmpty();
        assertThat(decoder.templateCount()).isZero();
    }

    @Test
    void templatesNotAnnouncedAgainWithinTheirLifetimeAreForgotten() {
        long[] clock = {1_000_000};
        FlowDecoder decoder = new FlowDecoder(() -> clock[0]);
        List<FlowDecoder.Outcome> outcomes = new ArrayList<>();
        decode(decoder, new Message(7).set(2, template()).bytes(), outcomes);
        clock[0] += 20 * 60_000;
        assertThat(decoder.expireTemplates(30 * 60_000)).isZero();
        clock[0] += 20 * 60_000;
        assertThat(decoder.expireTemplates(30 * 60_000)).isEqualTo(1);
        byte[] data = new Message(7)
                .set(256, record("10.20.0.5", "203.0.113.7", 1, "x"))
                .bytes();
        assertThat(decode(decoder, data, outcomes)).isEmpty();
        assertThat(outcomes.get(1).withoutTemplate()).isEqualTo(1);
    }

    @Test
    void aTemplateAnnouncedAgainUnchangedIsRenewedAndAChangedOneReplacesIt() {
        long[] clock = {1_000_000};
        FlowDecoder decoder = new FlowDecoder(() -> clock[0]);
        List<FlowDecoder.Outcome> outcomes = new ArrayList<>();
        decode(decoder, new Message(7).set(2, template()).bytes(), outcomes);
        clock[0] += 20 * 60_000;
        decode(decoder, new Message(7).set(2, template()).bytes(), outcomes);
        assertThat(outcomes.get(1).templates()).isEqualTo(1);
        clock[0] += 20 * 60_000;
        assertThat(decoder.expireTemplates(30 * 60_000))
                .as("announced again 20 minutes ago: still alive")
                .isZero();

        // The same id announced with the destination first: its data is read by the new layout.
        ByteBuffer swapped = ByteBuffer.wrap(template().clone());
        swapped.putShort(4, (short) 12).putShort(8, (short) 8);
        decode(decoder, new Message(7).set(2, swapped.array()).bytes(), outcomes);
        List<Flow> flows = decode(
                decoder,
                new Message(7)
                        .set(256, record("10.20.0.5", "203.0.113.7", 1, "x"))
                        .bytes(),
                outcomes);
        assertThat(flows).hasSize(1);
        assertThat(flows.get(0).source()).hasToString("203.0.113.7");
        assertThat(flows.get(0).destination()).hasToString("10.20.0.5");
        assertThat(decoder.templateCount()).isEqualTo(1);
    }

    @Test
    void aSetThatLiesAboutItsLengthStopsThereAndKeepsTheFlowsBeforeIt() {
        FlowDecoder decoder = new FlowDecoder();
        List<FlowDecoder.Outcome> outcomes = new ArrayList<>();
        List<Flow> flows = decode(
                decoder,
                new Message(7)
                        .set(2, template())
                        .set(256, record("10.20.0.5", "203.0.113.7", 1, "x"))
                        .rawSet(256, 60_000, record("10.20.0.6", "203.0.113.7", 1, "y"))
                        .bytes(),
                outcomes);
        assertThat(flows).hasSize(1);
        assertThat(outcomes.get(0).problem())
                .contains("says it is 60000 bytes long")
                .contains("at byte");
    }

    @Test
    void hostileTemplatesAreRefusedWithTheirOffset() {
        List<FlowDecoder.Outcome> outcomes = new ArrayList<>();
        ByteBuffer zeroLength = ByteBuffer.allocate(8)
                .putShort((short) 300)
                .putShort((short) 1)
                .putShort((short) 8)
                .putShort((short) 0);
        decode(new FlowDecoder(), new Message(1).set(2, zeroLength.array()).bytes(), outcomes);
        assertThat(outcomes.get(0).problem()).contains("has length 0");
        ByteBuffer tooMany = ByteBuffer.allocate(4).putShort((short) 300).putShort((short) 60_000);
        decode(new FlowDecoder(), new Message(1).set(2, tooMany.array()).bytes(), outcomes);
        assertThat(outcomes.get(1).problem()).contains("60000 fields");
        ByteBuffer lowId = ByteBuffer.allocate(8)
                .putShort((short) 5)
                .putShort((short) 1)
                .putShort((short) 8)
                .putShort((short) 4);
        decode(new FlowDecoder(), new Message(1).set(2, lowId.array()).bytes(), outcomes);
        assertThat(outcomes.get(2).problem()).contains("below 256");
        byte[] shortMessage = new Message(1).set(2, template()).bytes();
        ByteBuffer.wrap(shortMessage).putShort(2, (short) 9_000);
        decode(new FlowDecoder(), shortMessage, outcomes);
        assertThat(outcomes.get(3).problem()).contains("says it is 9000 bytes long");
        decode(new FlowDecoder(), new byte[] {0, 7, 1, 2}, outcomes);
        assertThat(outcomes.get(4).problem()).contains("version 7 is not");
    }

    @Test
    void anIpfixFileIsReadMessageByMessageAndATruncatedEndIsNamed() throws Exception {
        byte[] first = new Message(7)
                .set(2, template())
                .set(256, record("10.20.0.5", "203.0.113.7", 1, "a"))
                .bytes();
        byte[] second = new Message(7)
                .set(256, record("10.20.0.6", "203.0.113.7", 2, "b"))
                .bytes();
        byte[] cut = java.util.Arrays.copyOf(second, second.length - 5);
        List<Flow> flows = new ArrayList<>();
        IpfixFile.Outcome outcome =
                IpfixFile.read(new ByteArrayInputStream(concat(first, second, cut)), "flows.ipfix", flows::add);
        assertThat(flows).hasSize(2);
        assertThat(outcome.messages()).isEqualTo(2);
        assertThat(outcome.problem())
                .isEqualTo("flows.ipfix: the file ends inside an IPFIX message of " + second.length + " bytes (at byte "
                        + (first.length + second.length) + ")");
        IpfixFile.Outcome whole = IpfixFile.read(new ByteArrayInputStream(concat(first, second)), "f", f -> {});
        assertThat(whole.problem()).isNull();
        assertThat(whole.flows()).isEqualTo(2);
    }

    /** Fixed-length templates are read at known offsets; one with a variable-length field is walked field by field. */
    @Test
    void aFixedTemplateReadAtItsOffsetsGivesWhatTheWalkOfItsFieldsGivesAndSkipsWhatTheSinkOnlyCounts() {
        int[][] fields = {
            {8, 4}, {12, 4}, {7, 2}, {11, 2}, {4, 1}, {1, 8}, {85, 4}, {2, 4}, {152, 8}, {153, 8}, {56, 6}, {57, 6},
            {80, 6}, {6, 1}
        };
        ByteBuffer fixed = ByteBuffer.allocate(4 + fields.length * 4 + 8);
        ByteBuffer walked = ByteBuffer.allocate(4 + fields.length * 4 + 12);
        fixed.putShort((short) 300).putShort((short) (fields.length + 1));
        walked.putShort((short) 301).putShort((short) (fields.length + 2));
        for (int[] f : fields) {
            fixed.putShort((short) f[0]).putShort((short) f[1]);
            walked.putShort((short) f[0]).putShort((short) f[1]);
        }
        fixed.putShort((short) (0x8000 | 100)).putShort((short) 2).putInt(9);
        walked.putShort((short) (0x8000 | 100)).putShort((short) 2).putInt(9);
        walked.putShort((short) 82).putShort((short) 65_535);
        ByteArrayOutputStream fixedData = new ByteArrayOutputStream();
        ByteArrayOutputStream walkedData = new ByteArrayOutputStream();
        String[][] pairs = {{"10.20.0.5", "203.0.113.7"}, {"10.20.0.6", "10.20.0.200"}, {"255.255.255.255", "1.2.3.4"}};
        for (int i = 0; i < pairs.length; i++) {
            ByteBuffer r = ByteBuffer.allocate(4 + 4 + 2 + 2 + 1 + 8 + 4 + 4 + 8 + 8 + 6 + 6 + 6 + 1 + 2);
            r.put(Ip.parse(pairs[i][0]).toInetAddress().getAddress())
                    .put(Ip.parse(pairs[i][1]).toInetAddress().getAddress())
                    .putShort((short) (40_000 + i))
                    .putShort((short) 8800)
                    .put((byte) 17)
                    .putLong(1_000L * i)
                    .putInt(0xF000_0000 + i) // octetDeltaCount again, later: the later one wins
                    .putInt(3 + i)
                    .putLong(1_764_590_000_000L + i)
                    .putLong(1_764_590_004_000L + i)
                    .put(new byte[] {0x44, 0x19, (byte) 0xb6, 0x12, 0x34, (byte) i})
                    .put(new byte[] {0, 0x11, 0x22, 0x33, 0x44, 0x55})
                    .put(new byte[] {0, 0x11, 0x22, 0x33, 0x44, (byte) (0x60 + i)})
                    .put((byte) 0x12)
                    .putShort((short) 7);
            fixedData.writeBytes(r.array());
            walkedData.writeBytes(r.array());
            walkedData.write(2);
            walkedData.writeBytes(new byte[] {'e', '0'});
        }
        List<FlowDecoder.Outcome> outcomes = new ArrayList<>();
        FlowDecoder decoder = new FlowDecoder();
        decode(
                decoder,
                new Message(1).set(2, fixed.array()).set(2, walked.array()).bytes(),
                outcomes);
        List<Flow> atOffsets =
                decode(decoder, new Message(1).set(300, fixedData.toByteArray()).bytes(), outcomes);
        List<Flow> byWalk = decode(
                decoder, new Message(1).set(301, walkedData.toByteArray()).bytes(), outcomes);

        assertThat(atOffsets).hasSize(3).isEqualTo(byWalk);
        Flow first = atOffsets.get(0);
        assertThat(first.bytes()).isEqualTo(0xF000_0000L);
        assertThat(first.destinationMac()).isEqualTo(0x0011_2233_4460L); // element 80, not 57
        assertThat(first.sourceMac()).isEqualTo(0x4419_b612_3400L);
        assertThat(first.tcpFlags()).isEqualTo(0x12);
        assertThat(atOffsets.get(2).source()).hasToString("255.255.255.255");

        List<String> counted = new ArrayList<>();
        List<Flow> made = new ArrayList<>();
        FlowSink sink = new FlowSink() {
            @Override
            public void flow(Flow flow) {
                made.add(flow);
            }

            @Override
            public boolean onlyCounts4(int destination) {
                return (destination >>> 24) == 10;
            }

            @Override
            public void counted4(int source, long sourceMac) {
                counted.add(Ip.v4(source) + " " + Long.toHexString(sourceMac));
            }
        };
        FlowDecoder.Outcome outcome = decoder.decode(
                ByteBuffer.wrap(new Message(1).set(300, fixedData.toByteArray()).bytes()), "192.0.2.1", 0, sink);
        assertThat(outcome.flows()).isEqualTo(3);
        assertThat(counted).containsExactly("10.20.0.6 4419b6123401");
        assertThat(made).containsExactly(atOffsets.get(0), atOffsets.get(2));
    }
}
