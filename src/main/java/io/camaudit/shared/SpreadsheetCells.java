package io.camaudit.shared;

/**
 * Spreadsheet formula injection (CWE-1236): a cell that starts with {@code = + - @}, a tab or a
 * carriage return may be run as a formula when a CSV file is opened in a spreadsheet.
 */
public final class SpreadsheetCells {

    private static final java.util.regex.Pattern SIGNED_NUMBER = java.util.regex.Pattern.compile("[+-]\\d+([.,]\\d+)?");

    private SpreadsheetCells() {}

    /** True if a spreadsheet could take this text as a formula. Plain signed numbers are not. */
    public static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        if (first == '+' || first == '-') {
            return !SIGNED_NUMBER.matcher(text).matches();
        }
        return false;
    }

    /** One CSV cell (RFC 4180): neutralised, and quoted where it holds a comma, a quote or a line end. */
    public static String csv(String text) {
        String safe = neutralise(text);
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }

    /** Makes text safe to write into a CSV cell by prefixing a quote, as OWASP recommends. */
    public static String neutralise(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }
}
