package io.camaudit.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"44:19:B6:01:02:03", "44-19-b6-01-02-03", "4419.b601.0203", "4419B6010203", " 44:19:b6:01:02:03 "
            })
    void macAddressesTakeEverySpellingToOneForm(String text) {
        assertThat(MacAddress.of(text).value()).isEqualTo("44:19:b6:01:02:03");
        assertThat(MacAddress.of(text).oui()).isEqualTo("44:19:b6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "44:19:b6:01:02", "zz:19:b6:01:02:03", "44:19:b6:01:02:03:04"})
    void malformedMacAddressesAreRefusedByName(String text) {
        assertThatThrownBy(() -> MacAddress.of(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "\"" + text + "\" is not a MAC address (expected six hex pairs, such as 44:19:B6:01:02:03)");
    }

    @ParameterizedTest
    @CsvSource({"192.0.2.10,192.0.2.10", "2001:db8::1,2001:db8:0:0:0:0:0:1", "::ffff:192.0.2.1,192.0.2.1"})
    void ipAddressesAreParsedWithoutALookup(String text, String value) {
        assertThat(IpAddress.of(text).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "01.2.3.4", "camera.example", "10.0.0", "1.2.3.4.5"})
    void namesAndMalformedAddressesAreRefused(String text) {
        assertThatThrownBy(() -> IpAddress.of(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"" + text + "\" is not an IPv4 or IPv6 address");
    }

    @ParameterizedTest
    @CsvSource({"sw1a2aa,SW1A 2AA", "SW1A 2AA,SW1A 2AA", "m1 1ae,M1 1AE", "B338TH,B33 8TH"})
    void postcodesAreNormalised(String text, String expected) {
        assertThat(new SiteDraft("Site", null, text, SiteKind.OFFICE, false).postcode())
                .isEqualTo(expected);
    }

    @Test
    void aPostcodeOfTheWrongShapeIsRefused() {
        assertThatThrownBy(() -> new SiteDraft("Site", null, "12345", SiteKind.OFFICE, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"12345\" is not a UK postcode, such as SW1A 2AA");
    }

    @Test
    void aDeviceInServiceHasNoRemovalDate() {
        assertThatThrownBy(() -> facts(DeviceStatus.IN_SERVICE, null, LocalDate.of(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a device in service has no removal or replacement date");
    }

    @Test
    void aDeviceCannotBeRemovedBeforeItWasInstalled() {
        assertThatThrownBy(() -> facts(DeviceStatus.REMOVED, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the device was removed on 2024-01-01, before it was installed on 2024-05-01");
    }

    @Test
    void freeTextThatWouldRunAsAFormulaIsRefused() {
        assertThatThrownBy(() -> new OrganisationDraft("=cmd|' /C calc'!A0", Sector.OTHER, Region.LONDON, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not start with =, +, -, @ or a tab (it would run as a spreadsheet formula)");
    }

    @Test
    void naturalKeysPreferSerialThenMacThenAssetTag() {
        MacAddress mac = MacAddress.of("44:19:b6:01:02:03");
        assertThat(NaturalKeys.device(" ab12 ", mac, "CAM-1", "Site", "Hik", "M", 1))
                .isEqualTo("serial:AB12");
        assertThat(NaturalKeys.device(null, mac, "CAM-1", "Site", "Hik", "M", 1))
                .isEqualTo("mac:44:19:b6:01:02:03");
        assertThat(NaturalKeys.device("", null, "CAM-1", "Site", "Hik", "M", 1)).isEqualTo("asset:cam-1");
        assertThat(NaturalKeys.device(null, null, null, "Town Hall", "HIK VISION", "DS-2CD", 3))
                .isEqualTo("row:townhall|hikvision|ds2cd|3");
    }

    private static DeviceFacts facts(DeviceStatus status, LocalDate installed, LocalDate changed) {
        return new DeviceFacts(
                "Hikvision",
                null,
                "DS-2CD2143G0-I",
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                status,
                installed,
                changed);
    }
}
