package io.camaudit.returns.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a row source (the XLSX reader: unzipping and scanning the sheet) on a second thread while
 * the calling thread checks the rows, so that the two halves of reading a workbook overlap. Rows
 * cross in batches, at most {@link #AHEAD} batches ahead, so memory stays flat; whatever either
 * side throws is thrown here, after the second thread has stopped.
 */
final class RowPipe {

    static final int BATCH = 512;
    static final int AHEAD = 4;

    private record Row(long number, List<String> cells) {}

    private record Batch(List<Row> rows) {}

    private record End() {}

    private record Failed(RuntimeException error) {}

    /** Thrown inside the source when the consumer has stopped, to end the read. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the consumer of these rows stopped", null, false, false);
        }
    }

    private RowPipe() {}

    static void run(Consumer<RowHandler> source, RowHandler consumer) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread worker = new Thread(
                () -> {
                    List<Row> batch = new ArrayList<>(BATCH);
                    Object last;
                    try {
                        source.accept((number, cells) -> {
                            batch.add(new Row(number, cells));
                            if (batch.size() == BATCH) {
                                put(queue, new Batch(List.copyOf(batch)), abandoned);
                                batch.clear();
                            }
                        });
                        if (!batch.isEmpty()) {
                            put(queue, new Batch(List.copyOf(batch)), abandoned);
                        }
                        last = new End();
                    } catch (Abandoned e) {
                        return;
                    } catch (RuntimeException e) {
                        last = new Failed(e);
                    }
                    try {
                        put(queue, last, abandoned);
                    } catch (Abandoned e) {
                        // Nobody waits for the end any more.
                    }
                },
                "return-rows");
        worker.setDaemon(true);
        worker.start();
        try {
            while (true) {
                Object item = queue.take();
                if (item instanceof Batch batch) {
                    for (Row row : batch.rows()) {
                        consumer.row(row.number(), row.cells());
                    }
                } else if (item instanceof Failed failed) {
                    throw failed.error();
                } else {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReturnFileException("The file could not be read: interrupted", e);
        } finally {
            abandoned.set(true);
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
}
