package io.camaudit.register;

import io.camaudit.shared.SpreadsheetCells;
import org.jspecify.annotations.Nullable;

/** Checks on free text fields: trimmed, bounded, and never a spreadsheet formula. */
public final class Text {

    private Text() {}

    public static String required(@Nullable String text, String field, int max) {
        String value = optional(text, field, max);
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static @Nullable String optional(@Nullable String text, String field, int max) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " must be " + max + " characters or fewer");
        }
        if (SpreadsheetCells.looksLikeFormula(value)) {
            throw new IllegalArgumentException(
                    field + " must not start with =, +, -, @ or a tab" + " (it would run as a spreadsheet formula)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new IllegalArgumentException(field + " contains a control character");
            }
        }
        return value;
    }
}
