package io.camaudit.returns.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a return on a second thread while the calling thread consumes its chunks, so that parsing
 * overlaps with whatever the caller does with each chunk (writing it to the database, in its own
 * transaction, which is why the consumer must run on the calling thread). At most {@link #AHEAD}
 * chunks wait between the two, so memory stays flat.
 */
public final class PipelinedRead {

    static final int AHEAD = 2;

    private PipelinedRead() {}

    /**
     * Reads the file, passing each chunk to the consumer on this thread. Whatever the reader or the
     * consumer throws is thrown here, after the second thread has stopped.
     */
    public static ReturnReport read(
            ReturnReader reader, Path file, int chunkSize, Consumer<List<ReturnDevice>> consumer) {
        return Handoff.<List<ReturnDevice>, ReturnReport>run(
                "return-reader", AHEAD, emit -> reader.read(file, chunkSize, emit), consumer);
    }
}
