package io.camaudit.returns.engine;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a producer on a second thread and hands what it emits to a consumer on the calling thread,
 * at most a few items ahead, so that producing (parsing a file) overlaps consuming (checking rows,
 * writing to the database in the caller's transaction) while memory stays flat. Whatever either
 * side throws is thrown here, after the second thread has stopped.
 */
final class Handoff {

    /** What crosses: an item, the producer's result, or its failure. */
    private record Item<T>(T value) {}

    private record Done<R>(R result) {}

    private record Failed(RuntimeException error) {}

    /** Thrown inside the producer when the consumer has given up, to stop it. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the consumer stopped", null, false, false);
        }
    }

    private Handoff() {}

    /**
     * Runs {@code producer}, which emits items through the consumer it is given and returns a
     * result, on a thread named {@code threadName}; passes each item to {@code consumer} here.
     */
    @SuppressWarnings("unchecked")
    static <T, R> R run(String threadName, int ahead, Function<Consumer<T>, R> producer, Consumer<T> consumer) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(ahead);
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread worker = new Thread(
                () -> {
                    Object last;
                    try {
                        last = new Done<>(producer.apply(item -> put(queue, new Item<>(item), abandoned)));
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
                threadName);
        worker.setDaemon(true);
        worker.start();
        try {
            while (true) {
                Object next = queue.take();
                if (next instanceof Item<?> item) {
                    consumer.accept((T) item.value());
                } else if (next instanceof Done<?> done) {
                    return (R) done.result();
                } else {
                    throw ((Failed) next).error();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } finally {
            abandoned.set(true);
            joinQuietly(worker);
        }
    }

    /**
     * Hands an item over, waiting while the consumer is busy, unless the consumer has stopped. The
     * flag is checked rather than the worker interrupted: an interrupt would close the producer's
     * file channel mid-read, and it might wrap that exception and try to hand it over too.
     */
    private static void put(BlockingQueue<Object> queue, Object item, AtomicBoolean abandoned) {
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
