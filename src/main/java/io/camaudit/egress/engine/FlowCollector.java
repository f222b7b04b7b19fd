package io.camaudit.egress.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A NetFlow v5/v9 and IPFIX collector on a UDP socket: one thread only receives (into a pool of
 * buffers, with a large socket buffer, so that a burst is not lost while flows are analysed) and
 * one decodes, with templates per exporter address and observation domain. Datagrams that cannot
 * be decoded are counted and named, never fatal; if the decoder falls a whole pool behind, the
 * datagrams it could not take are counted as dropped rather than held without bound.
 */
public final class FlowCollector implements AutoCloseable {

    static final int BUFFERS = 4_096;

    /** Templates not announced again within half an hour are forgotten (exporters resend theirs every few minutes). */
    static final long TEMPLATE_LIFETIME_MILLIS = 30 * 60 * 1000;

    /** How the collector is doing. */
    public record Counts(
            long datagrams,
            long flows,
            long undecodable,
            long dropped,
            @Nullable String lastProblem) {}

    private record Received(ByteBuffer data, String exporter) {}

    private final DatagramChannel channel;
    private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Received> full = new ArrayBlockingQueue<>(BUFFERS);
    private final FlowDecoder decoder = new FlowDecoder();
    private final FlowSink sink;
    private final AtomicLong datagrams = new AtomicLong();
    private final AtomicLong flows = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile @Nullable String lastProblem;
    private volatile boolean running = true;
    private final Thread receiver;
    private final Thread decoding;

    private FlowCollector(DatagramChannel channel, FlowSink sink) {
        this.channel = channel;
        this.sink = sink;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(ByteBuffer.allocate(65_535));
        }
        this.receiver = new Thread(this::receive, "flow-collector-receive");
        this.decoding = new Thread(this::decode, "flow-collector-decode");
        receiver.setDaemon(true);
        decoding.setDaemon(true);
    }

    /** Binds the address and starts collecting into the sink (called from the decoding thread). */
    public static FlowCollector start(InetSocketAddress listen, FlowSink sink) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 32 * 1024 * 1024);
        channel.bind(listen);
        FlowCollector collector = new FlowCollector(channel, sink);
        collector.receiver.start();
        collector.decoding.start();
        return collector;
    }

    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    public Counts counts() {
        return new Counts(datagrams.get(), flows.get(), undecodable.get(), dropped.get(), lastProblem);
    }

    private void receive() {
        ByteBuffer spare = ByteBuffer.allocate(65_535);
        while (running) {
            ByteBuffer buffer = free.poll();
            boolean own = buffer == null;
            if (own) {
                buffer = spare; // the decoder is a pool behind: receive, count and drop
            }
            buffer.clear();
            try {
                InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                if (from == null) {
                    continue;
                }
                datagrams.incrementAndGet();
                if (own) {
                    dropped.incrementAndGet();
                    continue;
                }
                buffer.flip();
                full.put(new Received(buffer, from.getAddress().getHostAddress()));
            } catch (IOException e) {
                if (running) {
                    lastProblem = "the socket failed: " + e.getMessage();
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void decode() {
        FlowSink out = flow -> {
            flows.incrementAndGet();
            sink.flow(flow);
        };
        long lastExpiry = System.currentTimeMillis();
        while (running || !full.isEmpty()) {
            try {
                if (System.currentTimeMillis() - lastExpiry > 60_000) {
                    decoder.expireTemplates(TEMPLATE_LIFETIME_MILLIS);
                    lastExpiry = System.currentTimeMillis();
                }
                Received received = full.poll(100, TimeUnit.MILLISECONDS);
                if (received == null) {
                    continue;
                }
                FlowDecoder.Outcome outcome = decoder.decode(received.data(), received.exporter(), 0, out);
                if (!outcome.complete()) {
                    undecodable.incrementAndGet();
                    lastProblem = "a datagram from " + received.exporter() + ": " + outcome.problem();
                }
                free.put(received.data());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                undecodable.incrementAndGet();
                lastProblem = "a datagram could not be analysed: " + e;
            }
        }
    }

    /** Waits until the datagrams received so far are decoded, or the time is up. */
    public void drain(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!full.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        channel.close();
        try {
            receiver.join(2_000);
            decoding.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
