package io.camaudit.remediation.engine;

/** What is done about a flagged device. */
public enum ActionKind {
    REMOVE("Remove it"),
    REPLACE("Replace it"),
    ISOLATE("Isolate it on its own network"),
    BLOCK_OUTBOUND("Block its outbound traffic"),
    DISABLE_CAPABILITY("Disable a capability");

    private final String label;

    ActionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
