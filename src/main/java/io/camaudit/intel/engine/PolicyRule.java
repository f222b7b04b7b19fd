package io.camaudit.intel.engine;

import java.util.List;
import java.util.stream.Collectors;

/** If all its conditions hold, the rule gives its verdict, for its reason, citing its sources. */
public record PolicyRule(int order, List<Condition> conditions, Verdict verdict, String reason, List<String> sources) {

    /** Reads {@code "listed:fcc-covered-list and site:sensitive"}. */
    public static List<Condition> parseWhen(String when) {
        if (when.isBlank()) {
            throw new IllegalArgumentException("a rule needs at least one condition");
        }
        return java.util.Arrays.stream(when.split("\\s+and\\s+"))
                .map(Condition::parse)
                .toList();
    }

    public String when() {
        return conditions.stream().map(Condition::text).collect(Collectors.joining(" and "));
    }
}
