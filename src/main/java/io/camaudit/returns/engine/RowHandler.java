package io.camaudit.returns.engine;

import java.util.List;

/** Receives a file's rows in order, one at a time, so that no reader holds a whole file. */
@FunctionalInterface
public interface RowHandler {

    /** A row's cells, as text; {@code rowNumber} is 1-based, as a spreadsheet shows it. */
    void row(long rowNumber, List<String> cells);
}
