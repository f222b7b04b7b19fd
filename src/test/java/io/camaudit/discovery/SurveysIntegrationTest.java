package io.camaudit.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camaudit.discovery.engine.Reconciler;
import io.camaudit.discovery.testbed.Devices;
import io.camaudit.discovery.testbed.TestBed;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceDraft;
import io.camaudit.register.DeviceFacts;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.IpAddress;
import io.camaudit.register.Organisation;
import io.camaudit.register.ProvenanceKind;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ForbiddenException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A survey started as an officer would, against emulated devices, reconciled and decided. */
@IntegrationTest
class SurveysIntegrationTest {

    @Autowired
    Surveys surveys;

    @Autowired
    Register register;

    @Autowired
    Estates estates;

    @Autowired
    JdbcTemplate jdbc;

    private Device declare(
            Viewer officer, Organisation body, String make, String model, String firmware, String serial, String ip) {
        return register.createDevice(
                officer,
                body.id(),
                new DeviceDraft(
                        null,
                        null,
                        new DeviceFacts(
                                make,
                                null,
                                model,
                                firmware,
                                serial,
                                null,
                                IpAddress.of(ip),
                                null,
                                Set.of(),
                                DeviceStatus.IN_SERVICE,
                                null,
                                null)));
    }

    @Test
    void anOfficerSurveysTheirPermittedNetworkAndDecidesWhatItFound() throws Exception {
        assumeTrue(TestBed.canBindLowPorts(), TestBed.WHY_SKIPPED);
        Organisation body = estates.organisation("Survey Borough");
        Organisation other = estates.organisation("Other Borough");
        Viewer officer = Estates.officerOf(body);
        Viewer stranger = Estates.officerOf(other);
        Device hik = declare(
                officer,
                body,
                "Hikvision",
                "DS-2CD2143G0-I",
                "V5.4.0",
                "DS-2CD2143G0-I20190101AAWRC12345678",
                "127.81.0.10");
        Device silent = declare(officer, body, "Bosch", "FLEXIDOME", null, "BOSCH-1", "127.81.0.5");

        assertThatThrownBy(() -> surveys.start(officer, body.id(), request("127.81.0.0/28")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("No network ranges are permitted");
        assertThatThrownBy(() -> surveys.setPermit(officer, body.id(), "127.81.0.0/24"))
                .isInstanceOf(ForbiddenException.class);
        surveys.setPermit(Estates.ADMIN, body.id(), "127.81.0.0/24");
        assertThatThrownBy(() -> surveys.start(officer, body.id(), request("127.81.1.0/28")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("beyond the ranges permitted");
        assertThatThrownBy(() ->
                        surveys.start(new Viewer("auditor", Role.AUDITOR, null), body.id(), request("127.81.0.0/28")))
                .isInstanceOf(ForbiddenException.class);

        try (TestBed bed = new TestBed()) {
            bed.add("127.81.0.10", Devices.hikvisionCamera());
            bed.add("127.81.0.12", Devices.hilookCamera());
            bed.add("127.81.0.13", Devices.printer());
            long id = surveys.start(officer, body.id(), request("127.81.0.0/28"));
            assertThat(surveys.await(id, Duration.ofMinutes(1))).isTrue();
            assertThatThrownBy(() -> surveys.results(stranger, id)).isInstanceOf(NotFoundException.class);

            SurveyResults results = surveys.results(officer, id);
            assertThat(results.survey().status()).isEqualTo(SurveyStatus.DONE);
            assertThat(results.devices().size() + results.otherHosts().size())
                    .as(results.toString())
                    .isEqualTo(3);
            assertThat(results.survey().answered()).isEqualTo(3);
            SurveyResults.Host matched = host(results, "127.81.0.10");
            assertThat(matched.matchedDeviceId()).isEqualTo(hik.id());
            assertThat(matched.matchedBy()).isEqualTo(Reconciler.MatchedBy.SERIAL);
            assertThat(matched.differences())
                    .extracting(Reconciler.Difference::field)
                    .containsExactly("firmware", "MAC address");
            SurveyResults.Host hilook = host(results, "127.81.0.12");
            assertThat(hilook.isNew()).isTrue();
            assertThat(hilook.row().path()).contains("HiLook").contains("Hikvision");
            assertThat(results.otherHosts()).extracting(h -> h.row().address()).containsExactly("127.81.0.13");
            assertThat(results.notSeen()).extracting(Reconciler.Declared::id).containsExactly(silent.id());

            Device added = surveys.accept(officer, id, hilook.row().id());
            assertThat(added.provenance().kind()).isEqualTo(ProvenanceKind.DISCOVERED);
            assertThat(added.provenance().describe()).isEqualTo("discovered by survey " + id + " at 127.81.0.12");
            assertThat(added.facts().brand()).isEqualTo("HiLook");
            assertThat(added.facts().model()).isEqualTo("IPC-B140H");
            Device updated = surveys.accept(officer, id, matched.row().id());
            assertThat(updated.id()).isEqualTo(hik.id());
            assertThat(updated.facts().firmware()).isEqualTo("V5.5.0build 170725");
            assertThat(updated.facts().macAddress().toString()).isEqualTo("44:19:b6:12:34:56");
            assertThatThrownBy(() -> surveys.accept(officer, id, hilook.row().id()))
                    .hasMessageContaining("already accepted");
            assertThatThrownBy(() -> surveys.reject(stranger, id, hilook.row().id()))
                    .isInstanceOf(NotFoundException.class);

            SurveyResults after = surveys.results(officer, id);
            assertThat(host(after, "127.81.0.10").agrees()).isTrue();
            assertThat(host(after, "127.81.0.12").row().decision()).isEqualTo("ACCEPTED");
        }
        List<String> audited = jdbc.queryForList(
                "select summary from audit_event where organisation_id = ? order by id", String.class, body.id());
        assertThat(audited)
                .anyMatch(s -> s.startsWith("Survey ranges of Survey Borough"))
                .anyMatch(s -> s.startsWith("Started a survey of 127.81.0.0/28"))
                .anyMatch(s -> s.startsWith("Accepted what survey"));
    }

    @Test
    void aFileTheBodyAlreadyHasIsIdentifiedAndReconciledWithoutAPacket() throws Exception {
        Organisation body = estates.organisation("Leases Borough");
        Viewer officer = Estates.officerOf(body);
        Device declared = register.createDevice(
                officer,
                body.id(),
                new DeviceDraft(
                        null,
                        null,
                        new DeviceFacts(
                                "Hikvision",
                                null,
                                "DS-2CD2143G0-I",
                                null,
                                null,
                                io.camaudit.register.MacAddress.of("44:19:b6:12:34:56"),
                                IpAddress.of("10.20.1.99"),
                                null,
                                Set.of(),
                                DeviceStatus.IN_SERVICE,
                                null,
                                null)));
        byte[] leases =
                java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/discovery/dhcpd.leases"));

        assertThatThrownBy(() -> surveys.importPassive(
                        Estates.officerOf(estates.organisation("Nosy Borough")), body.id(), "dhcpd.leases", leases))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> surveys.importPassive(officer, body.id(), "notes.txt", "hello\n".getBytes()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("notes.txt lists no host");

        long id = surveys.importPassive(officer, body.id(), "dhcpd.leases", leases);
        SurveyResults results = surveys.results(officer, id);
        assertThat(results.survey().row().method()).isEqualTo("PASSIVE");
        assertThat(results.survey().row().settings()).startsWith("ISC dhcpd leases, 2 hosts");
        SurveyResults.Host known = host(results, "10.20.1.10");
        assertThat(known.matchedDeviceId()).isEqualTo(declared.id());
        assertThat(known.matchedBy()).isEqualTo(Reconciler.MatchedBy.MAC);
        assertThat(known.differences()).extracting(Reconciler.Difference::field).containsExactly("IP address");
        assertThat(host(results, "10.20.1.11").isNew()).isTrue();
        assertThat(host(results, "10.20.1.11").row().maker()).isEqualTo("Dahua");
        assertThat(results.notSeen()).isEmpty();
        Device moved = surveys.accept(officer, id, known.row().id());
        assertThat(moved.facts().ipAddress().toString()).isEqualTo("10.20.1.10");
        assertThat(moved.provenance().describe()).isEqualTo("discovered by survey " + id + " at 10.20.1.10");
    }

    private static SurveyRequest request(String scope) {
        return new SurveyRequest(List.of(scope), List.of(), 2_000, 16, null);
    }

    private static SurveyResults.Host host(SurveyResults results, String address) {
        return results.devices().stream()
                .filter(h -> h.row().address().equals(address))
                .findFirst()
                .orElseThrow(() -> new AssertionError(address + " not among " + results.devices()));
    }
}
