package io.camaudit.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Dates as people in the UK type them: 27/3/2021, 27 March 2021 or 2021-03-27. */
public final class Dates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK).withResolverStyle(java.time.format.ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT));

    private Dates() {}

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
