package io.camaudit.returns.engine;

import java.util.List;
import java.util.Map;

/**
 * What reading a return found: which columns were recognised, how many rows and devices, and the
 * issues by row and column. At most {@link #MAX_LISTED_ISSUES} issues are listed; the counts are
 * always complete.
 */
public record ReturnReport(
        ReturnFormat format,
        long headerRow,
        Map<String, String> recognisedColumns,
        List<String> ignoredColumns,
        long rows,
        long devices,
        long errors,
        long warnings,
        List<Issue> issues) {

    public static final int MAX_LISTED_ISSUES = 1_000;

    public boolean canCommit() {
        return errors == 0 && devices > 0;
    }
}
