package io.camaudit.register;

import io.camaudit.shared.Labelled;

/** Where a device is in its life; removal progress is measured from these. */
public enum DeviceStatus implements Labelled {
    IN_SERVICE("In service"),
    REMOVED("Removed"),
    REPLACED("Replaced");

    private final String label;

    DeviceStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
