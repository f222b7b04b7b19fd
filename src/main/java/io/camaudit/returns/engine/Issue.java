package io.camaudit.returns.engine;

import org.jspecify.annotations.Nullable;

/** A problem found in one cell or row of a return. Errors stop the import; warnings do not. */
public record Issue(long row, @Nullable String column, Severity severity, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public static Issue error(long row, @Nullable Column column, String message) {
        return new Issue(row, column == null ? null : column.label(), Severity.ERROR, message);
    }

    public static Issue warning(long row, @Nullable Column column, String message) {
        return new Issue(row, column == null ? null : column.label(), Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
