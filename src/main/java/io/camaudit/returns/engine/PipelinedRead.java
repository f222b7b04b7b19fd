package io.camaudit.returns.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads a return on a worker thread while the calling thread consumes its chunks, so that parsing
 * (POI's SAX parse of a sheet, or CSV) overlaps with whatever the caller does with each chunk
 * (writing it to the database, in its own transaction, which is why the consumer must run on the
 * calling thread). At most {@link #AHEAD} chunks wait between the two, so memory stays flat.
 */
public final class PipelinedRead {

    static final int AHEAD = 2;

    private PipelinedRead() {}

    /** What the reader hands over: a chunk, the end with its report, or the reader's failure. */
    private sealed interface Item {}

    private record Chunk(List<ReturnDevice> devices) implements Item {}

    private record End(ReturnReport report) implements Item {}

    private record Failed(RuntimeException error) implements Item {}

    /** Thrown inside the worker when the consumer has given up, to stop the read. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the consumer of this read stopped", null, false, false);
        }
    }

    /**
     * Reads the file, passing each chunk to the consumer on this thread. Whatever the reader or the
     * consumer throws is thrown here, after the worker has stopped.
     */
    public static ReturnReport read(
            ReturnReader reader, Path file, int chunkSize, Consumer<List<ReturnDevice>> consumer) {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(AHEAD);
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread worker = new Thread(
                () -> {
                    Item last;
                    try {
                        last = new End(reader.read(file, chunkSize, chunk -> put(queue, new Chunk(chunk), abandoned)));
                    } catch (Abandoned e) {
                        return;
                    } catch (RuntimeException e) {
                        last = new Failed(e);
                    }
                    try {
                        put(queue, last, abandoned);
                    } catch (Abandoned e) {
                        // The consumer has gone: nobody waits for the end.
                    }
                },
                "return-reader");
        worker.setDaemon(true);
        worker.start();
        try {
            while (true) {
                Item item = queue.take();
                if (item instanceof Chunk chunk) {
                    consumer.accept(chunk.devices());
                } else if (item instanceof End end) {
                    return end.report();
                } else {
                    throw ((Failed) item).error();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file.getFileName(), e);
        } finally {
            abandoned.set(true);
            joinQuietly(worker);
        }
    }

    /**
     * Hands an item over, waiting while the consumer is busy, unless the consumer has stopped. The
     * flag is checked rather than the worker interrupted: an interrupt would close the reader's file
     * channel mid-read, and the reader might wrap the exception and try to hand that over too.
     */
    private static void put(BlockingQueue<Item> queue, Item item, AtomicBoolean abandoned) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (abandoned.get()) {
                    throw new Abandoned();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned();
        }
    }

    private static void joinQuietly(Thread worker) {
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
