package io.camaudit.shared;

/** What an account may do. */
public enum Role {
    /** Runs the service: accounts, reference data, every organisation. */
    ADMINISTRATOR("Administrator"),
    /** An officer of one public body: reads and changes only that body's register. */
    OFFICER("Officer"),
    /** The Commissioner's office: reads every body's register, changes nothing. */
    AUDITOR("Auditor"),
    /**
     * A supplier answering due-diligence requests: sees only its own requests, in the supplier
     * portal, and nothing of any register.
     */
    SUPPLIER("Supplier");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
