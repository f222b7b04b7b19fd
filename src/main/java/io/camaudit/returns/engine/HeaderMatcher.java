package io.camaudit.returns.engine;

import io.camaudit.shared.Labelled;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recognises a return's header cells as {@link Column}s. */
public final class HeaderMatcher {

    /** A header "starts with" a synonym only if the synonym is this long: "sn" must match exactly. */
    private static final int MIN_PREFIX = 4;

    private HeaderMatcher() {}

    /**
     * The column a header names: an exact match of any synonym after squashing, else the longest
     * synonym it starts with ("Manufacturer (e.g. Hikvision)" is the manufacturer).
     */
    public static Optional<Column> match(String header) {
        String squashed = Labelled.squash(header);
        if (squashed.isEmpty()) {
            return Optional.empty();
        }
        for (Column column : Column.values()) {
            if (column.synonyms().contains(squashed)) {
                return Optional.of(column);
            }
        }
        Column best = null;
        int bestLength = 0;
        for (Column column : Column.values()) {
            for (String synonym : column.synonyms()) {
                if (synonym.length() >= MIN_PREFIX && synonym.length() > bestLength && squashed.startsWith(synonym)) {
                    best = column;
                    bestLength = synonym.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** How many distinct columns a row's cells name: used to find the header row under a title. */
    static int recognised(List<String> cells) {
        Map<Column, Boolean> seen = new EnumMap<>(Column.class);
        for (String cell : cells) {
            match(cell).ifPresent(column -> seen.put(column, true));
        }
        return seen.size();
    }
}
