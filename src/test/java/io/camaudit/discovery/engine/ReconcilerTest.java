package io.camaudit.discovery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camaudit.discovery.engine.Reconciler.Declared;
import io.camaudit.discovery.engine.Reconciler.Found;
import io.camaudit.discovery.engine.Reconciler.MatchedBy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final Scope SCOPE = Scope.of("10.20.1.0/24");

    @Test
    void matchesBySerialThenMacThenAddressAndListsWhatDiffers() {
        List<Declared> declared = List.of(
                new Declared(
                        1,
                        "Hikvision",
                        "DS-2CD2143G0-I",
                        "V5.4.0",
                        "DS-2CD2143G0-I20190101AAWRC12345678",
                        null,
                        "10.20.1.50",
                        true),
                new Declared(2, "Dahua", "NVR4208", null, null, "E0-50-8B-12-34-56", null, true),
                new Declared(3, "Axis", "P3245-LVE", null, null, null, "10.20.1.14", true),
                new Declared(4, "Bosch", "FLEXIDOME", null, "B-1", null, "10.20.1.99", true),
                new Declared(5, "Bosch", "FLEXIDOME", null, "B-2", null, "10.30.0.1", true),
                new Declared(6, "Bosch", "FLEXIDOME", null, "B-3", null, "10.20.1.98", false));
        List<Found> found = List.of(
                new Found(
                        "10.20.1.10",
                        "Hikvision",
                        "DS-2CD2143G0-I",
                        "V5.5.0build 170725",
                        "ds-2cd2143g0-i20190101aawrc12345678",
                        "44:19:b6:12:34:56"),
                new Found("10.20.1.11", "Dahua", "DHI-NVR4208-8P-4KS2", null, "5J0123456789ABC", "e0:50:8b:12:34:56"),
                new Found("10.20.1.14", "Axis Communications", "P3245-LVE", null, null, null),
                new Found("10.20.1.12", "Hikvision", "IPC-B140H", null, null, null));

        Reconciler.Result result = Reconciler.reconcile(found, declared, SCOPE);

        Reconciler.Pairing hik = result.pairings().get(0);
        assertThat(hik.matchedBy()).isEqualTo(MatchedBy.SERIAL);
        assertThat(hik.declared().id()).isEqualTo(1);
        assertThat(hik.differences())
                .extracting(Reconciler.Difference::field)
                .containsExactly("firmware", "MAC address", "IP address");
        assertThat(result.pairings().get(1).matchedBy()).isEqualTo(MatchedBy.MAC);
        assertThat(result.pairings().get(1).differences())
                .extracting(Reconciler.Difference::field)
                .containsExactly("model", "serial number", "IP address");
        assertThat(result.pairings().get(2).matchedBy()).isEqualTo(MatchedBy.IP);
        assertThat(result.pairings().get(2).differences()).isEmpty();
        assertThat(result.pairings().get(3).isNew()).isTrue();
        // In service, in scope and silent: not seen. Out of scope or removed: not expected to answer.
        assertThat(result.notSeen()).extracting(Declared::id).containsExactly(4L);
    }
}
