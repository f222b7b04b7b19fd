package io.camaudit.intel.engine;

import java.util.List;

/**
 * A procurement policy as data: rules over listings, ownership and due diligence, each giving a
 * verdict. A supplier no rule catches is eligible. An organisation's own policy (kept by the
 * service, not the bundle) carries its own sources in {@code ownSources}; the bundle's cite the
 * bundle's.
 */
public record Policy(
        String id,
        String name,
        String description,
        int diligenceDeadlineDays,
        boolean isDefault,
        List<PolicyRule> rules,
        List<String> sources,
        String checked,
        List<Source> ownSources) {

    /** One rule as an organisation writes it: conditions => VERDICT: reason. */
    private static final java.util.regex.Pattern RULE_LINE =
            java.util.regex.Pattern.compile("(.+?)\\s*=>\\s*([A-Za-z]+)\\s*:\\s*(.+)");

    /** The sources these ids name: the policy's own, else the bundle's. */
    List<Source> sources(IntelBundle bundle, List<String> ids) {
        List<Source> found = new java.util.ArrayList<>();
        for (String id : ids) {
            ownSources.stream()
                    .filter(s -> s.id().equals(id))
                    .findFirst()
                    .or(() -> bundle.source(id))
                    .ifPresent(found::add);
        }
        return found;
    }

    /**
     * Reads an organisation's own rules, one a line: {@code <conditions> => <VERDICT>: <reason>},
     * such as {@code country:CN => INELIGIBLE: We buy no equipment made in China.} Every rule cites
     * the policy's own source.
     *
     * @throws IllegalArgumentException naming the line and what is wrong
     */
    public static List<PolicyRule> parseRules(String text, IntelBundle bundle, String sourceId) {
        List<PolicyRule> rules = new java.util.ArrayList<>();
        String[] lines = text.split("\\R");
        int order = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "Rule on line " + (i + 1) + ": ";
            java.util.regex.Matcher m = RULE_LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(where + "write it as <conditions> => <VERDICT>: <reason>, such as"
                        + " \"country:CN => INELIGIBLE: We buy no equipment made in China.\"");
            }
            List<Condition> conditions;
            try {
                conditions = PolicyRule.parseWhen(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
            for (Condition condition : conditions) {
                if (condition instanceof Condition.Listed listed
                        && bundle.listing(listed.listing()).isEmpty()) {
                    throw new IllegalArgumentException(where + "there is no listing \"" + listed.listing() + "\"");
                }
            }
            Verdict verdict;
            try {
                verdict = Verdict.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "the verdict must be ELIGIBLE, CONDITIONAL or INELIGIBLE");
            }
            if (m.group(3).length() > 500) {
                throw new IllegalArgumentException(where + "the reason may be at most 500 characters");
            }
            rules.add(new PolicyRule(++order, conditions, verdict, m.group(3).strip(), List.of(sourceId)));
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("Write at least one rule");
        }
        if (rules.size() > 50) {
            throw new IllegalArgumentException("A policy may have at most 50 rules");
        }
        return List.copyOf(rules);
    }
}
