package io.camaudit.capability.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed on a device between two audits: a feature switched on or off, one that appeared or
 * went, a vulnerability newly matched or no longer matched. A reading that was not known before or
 * is not known now is not a change: an audit without credentials does not "switch off" what one
 * with them saw.
 */
public final class AuditChanges {

    /** One change, in words, and whether it is the kind the Commissioner feared (something switched on). */
    public record Change(String subject, String from, String to, String description, boolean worse) {}

    private AuditChanges() {}

    public static List<Change> between(
            List<FeatureState> before,
            List<FeatureState> after,
            Set<String> vulnerabilitiesBefore,
            Set<String> vulnerabilitiesAfter) {
        Map<Feature, FeatureState> was =
                before.stream().collect(Collectors.toMap(FeatureState::feature, Function.identity()));
        List<Change> changes = new ArrayList<>();
        for (FeatureState now : after) {
            FeatureState then = was.get(now.feature());
            if (then == null) {
                continue;
            }
            String label = now.feature().label();
            if (known(then.enabled()) && known(now.enabled()) && then.enabled() != now.enabled()) {
                boolean on = now.enabled() == Tristate.YES;
                changes.add(new Change(
                        label,
                        then.standing().label(),
                        now.standing().label(),
                        label + (on ? " was switched on" : " was switched off"),
                        on));
            } else if (known(then.present()) && known(now.present()) && then.present() != now.present()) {
                boolean appeared = now.present() == Tristate.YES;
                changes.add(new Change(
                        label,
                        then.standing().label(),
                        now.standing().label(),
                        label + (appeared ? " is now present (after a firmware change?)" : " is no longer present"),
                        appeared));
            }
        }
        for (String id : vulnerabilitiesAfter) {
            if (!vulnerabilitiesBefore.contains(id)) {
                changes.add(new Change(id, "not matched", "matched", id + " now matches its model and firmware", true));
            }
        }
        for (String id : vulnerabilitiesBefore) {
            if (!vulnerabilitiesAfter.contains(id)) {
                changes.add(
                        new Change(id, "matched", "not matched", id + " no longer matches (firmware updated?)", false));
            }
        }
        return changes;
    }

    private static boolean known(Tristate value) {
        return value != Tristate.UNKNOWN;
    }
}
