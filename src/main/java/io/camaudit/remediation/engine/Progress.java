package io.camaudit.remediation.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's progress month by month, from the history of its actions' states: at the end of each
 * month, how many actions were planned (not cancelled) and how many of them were done.
 */
public final class Progress {

    /** One change of one action's state, on a day. */
    public record Change(long action, LocalDate on, ActionStatus status) {}

    /** At the end of a month: the actions planned then (not cancelled), and those done. */
    public record Month(YearMonth month, long planned, long done) {
        public int percent() {
            return planned == 0 ? 0 : Math.round(100f * done / planned);
        }
    }

    private Progress() {}

    /** The months as the bars of a chart: the share done, and "3 of 10 done". */
    public static List<io.camaudit.shared.report.BarChart.Bar> bars(List<Month> months) {
        return months.stream()
                .map(m -> new io.camaudit.shared.report.BarChart.Bar(
                        m.month().toString(), m.percent(), m.done() + " of " + m.planned() + " done"))
                .toList();
    }

    /** The months from the first change to {@code today}'s, each with its counts. Changes in date order. */
    public static List<Month> of(List<Change> changes, LocalDate today) {
        List<Month> out = new ArrayList<>();
        if (changes.isEmpty()) {
            return out;
        }
        Map<Long, ActionStatus> state = new HashMap<>();
        int next = 0;
        for (YearMonth m = YearMonth.from(changes.get(0).on());
                !m.isAfter(YearMonth.from(today));
                m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth();
            while (next < changes.size() && !changes.get(next).on().isAfter(end)) {
                state.put(changes.get(next).action(), changes.get(next).status());
                next++;
            }
            long planned = state.values().stream()
                    .filter(s -> s != ActionStatus.CANCELLED)
                    .count();
            long done =
                    state.values().stream().filter(s -> s == ActionStatus.DONE).count();
            out.add(new Month(m, planned, done));
        }
        return out;
    }
}
