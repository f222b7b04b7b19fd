package io.camaudit.discovery;

import io.camaudit.discovery.persistence.SurveyRows;

/** A survey as stored, with its live progress while it runs. */
public record SurveyView(
        SurveyRows.SurveyRow row, SurveyStatus status, long done, long answered, String organisationName) {

    public int percent() {
        return row.addresses() == 0 ? 100 : (int) Math.min(100, done * 100 / row.addresses());
    }

    public boolean running() {
        return status == SurveyStatus.RUNNING;
    }
}
