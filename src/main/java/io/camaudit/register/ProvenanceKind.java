package io.camaudit.register;

import io.camaudit.shared.Labelled;

/** How camaudit came to know a fact. */
public enum ProvenanceKind implements Labelled {
    DECLARED("Declared by the body"),
    IMPORTED("Imported from a file"),
    DISCOVERED("Discovered by a scan"),
    SYNTHETIC("Synthetic demonstration data");

    private final String label;

    ProvenanceKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
