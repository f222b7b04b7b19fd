package io.camaudit.returns.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a row source (the XLSX reader: unzipping and scanning the sheet) on a second thread while
 * the calling thread checks the rows, so that the two halves of reading a workbook overlap. Rows
 * cross in batches of {@link #BATCH}, at most {@link #AHEAD} batches ahead.
 */
final class RowPipe {

    static final int BATCH = 512;
    static final int AHEAD = 4;

    private record Row(long number, List<String> cells) {}

    private RowPipe() {}

    static void run(Consumer<RowHandler> source, RowHandler consumer) {
        Handoff.<List<Row>, Void>run(
                "return-rows",
                AHEAD,
                emit -> {
                    List<Row> batch = new ArrayList<>(BATCH);
                    source.accept((number, cells) -> {
                        batch.add(new Row(number, cells));
                        if (batch.size() == BATCH) {
                            emit.accept(List.copyOf(batch));
                            batch.clear();
                        }
                    });
                    if (!batch.isEmpty()) {
                        emit.accept(List.copyOf(batch));
                    }
                    return null;
                },
                rows -> rows.forEach(row -> consumer.row(row.number(), row.cells())));
    }
}
