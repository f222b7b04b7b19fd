package io.camaudit.shared.web;

import io.camaudit.shared.BadInputException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Dates as people in the UK type them: 27/3/2021, 27 March 2021 or 2021-03-27, or in the three
 * boxes of a GOV.UK date input.
 */
public final class Dates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK).withResolverStyle(java.time.format.ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT));

    private Dates() {}

    /**
     * A date from a GOV.UK date input ({@code NAME-day}, {@code NAME-month}, {@code NAME-year}), or
     * from a single field {@code NAME} in any of the forms {@link #parse} reads (as scripts post it).
     * Null when every part is empty and the date is optional.
     *
     * @param what the date in words, as the error message names it ("the deadline")
     * @throws BadInputException naming the date when it is missing or not a real date
     */
    public static @Nullable LocalDate fromForm(Map<String, String> form, String name, String what, boolean optional) {
        String single = form.getOrDefault(name, "").strip();
        String day = form.getOrDefault(name + "-day", "").strip();
        String month = form.getOrDefault(name + "-month", "").strip();
        String year = form.getOrDefault(name + "-year", "").strip();
        if (single.isEmpty() && day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            if (optional) {
                return null;
            }
            throw new BadInputException("Enter " + what);
        }
        String named = Character.toUpperCase(what.charAt(0)) + what.substring(1);
        if (!single.isEmpty()) {
            LocalDate date = parse(single);
            if (date == null) {
                throw new BadInputException(named + " must be a real date, like 31 3 2027");
            }
            return date;
        }
        List<String> missing = new ArrayList<>();
        if (day.isEmpty()) {
            missing.add("day");
        }
        if (month.isEmpty()) {
            missing.add("month");
        }
        if (year.isEmpty()) {
            missing.add("year");
        }
        if (!missing.isEmpty()) {
            throw new BadInputException(named + " must include a " + String.join(" and a ", missing));
        }
        if (!year.matches("\\d{4}")) {
            throw new BadInputException(named + " must have a year of four digits, like 2027");
        }
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new BadInputException(named + " must be a real date, like 31 3 2027");
        }
    }

    public static @Nullable LocalDate parse(String text) {
        for (DateTimeFormatter format : FORMATS) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
