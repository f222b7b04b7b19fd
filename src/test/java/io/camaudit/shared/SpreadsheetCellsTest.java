package io.camaudit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetCellsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "=SUM(A1:A2)|'=SUM(A1:A2)",
                "@SUM(A1)|'@SUM(A1)",
                "+cmd|'+cmd",
                "-2+3+cmd|'-2+3+cmd",
                "-12|-12",
                "+44.5|+44.5",
                "Hikvision|Hikvision",
                "DS-2CD2143G0-I|DS-2CD2143G0-I"
            })
    void neutralisesOnlyWhatASpreadsheetWouldRun(String cell, String written) {
        assertThat(SpreadsheetCells.neutralise(cell)).isEqualTo(written);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\tx", "\rx"})
    void tabAndCarriageReturnLeadersCountAsFormulas(String cell) {
        assertThat(SpreadsheetCells.looksLikeFormula(cell)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aCsvCellIsNeutralisedAndQuotedWhereItMustBe() {
        org.assertj.core.api.Assertions.assertThat(SpreadsheetCells.csv("plain"))
                .isEqualTo("plain");
        org.assertj.core.api.Assertions.assertThat(SpreadsheetCells.csv("a, b")).isEqualTo("\"a, b\"");
        org.assertj.core.api.Assertions.assertThat(SpreadsheetCells.csv("say \"no\""))
                .isEqualTo("\"say \"\"no\"\"\"");
        org.assertj.core.api.Assertions.assertThat(SpreadsheetCells.csv("=HYPERLINK(1,2)"))
                .isEqualTo("\"'=HYPERLINK(1,2)\"");
        org.assertj.core.api.Assertions.assertThat(SpreadsheetCells.csv("-12")).isEqualTo("-12");
        org.assertj.core.api.Assertions.assertThat(SpreadsheetCells.csv("line\nbreak"))
                .isEqualTo("\"line\nbreak\"");
    }
}
