package io.camaudit.egress.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;

/**
 * A NetFlow v5/v9 and IPFIX collector on a UDP socket: one thread only receives (into a pool of
 * buffers, with a large socket buffer, so that a burst is not lost while flows are analysed) and
 * one decodes, with templates per exporter address and observation domain. Datagrams that cannot
 * be decoded are counted and named, never fatal; if the decoder falls a whole pool behind, the
 * datagrams it could not take are counted as dropped rather than held without bound.
 */
public final class FlowCollector implements AutoCloseable {

    /**
     * The pool: 65,536 datagrams, 128 MB of native memory (one block, cut into buffers), so that the
     * garbage collector never copies it. That is 0.4 s of datagrams at 150,000 a second (4.5 million
     * flows), enough for the decoder to ride out a collector's pause, a new window's first flows or a
     * slower spell of the machine and catch up; with a quarter of it, on the heap, the benchmark lost
     * flows in such spells at rates it otherwise held (bench/RESULTS.md). A pool buffer holds an
     * Ethernet frame's datagram; a larger one (jumbo frames) gets a buffer of its own.
     */
    static final int BUFFERS = 65_536;

    static final int SLAB = 2_048;
    private static final long IDLE_NANOS = 1_000_000;

    /**
     * While datagrams keep coming the receiver reads the socket without blocking and, when it finds
     * it empty, looks again this much later (the socket's buffer holds tens of milliseconds of a fast
     * exporter). A blocking read put the thread to sleep and woke it for every datagram: two switches
     * of the core a datagram, taken from the decoder that shares the core.
     */
    private static final long POLL_NANOS = 200_000;

    /** After this long without a datagram the receiver sleeps until the socket has one. */
    private static final long QUIET_NANOS = 50_000_000;

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
    private final Selector readable;
    /** Buffers the decoder is done with, back to the receiver; and datagrams received, to the decoder. */
    private final Ring<ByteBuffer> free = new Ring<>(BUFFERS);

    private final Ring<Received> full = new Ring<>(2 * BUFFERS);
    private final FlowDecoder decoder = new FlowDecoder();
    private final FlowSink sink;
    /** Held by the decoding thread while it hands one datagram's flows to the sink. */
    private final Object guard;

    /**
     * The counts, each written by one thread only: the receiver's datagrams and drops, and far from
     * them in the array, on cache lines of their own, the decoder's flows and undecodable datagrams
     * (see {@link LinePadding}). As four objects allocated together they shared a line, which each
     * datagram's counting fetched from the other thread's core.
     */
    private final AtomicLongArray counts = new AtomicLongArray(3 * LinePadding.LONGS);

    private static final int DATAGRAMS = LinePadding.LONGS;
    private static final int DROPPED = DATAGRAMS + 1;
    private static final int FLOWS = 2 * LinePadding.LONGS;
    private static final int UNDECODABLE = FLOWS + 1;
    private volatile @Nullable String lastProblem;
    /** Whether the decoder sleeps until the receiver wakes it (the socket has been quiet). */
    private volatile boolean decoderAsleep;

    private volatile boolean running = true;
    private final Thread receiver;
    private final Thread decoding;

    private FlowCollector(DatagramChannel channel, Selector readable, FlowSink sink, Object guard) {
        this.channel = channel;
        this.readable = readable;
        this.sink = sink;
        this.guard = guard;
        ByteBuffer pool = ByteBuffer.allocateDirect(BUFFERS * SLAB);
        for (int i = 0; i < BUFFERS; i++) {
            free.offer(pool.slice(i * SLAB, SLAB));
        }
        // Names that stay apart in the 15 characters Linux keeps of a thread's name (`top -H`).
        this.receiver = new Thread(this::receive, "flow-receive");
        this.decoding = new Thread(this::decode, "flow-decode");
        receiver.setDaemon(true);
        decoding.setDaemon(true);
    }

    /** Binds the address and starts collecting into the sink (called from the decoding thread). */
    public static FlowCollector start(InetSocketAddress listen, FlowSink sink) throws IOException {
        return start(listen, sink, new Object());
    }

