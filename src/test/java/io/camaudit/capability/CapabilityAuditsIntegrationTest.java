package io.camaudit.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camaudit.discovery.Surveys;
import io.camaudit.discovery.testbed.AuditedDevices;
import io.camaudit.discovery.testbed.TestBed;
import io.camaudit.register.Capability;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceNotes;
import io.camaudit.register.Organisation;
import io.camaudit.register.OrganisationNotes;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ForbiddenException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Capability audits as the service runs them: accounts kept encrypted, results beside the register, changes over time. */
@IntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class CapabilityAuditsIntegrationTest {

    @Autowired
    CapabilityAudits audits;

    @Autowired
    Surveys surveys;

    @Autowired
    Register register;

    @Autowired
    Estates estates;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<DeviceNotes> deviceNotes;

    @Autowired
    List<OrganisationNotes> organisationNotes;

    private Device declare(Viewer officer, Organisation body, String ip, Set<Capability> declared) {
        return estates.camera(officer, body, "Hikvision", "DS-2CD2143G0-I", ip, declared);
    }

    @Test
    void anOfficerAuditsTheirDevicesWithTheirAccountAndSeesWhatChanged(
            org.springframework.boot.test.system.CapturedOutput logs) throws Exception {
        assumeTrue(TestBed.canBindLowPorts(), TestBed.WHY_SKIPPED);
        Organisation body = estates.organisation("Audit Borough");
        Organisation other = estates.organisation("Other Audit Borough");
        Viewer officer = Estates.officerOf(body);
        Viewer stranger = Estates.officerOf(other);
        Device camera = declare(officer, body, "127.83.0.10", Set.of(Capability.ANALYTICS));

        assertThatThrownBy(() -> audits.start(officer, body.id(), null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("No network ranges are permitted");
        surveys.setPermit(Estates.ADMIN, body.id(), "127.83.0.0/28");
        assertThatThrownBy(() -> audits.start(officer, body.id(), "127.83.1.0/28"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("beyond the ranges permitted");
        assertThatThrownBy(() -> audits.start(new Viewer("auditor", Role.AUDITOR, null), body.id(), null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> audits.addCredential(stranger, body.id(), null, null, "audit", "x"))
                .isInstanceOf(NotFoundException.class);

        long account = audits.addCredential(
                officer, body.id(), null, camera.id(), AuditedDevices.USER, AuditedDevices.HIKVISION_PASSWORD);
        assertThat(jdbc.queryForObject(
                        "select password_cipher from device_credential where id = ?", String.class, account))
                .doesNotContain(AuditedDevices.HIKVISION_PASSWORD);
        assertThat(audits.credentials(officer, body.id()))
                .extracting(CredentialView::appliesTo, CredentialView::username)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("device " + camera.id(), AuditedDevices.USER));
        assertThat(jdbc.queryForList(
                        "select summary from audit_event where entity_type = 'device_credential'"
                                + " and organisation_id = ?",
                        String.class,
                        body.id()))
                .hasSize(1)
                .allSatisfy(s -> assertThat(s).doesNotContain(AuditedDevices.HIKVISION_PASSWORD));

        long first;
        try (TestBed bed = new TestBed()) {
            bed.add("127.83.0.10", AuditedDevices.hikvisionCamera());
            bed.add("127.83.0.11", AuditedDevices.dahuaCamera());
            first = audits.start(officer, body.id(), null);
            assertThat(audits.await(first, Duration.ofMinutes(2))).isTrue();
        }
        assertThatThrownBy(() -> audits.results(stranger, first)).isInstanceOf(NotFoundException.class);
        AuditView done = audits.audit(officer, first);
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.answered()).isEqualTo(2);
        List<ResultView> results = audits.results(officer, first);
        ResultView hik = results.stream()
                .filter(r -> r.address().equals("127.83.0.10"))
                .findFirst()
                .orElseThrow();
        assertThat(hik.deviceId()).isEqualTo(camera.id());
        assertThat(hik.detail().access()).isEqualTo("with the credentials given");
        assertThat(feature(hik, "AUDIO").standing()).isEqualTo("UNDECLARED");
        assertThat(feature(hik, "ANALYTICS").standing()).isEqualTo("ON");
        assertThat(feature(hik, "FACE_DETECTION").standing()).isEqualTo("DORMANT");
        assertThat(hik.detail().changes()).isEmpty();
        assertThat(hik.detail().previousAuditId()).isNull();
        ResultView dahua = results.stream()
                .filter(r -> r.address().equals("127.83.0.11"))
                .findFirst()
                .orElseThrow();
        assertThat(dahua.deviceId()).as("not in the register").isNull();
        assertThat(dahua.detail().access()).isEqualTo("without credentials");

        CapabilitySummary summary = audits.summary(officer, body.id());
        assertThat(summary.devices()).isEqualTo(2);
        assertThat(summary.facePresent()).isEqualTo(1);
        assertThat(summary.undeclared()).isEqualTo(1);
        assertThat(summary.cloudOn()).isEqualTo(1);
        assertThat(summary.sentence()).startsWith("2 devices audited: 1 with face recognition or detection present");
        // The nation's figures are every audited body's present picture added up, read in one go.
        CapabilityAudits.NationalCapabilities national = audits.national(Estates.ADMIN);
        java.util.List<Long> audited =
                jdbc.queryForList("select distinct organisation_id from capability_result", Long.class);
        assertThat(national.bodies()).isEqualTo(audited.size()).isGreaterThanOrEqualTo(1);
        assertThat(national.devices().devices())
                .isEqualTo(audited.stream()
                        .mapToLong(o -> audits.summary(Estates.ADMIN, o).devices())
                        .sum());
        assertThat(national.devices().faceOn())
                .isEqualTo(audited.stream()
                        .mapToLong(o -> audits.summary(Estates.ADMIN, o).faceOn())
                        .sum());
        Device registered = register.device(officer, camera.id());
        assertThat(deviceNotes.stream().flatMap(n -> n.notesFor(officer, registered).stream()))
                .filteredOn(n -> n.label().equals("Capabilities"))
                .singleElement()
                .satisfies(
                        n -> assertThat(n.details()).anyMatch(d -> d.startsWith("Audio: Switched on, not declared")));
        assertThat(organisationNotes.stream().flatMap(n -> n.notesFor(officer, body).stream()))
                .anySatisfy(n -> assertThat(n.details()).contains(summary.sentence()));

        // A month later face detection has been switched on remotely: the next audit says so.
        long second;
        try (TestBed bed = new TestBed()) {
            bed.add("127.83.0.10", AuditedDevices.hikvisionCameraFaceDetectionOn());
            second = audits.start(officer, body.id(), "127.83.0.10");
            assertThat(audits.await(second, Duration.ofMinutes(2))).isTrue();
        }
        ResultView again = audits.results(officer, second).get(0);
        long registeredOnly;
        try (TestBed bed = new TestBed()) {
            bed.add("127.83.0.10", AuditedDevices.hikvisionCameraFaceDetectionOn());
            bed.add("127.83.0.11", AuditedDevices.dahuaCamera());
            registeredOnly = audits.startRegistered(officer, body.id());
            assertThat(audits.await(registeredOnly, Duration.ofMinutes(2))).isTrue();
            assertThat(bed.contacts().to("127.83.0.11"))
                    .as("not in the register")
                    .isEmpty();
        }
        assertThat(audits.audit(officer, registeredOnly).scope())
                .isEqualTo("the 1 registered devices within 127.83.0.0/28");
        assertThat(audits.results(officer, registeredOnly))
                .singleElement()
                .satisfies(r -> assertThat(r.detail().changes())
                        .as("nothing changed since the second")
                        .isEmpty());
        assertThat(again.detail().previousAuditId()).isEqualTo(first);
        assertThat(again.detail().changes())
                .extracting(ResultDetail.ChangeRow::description, ResultDetail.ChangeRow::worse)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Face detection and capture was switched on", true));
        assertThat(again.worseChanges()).isEqualTo(1);
        assertThat(audits.summary(officer, body.id()).faceOn()).isEqualTo(1);

        assertThat(jdbc.queryForList(
                        "select details from capability_result where organisation_id = ?", String.class, body.id()))
                .allSatisfy(d -> assertThat(d).doesNotContain(AuditedDevices.HIKVISION_PASSWORD));
        assertThat(jdbc.queryForList(
                        "select summary from audit_event where organisation_id = ?", String.class, body.id()))
                .anyMatch(s -> s.startsWith("Started a capability audit of 127.83.0.0/28"));
        assertThat(logs.getAll())
                .as("nothing logged holds the password")
                .doesNotContain(AuditedDevices.HIKVISION_PASSWORD);
        audits.removeCredential(officer, body.id(), account);
        assertThat(audits.credentials(officer, body.id())).isEmpty();
    }

    @Test
    void anAccountForOneAuditIsUsedThenAndNeverStored() throws Exception {
        assumeTrue(TestBed.canBindLowPorts(), TestBed.WHY_SKIPPED);
        Organisation body = estates.organisation("One-off Borough");
        Viewer officer = Estates.officerOf(body);
        surveys.setPermit(Estates.ADMIN, body.id(), "127.86.0.0/30");
        long id;
        try (TestBed bed = new TestBed()) {
            bed.add("127.86.0.2", AuditedDevices.hikvisionCamera());
            id = audits.start(
                    officer,
                    body.id(),
                    "127.86.0.2",
                    new io.camaudit.capability.engine.AuditCredentials(
                            AuditedDevices.USER, AuditedDevices.HIKVISION_PASSWORD));
            assertThat(audits.await(id, Duration.ofMinutes(1))).isTrue();
        }
        assertThat(audits.results(officer, id))
                .singleElement()
                .satisfies(r -> assertThat(r.detail().access()).isEqualTo("with the credentials given"));
        assertThat(audits.credentials(officer, body.id())).isEmpty();
        assertThat(jdbc.queryForList(
                        "select after_state from audit_event where entity_type = 'capability_audit' and entity_id = ?",
                        String.class,
                        id))
                .singleElement()
                .satisfies(after -> assertThat(after)
                        .contains("audit for this audit only")
                        .doesNotContain(AuditedDevices.HIKVISION_PASSWORD));
    }

    @Test
    void aScheduledAuditRunsOnceWhenDueAndMovesOn() throws Exception {
        Organisation body = estates.organisation("Scheduled Borough");
        Viewer officer = Estates.officerOf(body);
        assertThatThrownBy(() -> audits.setSchedule(officer, body.id(), 30, null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("No network ranges are permitted");
        surveys.setPermit(Estates.ADMIN, body.id(), "127.84.0.0/30");
        audits.setSchedule(officer, body.id(), 30, null);
        assertThat(audits.schedule(officer, body.id()).orElseThrow().everyDays())
                .isEqualTo(30);
        assertThat(audits.runDue()).as("not due for 30 days").isZero();
        Instant due = Instant.parse("2020-01-01T00:00:00Z");
        jdbc.update(
                "update capability_schedule set next_run_at = ? where organisation_id = ?",
                java.sql.Timestamp.from(due),
                body.id());
        assertThat(audits.runDue()).isEqualTo(1);
        assertThat(audits.runDue()).as("claimed: it does not run twice").isZero();
        assertThat(audits.schedule(officer, body.id()).orElseThrow().nextRunAt())
                .isAfter(Instant.now());
        AuditView scheduled = audits.audits(officer, body.id()).get(0);
        assertThat(scheduled.startedBy()).isEqualTo("scheduler");
        assertThat(audits.await(scheduled.id(), Duration.ofMinutes(1))).isTrue();
        audits.setSchedule(officer, body.id(), 0, null);
        assertThat(audits.schedule(officer, body.id())).isEmpty();
    }

    private static ResultDetail.FeatureRow feature(ResultView result, String feature) {
        return result.detail().features().stream()
                .filter(f -> f.feature().equals(feature))
                .findFirst()
                .orElseThrow();
    }
}
