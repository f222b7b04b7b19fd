package io.camaudit.support;

import java.time.LocalDate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A date as a browser posts a GOV.UK date input: NAME-day, NAME-month and NAME-year. */
public final class DateBoxes {

    private DateBoxes() {}

    public static MultiValueMap<String, String> of(String name, LocalDate date) {
        MultiValueMap<String, String> out = new LinkedMultiValueMap<>();
        out.add(name + "-day", String.valueOf(date.getDayOfMonth()));
        out.add(name + "-month", String.valueOf(date.getMonthValue()));
        out.add(name + "-year", String.valueOf(date.getYear()));
        return out;
    }
}
