package io.camaudit.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/** Helpers for the GOV.UK form pattern: parse a field or record why it cannot be parsed. */
public final class Forms {

    private Forms() {}

    public static @Nullable LocalDate date(@Nullable String text, String field, BindingResult errors, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = io.camaudit.shared.web.Dates.parse(text);
        if (date == null) {
            errors.rejectValue(field, "date", label + " must be a real date, like 27/3/2021");
        }
        return date;
    }

    public static @Nullable BigDecimal money(@Nullable String text, String field, BindingResult errors, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cleaned = text.strip().replace("£", "").replace(",", "");
        try {
            BigDecimal value = new BigDecimal(cleaned);
            if (value.signum() < 0 || value.scale() > 2 || value.precision() - value.scale() > 12) {
                errors.rejectValue(field, "money", label + " must be an amount in pounds, like 12500.00");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "money", label + " must be an amount in pounds, like 12500.00");
            return null;
        }
    }

    /** Runs a domain constructor; its IllegalArgumentException becomes a form-level error. */
    public static <T> @Nullable T build(Supplier<T> factory, BindingResult errors) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "The details are not valid" : e.getMessage();
            errors.reject("invalid", Character.toUpperCase(message.charAt(0)) + message.substring(1));
            return null;
        }
    }
}
