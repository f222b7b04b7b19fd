package io.camaudit.capability.engine;

import java.util.List;

/**
 * One row of a device's capability matrix: whether the feature is present, whether it is switched
 * on, whether the body declared it, what that adds up to, the details the device gave, and the
 * evidence for each claim. {@code contradictory} marks documents that disagree (then the worse
 * reading stands: a feature one document says is on counts as on).
 */
public record FeatureState(
        Feature feature,
        Tristate present,
        Tristate enabled,
        Tristate declared,
        Standing standing,
        List<String> details,
        List<Evidence> evidence,
        boolean contradictory) {

    /** What the readings add up to, in the words an officer reads. */
    public enum Standing {
        UNDECLARED("Switched on, not declared", "govuk-tag--red"),
        ON("Switched on", "govuk-tag--orange"),
        DORMANT("Present, switched off", "govuk-tag--yellow"),
        PRESENT("Present", "govuk-tag--blue"),
        DECLARED_NOT_FOUND("Declared, not found", "govuk-tag--purple"),
        ABSENT("Not present", "govuk-tag--green"),
        UNKNOWN("Not known", "govuk-tag--grey");

        private final String label;
        private final String tag;

        Standing(String label, String tag) {
            this.label = label;
            this.tag = tag;
        }

        public String label() {
            return label;
        }

        /** The GOV.UK tag modifier that shows it. */
        public String tag() {
            return tag;
        }
    }

    public FeatureState {
        details = List.copyOf(details);
        evidence = List.copyOf(evidence);
    }

    /** Whether an officer must look at it: switched on without being declared, a cloud link, an open service. */
    public boolean concern() {
        return standing == Standing.UNDECLARED
                || (standing == Standing.ON && feature.kind() != Feature.Kind.CAPABILITY)
                || contradictory;
    }
}
