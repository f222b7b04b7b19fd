package io.camaudit.discovery.engine;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The only door from the probes to the network: every TCP connection and UDP datagram of a survey
 * is opened here, checked against the scope and paced. A probe cannot reach an address the scope
 * does not hold, whatever a device's reply says (an XAddr or a redirect to elsewhere).
 */
public final class ScopedNetwork {

    private final Scope scope;
    private final Pacer pacer;
    private final SurveySettings settings;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong outOfScopeReplies = new AtomicLong();

    public ScopedNetwork(Scope scope, SurveySettings settings) {
        this.scope = scope;
        this.settings = settings;
        this.pacer = new Pacer(settings.packetsPerSecond());
    }

    public Scope scope() {
        return scope;
    }

    public SurveySettings settings() {
        return settings;
    }

    /** Connections and datagrams started so far. */
    public long packets() {
        return packets.get();
    }

    /**
     * Opens a TCP connection, or returns null where nothing listens (refused or timed out).
     *
     * @throws OutOfScopeException if the address is not in scope
     */
    public @Nullable Socket connect(InetAddress address, int port) throws InterruptedException {
        require(address);
        pacer.acquire();
        packets.incrementAndGet();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), (int)
                    settings.connectTimeout().toMillis());
            socket.setSoTimeout((int) settings.readTimeout().toMillis());
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            return null;
        }
    }

    /**
     * Which of the ports accept a TCP connection, tried all at once (non-blocking connects) and
     * given the connect timeout together, so a host that is not there costs one timeout, not one
     * per port. The connections are closed as soon as they are made.
     */
    public java.util.SortedSet<Integer> openPorts(InetAddress address, java.util.List<Integer> ports)
            throws InterruptedException {
        require(address);
        java.util.SortedSet<Integer> open = new java.util.TreeSet<>();
        java.util.List<java.nio.channels.SocketChannel> channels = new java.util.ArrayList<>();
        try (java.nio.channels.Selector selector = java.nio.channels.Selector.open()) {
            for (int port : ports) {
                pacer.acquire();
                packets.incrementAndGet();
                java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open();
                channels.add(channel);
                channel.configureBlocking(false);
                try {
                    if (channel.connect(new InetSocketAddress(address, port))) {
                        open.add(port);
                    } else {
                        channel.register(selector, java.nio.channels.SelectionKey.OP_CONNECT, port);
                    }
                } catch (IOException e) {
                    // refused at once
                }
            }
            long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
            while (!selector.keys().isEmpty()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                selector.select(left);
                for (java.nio.channels.SelectionKey key : selector.selectedKeys()) {
                    java.nio.channels.SocketChannel channel = (java.nio.channels.SocketChannel) key.channel();
                    try {
                        if (channel.finishConnect()) {
                            open.add((Integer) key.attachment());
                        }
                    } catch (IOException e) {
                        // refused or unreachable
                    }
                    key.cancel();
                }
                selector.selectedKeys().clear();
                selector.selectNow(); // flushes the cancelled keys
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not open a selector", e);
        } finally {
            for (java.nio.channels.SocketChannel channel : channels) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // best effort
                }
            }
        }
        return open;
    }

    /** A datagram's reply: the port it came from and its bytes. */
    public record Datagram(int fromPort, byte[] data) {}

    /**
     * Sends each request (port to bytes) to the address from one socket, then collects the replies
     * that come back from that address within the UDP wait, each cut at the reply limit: three
     * discovery protocols cost one wait, not three.
     */
    public java.util.List<Datagram> exchangeUdp(InetAddress address, java.util.Map<Integer, byte[]> requests)
            throws InterruptedException {
        require(address);
        java.util.List<Datagram> replies = new java.util.ArrayList<>();
        try (DatagramSocket socket = new DatagramSocket()) {
            for (var request : requests.entrySet()) {
                pacer.acquire();
                packets.incrementAndGet();
                socket.send(
                        new DatagramPacket(request.getValue(), request.getValue().length, address, request.getKey()));
            }
            long deadline = System.nanoTime() + settings.udpWait().toNanos();
            byte[] buffer = new byte[65_535];
            while (replies.size() < 16) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (reply.getAddress().equals(address)) {
                    replies.add(new Datagram(
                            reply.getPort(),
                            java.util.Arrays.copyOf(
                                    reply.getData(), Math.min(reply.getLength(), settings.maxReplyBytes()))));
                }
            }
        } catch (java.net.PortUnreachableException e) {
            // nothing listens
        } catch (IOException e) {
            // the socket failed: no replies
        }
        return replies;
    }

    /** A reply to a multicast request: who sent it, from which port, and its bytes. */
    public record MulticastReply(Inet4Address from, int fromPort, byte[] data) {}

    /**
     * Opt-in only: sends each request once to its multicast group from the interface of the local
     * address, with a time to live of 1 so that no router forwards it, and collects the replies.
     * Devices outside the scope on that segment receive the request too (which is why it is
     * opt-in); their replies are dropped here, counted, and they are never contacted again.
     */
    public java.util.List<MulticastReply> multicast(
            Inet4Address local, java.util.Map<InetSocketAddress, byte[]> requests) throws InterruptedException {
        java.util.List<MulticastReply> replies = new java.util.ArrayList<>();
        try (java.net.MulticastSocket socket = new java.net.MulticastSocket(new InetSocketAddress(local, 0))) {
            java.net.NetworkInterface nic = java.net.NetworkInterface.getByInetAddress(local);
            if (nic == null) {
                throw new IllegalArgumentException(local.getHostAddress() + " is not an address of this machine");
            }
            socket.setNetworkInterface(nic);
            socket.setTimeToLive(1);
            for (var request : requests.entrySet()) {
                if (!request.getKey().getAddress().isMulticastAddress()) {
                    throw new IllegalArgumentException(request.getKey() + " is not a multicast group");
                }
                pacer.acquire();
                packets.incrementAndGet();
                socket.send(new DatagramPacket(request.getValue(), request.getValue().length, request.getKey()));
            }
            long deadline = System.nanoTime() + settings.udpWait().toNanos() * 2;
            byte[] buffer = new byte[65_535];
            while (replies.size() < 4_096) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (reply.getAddress() instanceof Inet4Address from && scope.contains(from)) {
                    replies.add(new MulticastReply(
                            from,
                            reply.getPort(),
                            java.util.Arrays.copyOf(
                                    reply.getData(), Math.min(reply.getLength(), settings.maxReplyBytes()))));
                } else {
                    outOfScopeReplies.incrementAndGet();
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("multicast discovery failed on " + local.getHostAddress(), e);
        }
        return replies;
    }

    /** Multicast replies dropped because they came from outside the scope. */
    public long outOfScopeReplies() {
        return outOfScopeReplies.get();
    }

    private void require(InetAddress address) {
        if (!scope.contains(address)) {
            throw new OutOfScopeException(address.getHostAddress() + " is outside the survey's scope (" + scope + ")");
        }
    }

    static void closeQuietly(@Nullable Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is best effort
            }
        }
    }
}
