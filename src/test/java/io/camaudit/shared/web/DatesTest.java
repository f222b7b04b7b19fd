package io.camaudit.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camaudit.shared.BadInputException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void readsTheThreeBoxesOfAGovukDateInput() {
        assertThat(Dates.fromForm(
                        Map.of("due-day", "31", "due-month", "3", "due-year", "2027"), "due", "the due date", false))
                .isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(Dates.fromForm(
                        Map.of("due-day", " 07 ", "due-month", "08", "due-year", "2021"), "due", "the due date", false))
                .isEqualTo(LocalDate.of(2021, 8, 7));
    }

    @Test
    void readsOneFieldAsScriptsPostIt() {
        assertThat(Dates.fromForm(Map.of("due", "2027-03-31"), "due", "the due date", false))
                .isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(Dates.fromForm(Map.of("due", "31 March 2027"), "due", "the due date", false))
                .isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void emptyIsNullOnlyWhenOptional() {
        assertThat(Dates.fromForm(Map.of("due-day", "", "due-month", " "), "due", "the due date", true))
                .isNull();
        assertThatThrownBy(() -> Dates.fromForm(Map.of(), "due", "the due date", false))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Enter the due date");
    }

    @Test
    void namesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> Dates.fromForm(Map.of("due-day", "31"), "due", "the due date", true))
                .hasMessage("The due date must include a month and a year");
        assertThatThrownBy(() -> Dates.fromForm(
                        Map.of("due-day", "31", "due-month", "2", "due-year", "2027"), "due", "the due date", true))
                .hasMessage("The due date must be a real date, like 31 3 2027");
        assertThatThrownBy(() -> Dates.fromForm(
                        Map.of("due-day", "1", "due-month", "2", "due-year", "27"), "due", "the due date", true))
                .hasMessage("The due date must have a year of four digits, like 2027");
        assertThatThrownBy(() -> Dates.fromForm(
                        Map.of("due-day", "x", "due-month", "2", "due-year", "2027"), "due", "the due date", true))
                .hasMessage("The due date must be a real date, like 31 3 2027");
        assertThatThrownBy(() -> Dates.fromForm(Map.of("due", "31/02/2027"), "due", "the due date", true))
                .hasMessage("The due date must be a real date, like 31 3 2027");
    }
}
