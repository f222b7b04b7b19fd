package io.camaudit.discovery;

import io.camaudit.shared.Labelled;

/** Where a survey stands. */
public enum SurveyStatus implements Labelled {
    RUNNING("Running"),
    DONE("Finished"),
    CANCELLED("Cancelled"),
    FAILED("Failed"),
    INTERRUPTED("Interrupted (the service stopped)");

    private final String label;

    SurveyStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
