package io.camaudit.discovery.engine;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One fingerprint rule, a row of {@code discovery/fingerprints.csv}: on which probes and fields it
 * looks, the pattern it looks for, and what a match yields (a maker, the brand a device is sold as,
 * model, firmware, serial, MAC as templates of the pattern's groups, and a kind of device), with a
 * confidence and the public source it was written from. A rule with no maker and no brand yields
 * evidence only: "a generic embedded web server proves nothing alone".
 */
public record Fingerprint(
        String id,
        Set<String> probes,
        Set<String> fields,
        Pattern pattern,
        @Nullable String maker,
        @Nullable String brand,
        @Nullable String model,
        @Nullable String firmware,
        @Nullable String serial,
        @Nullable String mac,
        @Nullable String kind,
        double confidence,
        String source,
        boolean verified,
        String note) {

    public static final Set<String> PROBES =
            Set.of("web", "rtsp", "onvif", "wsd", "sadp", "dhip", "tcp", "passive", "neighbour");

    public static final Set<String> KINDS = Set.of("camera", "recorder", "video-server", "printer", "other");

    /** Whether the rule looks at this observation: "web" covers both HTTP and HTTPS. */
    public boolean appliesTo(Observation observation) {
        String probe =
                observation.probe().equals("http") || observation.probe().equals("https") ? "web" : observation.probe();
        return probes.contains(probe) && fields.contains(observation.field());
    }

    public @Nullable Matcher match(Observation observation) {
        if (!appliesTo(observation)) {
            return null;
        }
        Matcher matcher = pattern.matcher(observation.value());
        return matcher.find() ? matcher : null;
    }

    /** A template with its {@code $n} replaced by the match's groups (a missing group by nothing). */
    static @Nullable String fill(@Nullable String template, Matcher match) {
        if (template == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                int group = template.charAt(++i) - '0';
                String value = group <= match.groupCount() ? match.group(group) : null;
                out.append(value == null ? "" : value);
            } else {
                out.append(c);
            }
        }
        String filled = out.toString().strip();
        return filled.isEmpty() ? null : filled;
    }
}
