package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The collector on loopback: datagrams after quiet spells (when both its threads sleep), and a hostile one. */
class FlowCollectorTest {

    /** An IPFIX message with its template (source, destination, destination port, octets) and one record. */
    private static ByteBuffer message(int sequence, int destination) {
        ByteBuffer m = ByteBuffer.allocate(16 + 4 + 4 + 16 + 4 + 18);
        m.position(16);
        m.putShort((short) 2).putShort((short) (4 + 4 + 16));
        m.putShort((short) 256).putShort((short) 4);
        m.putShort((short) 8).putShort((short) 4).putShort((short) 12).putShort((short) 4);
        m.putShort((short) 11).putShort((short) 2).putShort((short) 1).putShort((short) 8);
        m.putShort((short) 256).putShort((short) (4 + 18));
        m.putInt((10 << 24) | (20 << 16) | 5)
                .putInt(destination)
                .putShort((short) 8800)
                .putLong(360);
        m.putShort(0, (short) 10)
                .putShort(2, (short) m.position())
                .putInt(4, 1_764_590_000)
                .putInt(8, sequence)
                .putInt(12, 1);
        m.flip();
        return m;
    }

    private static void awaitFlows(FlowCollector collector, long flows) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (collector.counts().flows() < flows && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static void awaitAsleep(FlowCollector collector) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!collector.decoderAsleep() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(collector.decoderAsleep())
                .as("the decoder sleeps through a quiet socket")
                .isTrue();
    }

    @Test
    void anAddressInUseIsRefusedAndTheCollectorThereGoesOn() throws Exception {
        try (FlowCollector first =
                        FlowCollector.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), f -> {});
                DatagramChannel exporter = DatagramChannel.open()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FlowCollector.start(first.address(), f -> {}))
                    .isInstanceOf(java.net.BindException.class);
            exporter.send(message(1, 7), first.address());
            awaitFlows(first, 1);
            assertThat(first.counts().flows()).isEqualTo(1);
        }
    }

    @Test
    void datagramsAfterQuietSpellsAreAllDecodedAndAHostileOneIsCountedNotFatal() throws Exception {
        List<Integer> destinations = new CopyOnWriteArrayList<>();
        FlowSink sink = flow -> destinations.add((int) flow.destination().low());
        try (FlowCollector collector =
                        FlowCollector.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), sink);
                DatagramChannel exporter = DatagramChannel.open()) {
            InetSocketAddress to = collector.address();
            for (int spell = 1; spell <= 3; spell++) {
                awaitAsleep(collector); // a quiet spell: the decoder (and the receiver before it) sleeps
                exporter.send(message(spell, (203 << 24) | (113 << 8) | spell), to);
                awaitFlows(collector, spell);
                assertThat(collector.counts().flows())
                        .as("after quiet spell " + spell)
                        .isEqualTo(spell);
            }
            ByteBuffer lie = message(4, 1);
            lie.putShort(2, (short) 4_000); // a message that says it is longer than the datagram
            exporter.send(lie, to);
            for (int burst = 0; burst < 1_000; burst++) { // and a busy spell straight after
                exporter.send(message(5 + burst, (198 << 24) | (51 << 16) | (100 << 8) | (burst % 250)), to);
            }
            awaitFlows(collector, 1_003);
            FlowCollector.Counts counts = collector.counts();
            assertThat(counts.flows()).isEqualTo(1_003);
            assertThat(counts.undecodable()).isEqualTo(1);
            assertThat(counts.lastProblem()).contains("IPFIX message says it is 4000 bytes long");
            assertThat(counts.dropped()).isZero();
        }
        assertThat(destinations.subList(0, 3))
                .containsExactly(
                        (203 << 24) | (113 << 8) | 1, (203 << 24) | (113 << 8) | 2, (203 << 24) | (113 << 8) | 3);
    }
}
