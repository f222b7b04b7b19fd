package io.camaudit.diligence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The clock of a request, in the words the public list uses. */
class StandingTest {

    private static final LocalDate ASKED = LocalDate.of(2021, 8, 1);

    private static Standing on(LocalDate today, LocalDate submitted, boolean complete, LocalDate refused) {
        return Standing.of(new Standing.Dates(ASKED, ASKED.plusDays(28), submitted, complete, refused, null), today);
    }

    @Test
    void outstandingThenNoReplyThenAnsweredPartlyOrRefused() {
        Standing waiting = on(ASKED.plusDays(10), null, false, null);
        assertThat(waiting.state()).isEqualTo(Standing.State.OUTSTANDING);
        assertThat(waiting.words()).isEqualTo("asked on 2021-08-01; outstanding for 10 days, due by 2021-08-29");

        Standing silent = on(ASKED.plusDays(240), null, false, null);
        assertThat(silent.state()).isEqualTo(Standing.State.NO_REPLY);
        assertThat(silent.words()).isEqualTo("asked on 2021-08-01; no reply after 240 days");
        assertThat(silent.replied()).isFalse();

        assertThat(on(ASKED.plusDays(28), null, false, null).state())
                .as("the deadline day itself is still in time")
                .isEqualTo(Standing.State.OUTSTANDING);

        Standing answered = on(ASKED.plusDays(300), ASKED.plusDays(20), true, null);
        assertThat(answered.words()).isEqualTo("asked on 2021-08-01; answered on 2021-08-21, after 20 days");
        assertThat(answered.replied()).isTrue();
        assertThat(on(ASKED.plusDays(300), ASKED.plusDays(1), false, null).words())
                .isEqualTo("asked on 2021-08-01; partially answered on 2021-08-02, after 1 day");
        Standing refused = on(ASKED.plusDays(300), null, false, ASKED.plusDays(5));
        assertThat(refused.state()).isEqualTo(Standing.State.REFUSED);
        assertThat(refused.replied()).isFalse();
        assertThat(Standing.of(
                                new Standing.Dates(ASKED, ASKED.plusDays(28), null, false, null, ASKED.plusDays(3)),
                                ASKED.plusDays(9))
                        .words())
                .isEqualTo("asked on 2021-08-01; withdrawn on 2021-08-04");
    }
}
