package io.camaudit.intel.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Where a supplier stands on the due-diligence request it was sent: when it was asked and when
 * (if ever) it answered. The due-diligence feature records these; the policy engine only reads
 * them, through {@link DiligenceRecords}.
 */
public record DiligenceState(
        LocalDate requestedOn,
        @Nullable LocalDate answeredOn,
        @Nullable LocalDate refusedOn,
        @Nullable String outcome,
        @Nullable String requester) {

    /** A request and its answer alone, with no refusal, outcome or requester recorded. */
    public DiligenceState(LocalDate requestedOn, @Nullable LocalDate answeredOn) {
        this(requestedOn, answeredOn, null, null, null);
    }

    /** The requester's reviewers rejected the answers. */
    public boolean rejected() {
        return "REJECTED".equals(outcome);
    }

    /** Unanswered (a refusal is no answer) for longer than the deadline, counted in days from the request. */
    public boolean overdue(LocalDate today, int deadlineDays) {
        return answeredOn == null && ChronoUnit.DAYS.between(requestedOn, today) > deadlineDays;
    }

    public long daysWaiting(LocalDate today) {
        return ChronoUnit.DAYS.between(requestedOn, answeredOn == null ? today : answeredOn);
    }
}
