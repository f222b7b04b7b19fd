package io.camaudit.remediation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress month by month from the history of the actions' states. */
class ProgressTest {

    @Test
    void eachMonthCountsThePlannedActionsAndTheDoneOnesAsTheyStoodAtItsEnd() {
        List<Progress.Change> changes = List.of(
                new Progress.Change(1, LocalDate.of(2026, 9, 3), ActionStatus.PLANNED),
                new Progress.Change(2, LocalDate.of(2026, 9, 20), ActionStatus.PLANNED),
                new Progress.Change(3, LocalDate.of(2026, 10, 1), ActionStatus.PLANNED),
                new Progress.Change(1, LocalDate.of(2026, 10, 15), ActionStatus.DONE),
                new Progress.Change(3, LocalDate.of(2026, 11, 2), ActionStatus.CANCELLED),
                new Progress.Change(2, LocalDate.of(2026, 12, 1), ActionStatus.IN_PROGRESS));
        assertThat(Progress.of(changes, LocalDate.of(2026, 12, 10)))
                .containsExactly(
                        new Progress.Month(YearMonth.of(2026, 9), 2, 0),
                        new Progress.Month(YearMonth.of(2026, 10), 3, 1),
                        new Progress.Month(YearMonth.of(2026, 11), 2, 1),
                        new Progress.Month(YearMonth.of(2026, 12), 2, 1));
        assertThat(Progress.of(changes, LocalDate.of(2026, 12, 10)).get(1).percent())
                .isEqualTo(33);
        assertThat(Progress.of(List.of(), LocalDate.of(2026, 12, 10))).isEmpty();
    }
}
