package io.camaudit.discovery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camaudit.discovery.testbed.Devices;
import io.camaudit.discovery.testbed.Profile.Hostile;
import io.camaudit.discovery.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Devices that answer with too much, forever, too slowly, with noise, or with XML and JSON built to
 * exhaust a parser: the survey finishes, names what was wrong where it can, and keeps only what
 * its limits allow. (The time limit below is a guard against a hang, not a performance goal.)
 */
class HostileDeviceTest {

    @Test
    void hostileRepliesNeitherHangNorCrashNorExhaustTheSurvey() throws Exception {
        assumeTrue(TestBed.canBindLowPorts(), TestBed.WHY_SKIPPED);
        Map<String, HostReport> reports = new ConcurrentHashMap<>();
        try (TestBed bed = new TestBed()) {
            bed.add("127.78.0.1", Devices.hostile(Hostile.ENDLESS_BODY, 80, 554));
            bed.add("127.78.0.2", Devices.hostile(Hostile.SLOW_DRIP, 80));
            bed.add("127.78.0.3", Devices.hostile(Hostile.HUGE_HEADERS, 80, 554));
            bed.add("127.78.0.4", Devices.hostile(Hostile.GARBAGE, 80, 554));
            bed.add("127.78.0.5", Devices.hostile(Hostile.ENTITY_EXPANSION, 80));
            bed.add("127.78.0.6", Devices.hostileDiscovery());
            SurveySettings settings = SurveySettings.polite()
                    .withRate(5_000)
                    .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMillis(300));
            Survey survey = new Survey(
                    new ScopedNetwork(Scope.of("127.78.0.0/29"), settings), SurveyTest.identifier(), "camaudit-test");
            Survey.Outcome outcome = assertTimeoutPreemptively(
                    Duration.ofMinutes(2),
                    () -> survey.run(report -> reports.put(report.address().getHostAddress(), report)));
            assertThat(outcome.surveyed()).isEqualTo(8);
        }
        assertThat(reports)
                .containsKeys("127.78.0.1", "127.78.0.2", "127.78.0.3", "127.78.0.4", "127.78.0.5", "127.78.0.6");

        // Endless: the body was cut at the reply limit and the rest never read.
        assertThat(reports.get("127.78.0.1").observations())
                .anyMatch(o -> o.field().equals("http.server") && o.value().equals("App-webs/"));
        // Too many header lines and noise: named as such.
        assertThat(errors(reports.get("127.78.0.3"))).anyMatch(e -> e.contains("more than 100 header lines"));
        assertThat(errors(reports.get("127.78.0.4"))).anyMatch(e -> e.contains("not an HTTP or RTSP status line"));
        // Entity expansion and external entities: refused before any expansion.
        assertThat(errors(reports.get("127.78.0.5"))).anyMatch(e -> e.contains("DOCTYPE"));
        assertThat(reports.get("127.78.0.5").identification().model()).isNull();
        HostReport discovery = reports.get("127.78.0.6");
        assertThat(errors(discovery)).anyMatch(e -> e.startsWith("sadp.error") && e.contains("DOCTYPE"));
        assertThat(errors(discovery)).anyMatch(e -> e.startsWith("wsd.error"));
        assertThat(errors(discovery)).anyMatch(e -> e.startsWith("dhip.error"));
        assertThat(discovery.observations()).noneMatch(o -> o.value().contains("root:"));
    }

    private static List<String> errors(HostReport report) {
        return report.observations().stream()
                .filter(o -> o.field().endsWith(".error"))
                .map(o -> o.field() + ": " + o.value())
                .toList();
    }
}
