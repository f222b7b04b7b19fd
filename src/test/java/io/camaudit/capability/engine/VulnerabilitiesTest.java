package io.camaudit.capability.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known exploited vulnerabilities are matched by maker, model and firmware, and only so. */
class VulnerabilitiesTest {

    private final Vulnerabilities vulnerabilities = Vulnerabilities.bundled();

    private List<String> match(String maker, String model, String firmware) {
        return vulnerabilities.match(maker, model, firmware).stream()
                .map(m -> m.vulnerability().id() + " " + m.exposure())
                .toList();
    }

    @Test
    void firmwareIsReadAsDevicesWriteIt() {
        Firmware hik = Firmware.parse("V5.4.0 build 160530");
        assertThat(hik.version()).containsExactly(5, 4, 0);
        assertThat(hik.built()).isEqualTo(LocalDate.of(2016, 5, 30));
        assertThat(Firmware.parse("V5.5.0build 170725").built()).isEqualTo(LocalDate.of(2017, 7, 25));
        assertThat(Firmware.parse("V5.4.5 b160928").version()).containsExactly(5, 4, 5);
        Firmware dahua = Firmware.parse("2.800.0000016.0.R,build:2020-07-07");
        assertThat(dahua.version()).containsExactly(2, 800, 16, 0);
        assertThat(dahua.built()).isEqualTo(LocalDate.of(2020, 7, 7));
        assertThat(Firmware.parse("unknown").known()).isFalse();
        assertThat(Firmware.parse("V5.3.0 build 150513")).isLessThan(Firmware.parse("V5.4.0 build 160530"));
        assertThat(Firmware.parse("V5.4.0 build 160101")).isLessThan(Firmware.parse("V5.4.0 build 160530"));
    }

    @Test
    void aHikvisionCameraInThePublishedRangeIsAffected() {
        assertThat(match("hikvision", "DS-2CD2132F-I", "V5.3.0 build 150513")).contains("hik-7921-2xx2f-i AFFECTED");
        assertThat(match("hikvision", "DS-2CD2132F-I", "V5.4.1 build 160525"))
                .doesNotContain("hik-7921-2xx2f-i AFFECTED");
        assertThat(match("hikvision", "DS-2CD2132F-I", "V5.5.0 build 170725")).noneMatch(m -> m.startsWith("hik-7921"));
    }

    @Test
    void firmwareBuiltBeforeTheFixWasPublishedIsLikelyAffected() {
        assertThat(match("hikvision", "DS-2CD2143G0-I", "V5.5.0 build 170725")).containsExactly("hik-36260 LIKELY");
        assertThat(match("hikvision", "DS-2CD2143G0-I", "V5.7.3 build 211201")).isEmpty();
    }

    @Test
    void dahuaBuildDatesDecideAndAnUnreadFirmwareIsOnlyPossible() {
        assertThat(match("dahua", "IPC-HDW3441T-ZAS", "2.800.0000016.0.R,build:2021-01-15"))
                .containsExactly("dahua-33044-ipc AFFECTED");
        assertThat(match("dahua", "DH-IPC-HFW5241E-Z12E", "2.800.0000005.0.R,build:2019-11-02"))
                .containsExactlyInAnyOrder("dahua-33044-ipc AFFECTED", "dahua-33045-ipc AFFECTED");
        assertThat(match("dahua", "IPC-HDW3441T-ZAS", "2.800.0000016.0.R"))
                .as("without a build date either may apply")
                .containsExactly("dahua-33044-ipc POSSIBLE", "dahua-33045-ipc POSSIBLE");
        assertThat(match("dahua", "VTH5421H", "4.500.0000000.5.R,build:2022-01-01"))
                .containsExactly("dahua-33045-vto POSSIBLE");
    }

    @Test
    void anotherMakersModelOrAnUnknownMakerMatchesNothing() {
        assertThat(match("dahua", "DS-2CD2132F-I", "V5.3.0 build 150513")).isEmpty();
        assertThat(vulnerabilities.match(null, "DS-2CD2132F-I", "V5.3.0 build 150513"))
                .isEmpty();
        assertThat(match("axis", "P3245-LVE", "10.12.114")).isEmpty();
    }
}
