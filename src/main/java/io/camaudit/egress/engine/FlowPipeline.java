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

        void add4(FlowFields f) {
            int i = size++;
            objects[i] = null;
            exporters[i] = f.exporter;
            int l = i * LONGS;
            longs[l] = f.domain;
            longs[l + 1] = f.start;
            longs[l + 2] = f.end;
            longs[l + 3] = f.bytes;
            longs[l + 4] = f.packets;
            longs[l + 5] = f.sourceMac;
            longs[l + 6] = f.destinationMac;
            int n = i * INTS;
            ints[n] = f.source;
            ints[n + 1] = f.destination;
            ints[n + 2] = f.sourcePort;
            ints[n + 3] = f.destinationPort;
            ints[n + 4] = f.protocol;
            ints[n + 5] = f.flags;
        }

        /** Hands the records to the sink in order, the IPv4 rows through one holder ({@code into}). */
        void deliver(FlowSink sink, FlowFields into) {
            for (int i = 0; i < size; i++) {
                Object record = objects[i];
                if (record == null) {
                    int l = i * LONGS;
                    int n = i * INTS;
                    into.exporter = exporters[i];
                    into.domain = longs[l];
                    into.start = longs[l + 1];
                    into.end = longs[l + 2];
                    into.bytes = longs[l + 3];
                    into.packets = longs[l + 4];
                    into.sourceMac = longs[l + 5];
                    into.destinationMac = longs[l + 6];
                    into.source = ints[n];
                    into.destination = ints[n + 1];
                    into.sourcePort = ints[n + 2];
                    into.destinationPort = ints[n + 3];
                    into.protocol = ints[n + 4];
                    into.flags = ints[n + 5];
                    sink.flow4(into);
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
        public void flow4(FlowFields fields) {
            batch.add4(fields);
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
        private final FlowFields fields = new FlowFields();
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
                records.deliver(analysis, fields);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }
}
