package io.camaudit.register;

import io.camaudit.shared.Labelled;

/** Capabilities a body declares for a device; later audits compare them with what is found. */
public enum Capability implements Labelled {
    FACE_RECOGNITION("Face recognition"),
    AUDIO("Audio"),
    ANPR("ANPR"),
    THERMAL("Thermal"),
    PTZ("PTZ"),
    ANALYTICS("Analytics");

    private final String label;

    Capability(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
