package io.camaudit.egress.engine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads on the calling thread and analyses on a second one, so that a file's parsing and its
 * analysis share the machine's cores rather than take turns (ADR 010). Records cross in batches
 * of {@link #BATCH}, in order (a DNS answer stays before the flows that follow it), through a
 * queue of {@link #DEPTH} batches, so memory stays bounded whatever the input. A failure of the
 * analysis is rethrown to the reader's caller once the reader is done; the records after it are
 * read and discarded rather than leave the reader blocked.
 */
public final class FlowPipeline {

    static final int BATCH = 2_048;
    static final int DEPTH = 8;
    private static final Object[] END = new Object[0];

    /** What reads the input into a sink: {@code sink -> FlowFiles.read(in, name, sink)}. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(FlowSink sink) throws IOException;
    }

    private FlowPipeline() {}

    /** Runs {@code reader} here and {@code analysis} on a thread of its own; returns what the reader returned. */
    public static <T> T run(FlowSink analysis, Reader<T> reader) throws IOException {
        BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(DEPTH);
        Consumer consumer = new Consumer(queue, analysis);
        Thread thread = new Thread(consumer, "camaudit-egress-analysis");
        thread.setDaemon(true);
        thread.start();
        Producer producer = new Producer(queue, analysis);
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

    private static final class Producer implements FlowSink {
        private final BlockingQueue<Object[]> queue;
        private final FlowSink analysis;
        private Object[] batch = new Object[BATCH];
        private int size;

        Producer(BlockingQueue<Object[]> queue, FlowSink analysis) {
            this.queue = queue;
            this.analysis = analysis;
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
        public void flow(Flow flow) {
            add(flow);
        }

        @Override
        public void dns(DnsAnswer answer) {
            add(answer);
        }

        private void add(Object record) {
            batch[size++] = record;
            if (size == BATCH) {
                flush();
            }
        }

        void flush() {
            if (size == 0) {
                return;
            }
            Object[] full = size == BATCH ? batch : java.util.Arrays.copyOf(batch, size);
            put(full);
            batch = new Object[BATCH];
            size = 0;
        }

        void end() {
            put(END);
        }

        private void put(Object[] records) {
            try {
                queue.put(records);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing records to the analysis", e);
            }
        }
    }

    private static final class Consumer implements Runnable {
        private final BlockingQueue<Object[]> queue;
        private final FlowSink analysis;
        volatile @org.jspecify.annotations.Nullable RuntimeException failure;

        Consumer(BlockingQueue<Object[]> queue, FlowSink analysis) {
            this.queue = queue;
            this.analysis = analysis;
        }

        @Override
        public void run() {
            try {
                for (Object[] records = queue.take(); records != END; records = queue.take()) {
                    if (failure == null) {
                        deliver(records);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void deliver(Object[] records) {
            try {
                for (Object record : records) {
                    if (record instanceof Flow flow) {
                        analysis.flow(flow);
                    } else {
                        analysis.dns((DnsAnswer) record);
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }
}
