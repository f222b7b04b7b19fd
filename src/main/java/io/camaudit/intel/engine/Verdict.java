package io.camaudit.intel.engine;

/** What a policy says about buying from a supplier, from least to most severe. */
public enum Verdict {
    ELIGIBLE("Eligible"),
    CONDITIONAL("Conditional"),
    INELIGIBLE("Ineligible");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Verdict worst(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