    /**
     * As {@link #start(InetSocketAddress, FlowSink)}, the decoding thread holding {@code guard} while
     * it hands each datagram's flows to the sink: another thread that takes it (to swap what the
     * sink writes into, say) finds the sink between two datagrams. Taken once a datagram rather than
     * by the sink once a flow.
     */
    public static FlowCollector start(InetSocketAddress listen, FlowSink sink, Object guard) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        Selector readable = null;
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 32 * 1024 * 1024);
            channel.bind(listen);
            channel.configureBlocking(false);
            readable = Selector.open();
            channel.register(readable, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) { // an address in use, say: nothing left open
            channel.close();
            if (readable != null) {
                readable.close();
            }
            throw e;
        }
        FlowCollector collector = new FlowCollector(channel, readable, sink, guard);
        collector.receiver.start();
        collector.decoding.start();
        return collector;
    }

    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /**
     * The datagrams the operating system dropped before the collector could receive them (its
     * socket's buffer was full), where the system says (Linux does); counted in none of {@link
     * #counts()}.
     */
    public java.util.OptionalLong droppedBeforeTheSocket() {
        try {
            return SocketDrops.of(address().getPort());
        } catch (IOException e) {
            return java.util.OptionalLong.empty(); // closed
        }
    }

    /** Whether the decoder has found the socket quiet and sleeps until the receiver wakes it (for tests). */
    boolean decoderAsleep() {
        return decoderAsleep;
    }

    public Counts counts() {
        return new Counts(
                counts.get(DATAGRAMS), counts.get(FLOWS), counts.get(UNDECODABLE), counts.get(DROPPED), lastProblem);
    }

    /** Adds to a count from the one thread that writes it: no atomic update needed, only its publication. */
    private void add(int count, long n) {
        counts.setRelease(count, counts.getPlain(count) + n);
    }

    private void receive() {
        // Received into native memory (a heap buffer would be copied through a temporary one), then
        // copied to a pool buffer of the datagram's size, which the decoder hands back.
        ByteBuffer socket = ByteBuffer.allocateDirect(65_535);
        ByteBuffer kept = null; // a pool buffer taken but not handed on, used next
        long lastDatagram = System.nanoTime();
        while (running) {
            socket.clear();
            try {
                InetSocketAddress from = (InetSocketAddress) channel.receive(socket);
                if (from == null) {
                    if (System.nanoTime() - lastDatagram < QUIET_NANOS) {
                        java.util.concurrent.locks.LockSupport.parkNanos(POLL_NANOS);
                    } else {
                        readable.select(1_000); // quiet: sleep until a datagram comes
                        readable.selectedKeys().clear();
                    }
                    continue;
                }
                lastDatagram = System.nanoTime();
                add(DATAGRAMS, 1);
                socket.flip();
                ByteBuffer buffer;
                if (socket.remaining() > SLAB) {
                    buffer = ByteBuffer.allocate(socket.remaining());
                } else if (kept != null) {
                    buffer = kept;
                    kept = null;
                } else {
                    buffer = free.poll();
                }
                if (buffer == null) {
                    add(DROPPED, 1); // the decoder is a whole pool behind: count and drop
                    continue;
                }
                buffer.clear();
                buffer.put(socket).flip();
                if (!full.offer(new Received(buffer, exporter(from)))) {
                    add(DROPPED, 1);
                    kept = buffer.capacity() == SLAB ? buffer : kept;
                } else {
                    // The datagram handed over before the decoder's state is read, as the decoder says
                    // it sleeps before it looks at the ring a last time: one of the two sees the other.
                    java.lang.invoke.VarHandle.fullFence();
                    if (decoderAsleep) {
                        java.util.concurrent.locks.LockSupport.unpark(decoding);
                    }
                }
            } catch (IOException e) {
                if (running) {
                    lastProblem = "the socket failed: " + e.getMessage();
                }
                return;
            }
        }
    }

    private java.net.@Nullable InetAddress lastExporter;
    private String lastExporterName = "";

    /** The exporter's address as text, made once while datagrams keep coming from the same one. */
    private String exporter(InetSocketAddress from) {
        if (!from.getAddress().equals(lastExporter)) {
            lastExporter = from.getAddress();
            lastExporterName = lastExporter.getHostAddress();
        }
        return lastExporterName;
    }

    private void decode() {
        long lastExpiry = System.currentTimeMillis();
        long idleSince = -1; // when the decoder last found nothing to decode, while it still finds nothing
        while (running || !full.isEmpty()) {
            try {
                if (System.currentTimeMillis() - lastExpiry > 60_000) {
                    decoder.expireTemplates(TEMPLATE_LIFETIME_MILLIS);
                    lastExpiry = System.currentTimeMillis();
                }
                Received received = full.poll();
                if (received == null) {
                    // Idle: look again in a millisecond rather than be woken for each datagram. A wake-up
                    // per datagram cost the receiving thread, on the same core, more than the decoding.
                    // Once quiet, sleep until the receiver has a datagram (or a tenth of a second has passed).
                    long now = System.nanoTime();
                    idleSince = idleSince < 0 ? now : idleSince;
                    if (now - idleSince < QUIET_NANOS) {
                        java.util.concurrent.locks.LockSupport.parkNanos(IDLE_NANOS);
                    } else {
                        decoderAsleep = true;
                        if (full.isEmpty() && running) {
                            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
                        }
                        decoderAsleep = false;
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    continue;
                }
                idleSince = -1;
                FlowDecoder.Outcome outcome;
                synchronized (guard) {
                    outcome = decoder.decode(received.data(), received.exporter(), 0, sink);
                }
                add(FLOWS, outcome.flows());
                if (!outcome.complete()) {
                    add(UNDECODABLE, 1);
                    lastProblem = "a datagram from " + received.exporter() + ": " + outcome.problem();
                }
                if (received.data().capacity() == SLAB) {
                    free.offer(received.data());
                }
            } catch (RuntimeException e) {
                add(UNDECODABLE, 1);
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
        readable.wakeup(); // a receiver asleep on a quiet socket
        java.util.concurrent.locks.LockSupport.unpark(decoding); // and a decoder asleep
        channel.close();
        try {
            receiver.join(2_000);
            decoding.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            readable.close(); // once the receiver has stopped using it
        }
    }
}
