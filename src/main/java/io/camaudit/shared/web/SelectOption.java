package io.camaudit.shared.web;

import io.camaudit.shared.Labelled;
import java.util.Arrays;
import java.util.List;

/** One option of a GOV.UK select, radios or checkboxes. */
public record SelectOption(String value, String label) {

    public static <E extends Enum<E> & Labelled> List<SelectOption> of(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> new SelectOption(e.name(), e.label()))
                .toList();
    }
}
