package io.camaudit.returns.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderMatcherTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Manufacturer|MANUFACTURER",
                "  camera   MAKE |MANUFACTURER",
                "Manufacturer (e.g. Hikvision)|MANUFACTURER",
                "Model No.|MODEL",
                "S/N|SERIAL",
                "MAC Address|MAC",
                "No. of cameras|QUANTITY",
                "Date Installed|INSTALLED_ON",
                "Facial Recognition|FACE_RECOGNITION",
                "Site Type|SITE_KIND",
                "Location|SITE"
            })
    void matchesHeaderSpellingsFromReturns(String header, Column expected) {
        assertThat(HeaderMatcher.match(header)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"Notes", "Comments", "sno", "x"})
    void leavesUnknownHeadersUnmatched(String header) {
        assertThat(HeaderMatcher.match(header)).isEmpty();
    }
}
