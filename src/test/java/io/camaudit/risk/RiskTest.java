package io.camaudit.risk;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.camaudit.capability.CapabilityAudits;
import io.camaudit.discovery.Surveys;
import io.camaudit.discovery.testbed.AuditedDevices;
import io.camaudit.discovery.testbed.TestBed;
import io.camaudit.egress.EgressMonitor;
import io.camaudit.egress.engine.TestCaptures;
import io.camaudit.intel.Annotator;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceDraft;
import io.camaudit.register.DeviceFacts;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.IpAddress;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.register.SiteDraft;
import io.camaudit.register.SiteKind;
import io.camaudit.risk.engine.RiskModel;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Each device's risk from what camaudit knows of it, with the factors behind the score. */
@IntegrationTest
class RiskTest {

    @Autowired
    Risks risks;

    @Autowired
    Register register;

    @Autowired
    Estates estates;

    @Autowired
    Annotator annotator;

    @Autowired
    EgressMonitor egress;

    @Autowired
    CapabilityAudits audits;

    @Autowired
    Surveys surveys;

    @Autowired
    MockMvc mvc;

    @Test
    void aListedCameraAtASensitiveSchoolPhoningHomeScoresHighWithEveryFactorShown() throws Exception {
        Organisation body = estates.organisation("Risky Council");
        Viewer officer = Estates.officerOf(body);
        long school = register.createSite(
                        officer, body.id(), new SiteDraft("High School", null, null, SiteKind.SCHOOL, true))
                .id();
        Device dahua = register.createDevice(
                officer,
                body.id(),
                new DeviceDraft(
                        school,
                        null,
                        new DeviceFacts(
                                "Dahua",
                                null,
                                "IPC-HDW3441T-ZAS",
                                null,
                                null,
                                null,
                                IpAddress.of("10.20.0.5"),
                                null,
                                Set.of(),
                                DeviceStatus.IN_SERVICE,
                                null,
                                null)));
        Device axis = estates.camera(officer, body, "Axis", "P3245-V", "10.20.0.6", Set.of());
        Device hikvision = estates.camera(officer, body, "Hikvision", "DS-2CD2143G0-I", "127.87.0.1", Set.of());
        assertThat(annotator.awaitIdle(Duration.ofSeconds(30))).isTrue();
        egress.setNetworks(officer, body.id(), "10.20.0.0/16", "");
        egress.ingest(
                officer, body.id(), "cameras.pcap", new ByteArrayInputStream(TestCaptures.cameraPhoningHome(100)));
        boolean audited = TestBed.canBindLowPorts();
        if (audited) {
            surveys.setPermit(Estates.ADMIN, body.id(), "127.87.0.0/30");
            audits.addCredential(
                    officer, body.id(), null, hikvision.id(), AuditedDevices.USER, AuditedDevices.HIKVISION_PASSWORD);
            try (TestBed bed = new TestBed()) {
                bed.add("127.87.0.1", AuditedDevices.hikvisionCamera());
                long audit = audits.start(officer, body.id(), "127.87.0.1");
                assertThat(audits.await(audit, Duration.ofMinutes(2))).isTrue();
            }
        }

        Risks.BodyRisk risk = risks.of(officer, body.id());
        Risks.DeviceRisk first = risk.devices().get(0);
        assertThat(first.deviceId()).isEqualTo(dahua.id());
        assertThat(first.score().score()).isEqualTo(100);
        assertThat(first.score().band()).isEqualTo(RiskModel.Band.HIGH);
        assertThat(first.score().factors())
                .extracting(a -> a.factor().id())
                .containsExactlyInAnyOrder(
                        "maker-listed",
                        "policy-ineligible",
                        "site-sensitive",
                        "site-school",
                        "egress-open",
                        "egress-high");
        assertThat(first.score().factors())
                .filteredOn(a -> a.factor().id().equals("egress-high"))
                .singleElement()
                .satisfies(a -> assertThat(a.evidence()).contains("203.0.113.7"));
        assertThat(risk.devices())
                .filteredOn(d -> d.deviceId() == axis.id())
                .singleElement()
                .satisfies(d -> assertThat(d.score().band()).isEqualTo(RiskModel.Band.NONE));
        if (audited) {
            assertThat(risk.devices())
                    .filteredOn(d -> d.deviceId() == hikvision.id())
                    .singleElement()
                    .satisfies(d -> assertThat(d.score().factors())
                            .extracting(a -> a.factor().id())
                            .contains("maker-listed", "audio-on", "face-present", "cloud-on")
                            .doesNotContain("face-on"));
        }
        // A device's own page scores that device alone, the same as the body's page does.
        for (Risks.DeviceRisk d : risk.devices()) {
            assertThat(risks.ofDevice(officer, body.id(), d.deviceId())).contains(d);
        }
        assertThat(risk.body().score()).isEqualTo(100);
        if (audited) {
            io.camaudit.capability.CapabilityAudits.NationalCapabilities national =
                    audits.national(new Viewer("commissioner-office", io.camaudit.shared.Role.AUDITOR, null));
            assertThat(national.bodies()).isPositive();
            assertThat(national.devices().cloudOn()).isPositive();
            assertThatThrownBy(() -> audits.national(officer))
                    .isInstanceOf(io.camaudit.shared.ForbiddenException.class);
            assertThat(mvc.perform(get("/review")
                                    .with(as(new Viewer("commissioner-office", io.camaudit.shared.Role.AUDITOR, null))))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("Cloud link switched on");
        }
        assertThat(risk.sites()).first().satisfies(s -> {
            assertThat(s.name()).isEqualTo("High School");
            assertThat(s.band()).isEqualTo(RiskModel.Band.HIGH);
        });

        String page = mvc.perform(get("/organisations/" + body.id() + "/risk").with(as(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("+35").contains("The device is at a site the body marked sensitive");
        String device = mvc.perform(get("/devices/" + dahua.id()).with(as(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(device).contains("100 of 100 (high)");
        Viewer stranger = Estates.officerOf(estates.organisation("Unrisky Council"));
        assertThatThrownBy(() -> risks.of(stranger, body.id())).isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(get("/api/v1/organisations/" + body.id() + "/risk")
                                .with(as(stranger)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theFactorsFileIsCheckedLineByLine() throws Exception {
        assertThat(RiskModel.bundled().factors())
                .hasSize(13)
                .allMatch(f -> f.source().startsWith("https://"));
        assertThatThrownBy(() -> RiskModel.read(
                        new ByteArrayInputStream("id,weight,title,source\nmaker-listed,lots,x,https://x\n".getBytes())))
                .hasMessage("risk factors line 2: the weight is not a number");
        assertThatThrownBy(() -> RiskModel.read(
                        new ByteArrayInputStream("id,weight,title,source\nmade-up,5,x,https://x\n".getBytes())))
                .hasMessage("risk factors line 2: no factor made-up");
        RiskModel.Score none = RiskModel.bundled().score(java.util.Map.of());
        assertThat(none.band()).isEqualTo(RiskModel.Band.NONE);
        assertThat(RiskModel.bundled()
                        .score(java.util.Map.of("site-school", "a school", "face-present", "dormant"))
                        .band())
                .isEqualTo(RiskModel.Band.LOW);
    }
}
