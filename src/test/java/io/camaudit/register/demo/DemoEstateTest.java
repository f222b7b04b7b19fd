package io.camaudit.register.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.camaudit.intel.Annotator;
import io.camaudit.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The demonstration estate, in a context of its own (it fills only an empty register). */
@IntegrationTest
@TestPropertySource(properties = "camaudit.test.context=demo")
class DemoEstateTest {

    @Autowired
    DemoEstate demo;

    @Autowired
    Annotator annotator;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fillsAnEmptyRegisterOnceAndEveryDeviceIsThenAnnotated() throws InterruptedException {
        DemoEstate.Result result = demo.fillIfEmpty();
        assertThat(result.filled()).isTrue();
        assertThat(result.organisations()).isBetween(200L, 500L);
        assertThat(result.devices()).isGreaterThan(20_000L);
        assertThat(demo.fillIfEmpty().filled()).as("a second fill does nothing").isFalse();

        assertThat(annotator.awaitIdle(Duration.ofMinutes(2))).isTrue();
        long devices = jdbc.queryForObject("select count(*) from device", Long.class);
        long annotated = jdbc.queryForObject("select count(*) from device_resolution", Long.class);
        assertThat(annotated).isEqualTo(devices);
        Map<String, Object> makers = jdbc.queryForMap("""
                select sum(case when maker in ('hikvision', 'dahua') then 1 else 0 end) as listed,
                       sum(case when maker is null then 1 else 0 end) as unresolved
                from device_resolution""");
        double listedShare = ((Number) makers.get("listed")).doubleValue() / devices;
        assertThat(listedShare)
                .as("a plausible share of Hikvision and Dahua, under their own and other names")
                .isBetween(0.2, 0.8);
        assertThat(((Number) makers.get("unresolved")).longValue())
                .as("makers the intel does not describe (Avigilon, Hanwha) give the review queue something to show")
                .isPositive();
    }
}
