package io.camaudit.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Dates and times as GOV.UK style writes them ("27 March 2021 at 2:05pm"), in UK time; templates call it as {@code @fmt}. */
@Component("fmt")
public class Formats {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM uuuu 'at' h:mma", Locale.UK);

    public String time(@Nullable Instant instant) {
        return instant == null
                ? ""
                : TIME.format(instant.atZone(UK)).replace("AM", "am").replace("PM", "pm");
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
