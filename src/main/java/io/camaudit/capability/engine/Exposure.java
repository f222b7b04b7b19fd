package io.camaudit.capability.engine;

/**
 * How sure the audit is that a device has a known exploited vulnerability: its firmware is in the
 * published range; it was built before the fix was published; or its model is affected and its
 * firmware could not be read. Matching is by model and version only: nothing is ever tried.
 */
public enum Exposure {
    AFFECTED("Affected"),
    LIKELY("Likely affected"),
    POSSIBLE("Possibly affected");

    private final String label;

    Exposure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
