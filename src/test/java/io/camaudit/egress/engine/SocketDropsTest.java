package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the operating system dropped for a socket whose buffer was full, which no count of the collector's sees. */
class SocketDropsTest {

    /** /proc/net/udp as Linux 6 writes it: a socket on 127.0.0.1:39060 with 3 drops, and another process's on the same port. */
    private static final String TABLE =
            "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid"
                    + "  timeout inode ref pointer drops            \n"
                    + "15378: 0100007F:9894 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 2755039 2"
                    + " 000000007e358ac2 3       \n"
                    + "15379: 00000000:9894 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 2755040 2"
                    + " 000000007e358ac3 9       \n"
                    + "15380: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 17 2"
                    + " 000000007e358ac4 5       \n";

    @Test
    void aTableLineCountsOnlyForItsPortAndOneOfTheProcesssOwnSockets() throws Exception {
        assertThat(SocketDrops.drops(new BufferedReader(new StringReader(TABLE)), 39060, Set.of(2755039L)))
                .hasValue(3);
        assertThat(SocketDrops.drops(new BufferedReader(new StringReader(TABLE)), 39060, Set.of(2755039L, 2755040L)))
                .hasValue(12);
        assertThat(SocketDrops.drops(new BufferedReader(new StringReader(TABLE)), 39060, Set.of(17L)))
                .isEmpty();
        assertThat(SocketDrops.drops(new BufferedReader(new StringReader(TABLE)), 53, Set.of(17L)))
                .hasValue(5);
        assertThatThrownBy(() -> SocketDrops.drops(new BufferedReader(new StringReader("hello\n")), 53, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A real socket on loopback with a tiny buffer, sent more than it holds and read only afterwards. */
    @Test
    void theKernelsDropsForAFullSocketAreReadAndNoOtherSocketsAre() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/udp")), "only Linux says what it dropped");
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (DatagramChannel full = DatagramChannel.open();
                DatagramChannel other = DatagramChannel.open();
                DatagramChannel sender = DatagramChannel.open()) {
            full.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            full.bind(loopback);
            other.bind(loopback);
            int port = ((InetSocketAddress) full.getLocalAddress()).getPort();
            int otherPort = ((InetSocketAddress) other.getLocalAddress()).getPort();
            assertThat(SocketDrops.of(port)).hasValue(0);

            int sent = 500;
            for (int i = 0; i < sent; i++) {
                sender.send(ByteBuffer.allocate(1_000), full.getLocalAddress());
            }
            full.configureBlocking(false);
            int received = 0;
            while (full.receive(ByteBuffer.allocate(2_000)) != null) {
                received++;
            }
            long dropped = SocketDrops.of(port).orElseThrow();
            assertThat(dropped).isPositive();
            assertThat(received + dropped).isEqualTo(sent); // on loopback, each either queued or dropped
            assertThat(SocketDrops.of(otherPort)).hasValue(0);
        }
    }
}
