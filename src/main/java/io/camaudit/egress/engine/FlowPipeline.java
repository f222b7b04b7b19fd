package io.camaudit.egress.engine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads on the calling thread and analyses on a second one, so that a file's parsing and its
 * analysis share the machine's cores rather than take turns (ADR 010). Records cross in batches
 * of {@link #BATCH}, in order (a DNS answer stays before the flows that follow it). A batch holds
 * flows and answers as objects and, for a sink that takes them ({@link FlowSink#takesFields}),
 * IPv4 flows as columns of their fields, so that most flows cross without an object made for
 * them. There are {@link #DEPTH} batches, handed back once analysed, so memory stays bounded
 * whatever the input. A failure of the analysis is rethrown to the reader's caller once the
 * reader is done; the records after it are read and discarded rather than leave the reader blocked.
 */
public final class FlowPipeline {

    static final int BATCH = 8_192;
    static final int DEPTH = 8;
    private static final Batch END = new Batch();

    /** What reads the input into a sink: {@code sink -> FlowFiles.read(in, name, sink)}. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(FlowSink sink) throws IOException;
    }

    private FlowPipeline() {}

    /** Runs {@code reader} here and {@code analysis} on a thread of its own; returns what the reader returned. */
    public static <T> T run(FlowSink analysis, Reader<T> reader) throws IOException {
        BlockingQueue<Batch> full = new ArrayBlockingQueue<>(DEPTH + 1);
        BlockingQueue<Batch> free = new ArrayBlockingQueue<>(DEPTH);
        for (int i = 1; i < DEPTH; i++) {
            free.add(new Batch());
        }
        Consumer consumer = new Consumer(full, free, analysis);
        Thread thread = new Thread(consumer, "camaudit-egress-analysis");
        thread.setDaemon(true);
        thread.start();
        Producer producer = new Producer(full, free, analysis);
        T result;
        try {
            result = reader.read(producer);
            producer.flush();
        } finally {
            producer.end();
            join(thread);
        }
        if (consumer.failure != null) {
            throw consumer.failure;
        }
        return result;
    }

    private static void join(Thread thread) throws InterruptedIOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the analysis finished");
        }
    }

    /** Records in order: an object (a flow or an answer) in {@code objects}, or an IPv4 flow's fields in the columns. */
    private static final class Batch {
        private static final int LONGS = 7;
        private static final int INTS = 6;
        final Object[] objects = new Object[BATCH];
        final String[] exporters = new String[BATCH];
        final long[] longs = new long[BATCH * LONGS];
        final int[] ints = new int[BATCH * INTS];
        int size;

        boolean isFull() {
            return size == BATCH;
        }

        void add(Object record) {
            objects[size++] = record;
        }

        @SuppressWarnings("checkstyle:ParameterNumber") // a flow's fields
        void add4(
                String exporter,
                long domain,
                long start,
                long end,
                int source,
                int destination,
                int sourcePort,
                int destinationPort,
                int protocol,
                long bytes,
                long packets,
                long sourceMac,
                long destinationMac,
                int flags) {
            int i = size++;
            objects[i] = null;
            exporters[i] = exporter;
            int l = i * LONGS;
            longs[l] = domain;
            longs[l + 1] = start;
            longs[l + 2] = end;
            longs[l + 3] = bytes;
            longs[l + 4] = packets;
            longs[l + 5] = sourceMac;
            longs[l + 6] = destinationMac;
            int n = i * INTS;
            ints[n] = source;
            ints[n + 1] = destination;
            ints[n + 2] = sourcePort;
            ints[n + 3] = destinationPort;
            ints[n + 4] = protocol;
            ints[n + 5] = flags;
        }

        void deliver(FlowSink sink) {
            for (int i = 0; i < size; i++) {
                Object record = objects[i];
                if (record == null) {
                    int l = i * LONGS;
                    int n = i * INTS;
                    sink.flow4(
                            exporters[i],
                            longs[l],
                            longs[l + 1],
                            longs[l + 2],
                            ints[n],
                            ints[n + 1],
                            ints[n + 2],
                            ints[n + 3],
                            ints[n + 4],
                            longs[l + 3],
                            longs[l + 4],
                            longs[l + 5],
                            longs[l + 6],
                            ints[n + 5]);
                } else if (record instanceof Flow flow) {
                    sink.flow(flow);
                } else {
                    sink.dns((DnsAnswer) record);
                }
            }
        }

        /** Empties the batch for reuse, letting go of the objects it held. */
        void clear() {
            java.util.Arrays.fill(objects, 0, size, null);
            size = 0;
        }
    }

    private static final class Producer implements FlowSink {
        private final BlockingQueue<Batch> full;
        private final BlockingQueue<Batch> free;
        private final FlowSink analysis;
        private final boolean fields;
        private Batch batch = new Batch();

        Producer(BlockingQueue<Batch> full, BlockingQueue<Batch> free, FlowSink analysis) {
            this.full = full;
            this.free = free;
            this.analysis = analysis;
            this.fields = analysis.takesFields();
        }

        /** Asked and counted here, on the reading thread: the sink allows it (FlowSink#onlyCounts4). */
        @Override
        public boolean onlyCounts4(int destination) {
            return analysis.onlyCounts4(destination);
        }

        @Override
        public void counted4(int source, long sourceMac) {
            analysis.counted4(source, sourceMac);
        }

        @Override
        public boolean takesFields() {
            return fields;
        }

        @Override
        public void flow(Flow flow) {
            batch.add(flow);
            flushIfFull();
        }

        @Override
        public void flow4(
                String exporter,
                long domain,
                long start,
                long end,
                int source,
                int destination,
                int sourcePort,
                int destinationPort,
                int protocol,
                long bytes,
                long packets,
                long sourceMac,
                long destinationMac,
                int flags) {
            batch.add4(
                    exporter,
                    domain,
                    start,
                    end,
                    source,
                    destination,
                    sourcePort,
                    destinationPort,
                    protocol,
                    bytes,
                    packets,
                    sourceMac,
                    destinationMac,
                    flags);
            flushIfFull();
        }

        @Override
        public void dns(DnsAnswer answer) {
            batch.add(answer);
            flushIfFull();
        }

        private void flushIfFull() {
            if (batch.isFull()) {
                flush();
            }
        }

        /** Hands the batch over and takes an empty one, waiting while the analysis holds them all. */
        void flush() {
            if (batch.size == 0) {
                return;
            }
            put(batch);
            try {
                batch = free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the analysis", e);
            }
        }

        void end() {
            put(END);
        }

        private void put(Batch records) {
            try {
                full.put(records);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing records to the analysis", e);
            }
        }
    }

    private static final class Consumer implements Runnable {
        private final BlockingQueue<Batch> full;
        private final BlockingQueue<Batch> free;
        private final FlowSink analysis;
        volatile @org.jspecify.annotations.Nullable RuntimeException failure;

        Consumer(BlockingQueue<Batch> full, BlockingQueue<Batch> free, FlowSink analysis) {
            this.full = full;
            this.free = free;
            this.analysis = analysis;
        }

        @Override
        public void run() {
            try {
                for (Batch records = full.take(); records != END; records = full.take()) {
                    if (failure == null) {
                        deliver(records);
                    }
                    records.clear();
                    free.put(records);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void deliver(Batch records) {
            try {
                records.deliver(analysis);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }
}
