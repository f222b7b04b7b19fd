package io.camaudit.diligence.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Where a request stands on a given day, and the words for it: "asked on 2021-08-01; no reply
 * after 240 days". A request not submitted by its deadline has had no reply; a submission with a
 * required answer or file missing is a partial answer; a supplier may also refuse, with a reason.
 */
public record Standing(State state, long days, String words) {

    public enum State {
        /** Sent, not answered, the deadline not yet passed. */
        OUTSTANDING("Outstanding"),
        /** Not answered by its deadline. */
        NO_REPLY("No reply"),
        ANSWERED("Answered"),
        PARTIALLY_ANSWERED("Partially answered"),
        REFUSED("Refused"),
        /** The requester withdrew it. */
        WITHDRAWN("Withdrawn");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The dates of one request, as recorded. */
    public record Dates(
            LocalDate askedOn,
            LocalDate deadline,
            @Nullable LocalDate submittedOn,
            boolean complete,
            @Nullable LocalDate refusedOn,
            @Nullable LocalDate withdrawnOn) {}

    public static Standing of(Dates d, LocalDate today) {
        String asked = "asked on " + d.askedOn();
        if (d.withdrawnOn() != null) {
            return new Standing(
                    State.WITHDRAWN, days(d.askedOn(), d.withdrawnOn()), asked + "; withdrawn on " + d.withdrawnOn());
        }
        if (d.refusedOn() != null) {
            long days = days(d.askedOn(), d.refusedOn());
            return new Standing(State.REFUSED, days, asked + "; refused on " + d.refusedOn() + ", after " + days(days));
        }
        if (d.submittedOn() != null) {
            long days = days(d.askedOn(), d.submittedOn());
            return d.complete()
                    ? new Standing(
                            State.ANSWERED, days, asked + "; answered on " + d.submittedOn() + ", after " + days(days))
                    : new Standing(
                            State.PARTIALLY_ANSWERED,
                            days,
                            asked + "; partially answered on " + d.submittedOn() + ", after " + days(days));
        }
        long waiting = days(d.askedOn(), today);
        if (today.isAfter(d.deadline())) {
            return new Standing(State.NO_REPLY, waiting, asked + "; no reply after " + days(waiting));
        }
        return new Standing(
                State.OUTSTANDING, waiting, asked + "; outstanding for " + days(waiting) + ", due by " + d.deadline());
    }

    private static long days(LocalDate from, LocalDate to) {
        return Math.max(0, ChronoUnit.DAYS.between(from, to));
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    /** Whether the supplier has given a substantive reply (which the procurement check counts as answered). */
    public boolean replied() {
        return state == State.ANSWERED || state == State.PARTIALLY_ANSWERED;
    }
}
