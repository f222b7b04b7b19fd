package io.camaudit.shared;

import java.util.Locale;
import java.util.Optional;

/** A controlled vocabulary whose values have a human label and can be parsed leniently. */
public interface Labelled {

    String label();

    String name();

    /**
     * Finds the value whose label or constant name matches {@code text}, ignoring case, spacing and
     * punctuation, so that "Local Authority", "local-authority" and "LOCAL_AUTHORITY" all match.
     */
    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
        String wanted = squash(text);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (squash(value.label()).equals(wanted) || squash(value.name()).equals(wanted)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Lower case letters and digits only. */
    static String squash(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
