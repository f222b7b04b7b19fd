package io.camaudit.remediation;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.camaudit.intel.Annotator;
import io.camaudit.intel.engine.Verdict;
import io.camaudit.register.Device;
import io.camaudit.register.Organisation;
import io.camaudit.remediation.engine.ActionKind;
import io.camaudit.remediation.engine.ActionStatus;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A body plans what to do about its flagged cameras, moves each action on, and sees its progress. */
@IntegrationTest
class RemediationTest {

    @Autowired
    Remediation remediation;

    @Autowired
    Estates estates;

    @Autowired
    Annotator annotator;

    @Autowired
    MockMvc mvc;

    @Test
    void anOfficerPlansReplacesAndSeesProgressWhileOthersOnlyReadOrSeeNothing() throws Exception {
        Organisation body = estates.organisation("Remedial Council");
        Viewer officer = Estates.officerOf(body);
        Device hikvision = estates.camera(officer, body, "Hikvision", "DS-2CD2143G0-I", "10.5.0.1", Set.of());
        estates.camera(officer, body, "Axis", "P3245-V", "10.5.0.2", Set.of());
        assertThat(annotator.awaitIdle(Duration.ofSeconds(30))).isTrue();

        Remediation.Plan plan = remediation.plan(officer, body.id());
        assertThat(plan.flagged())
                .as("the Hikvision camera, not the Axis one")
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.deviceId()).isEqualTo(hikvision.id());
                    assertThat(f.verdict()).isEqualTo(Verdict.INELIGIBLE);
                    assertThat(f.reasons()).anyMatch(r -> r.contains("FCC Covered List"));
                    assertThat(f.action()).isNull();
                });

        MvcResult added = mvc.perform(post("/organisations/" + body.id() + "/remediation/actions")
                        .with(as(officer))
                        .with(csrf())
                        .param("device", String.valueOf(hikvision.id()))
                        .param("action", "REPLACE")
                        .param("owner", "Estates manager")
                        .params(io.camaudit.support.DateBoxes.of(
                                "target", LocalDate.now().plusMonths(3)))
                        .param("cost", "£1,250.50"))
                .andReturn();
        assertThat(added.getFlashMap().get("notice")).isEqualTo("The action is planned.");
        Remediation.ActionView action =
                remediation.plan(officer, body.id()).actions().get(0);
        assertThat(action.action()).isEqualTo(ActionKind.REPLACE);
        assertThat(action.costPence()).isEqualTo(125_050);
        assertThat(action.cost()).isEqualTo("£1,250.50");
        assertThatThrownBy(() -> remediation.add(
                        officer, hikvision.id(), ActionKind.REMOVE, null, "x", LocalDate.now(), null, null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already has an action under way");
        MvcResult missing = mvc.perform(post("/organisations/" + body.id() + "/remediation/actions")
                        .with(as(officer))
                        .with(csrf())
                        .param("device", String.valueOf(hikvision.id()))
                        .param("action", "DISABLE_CAPABILITY")
                        .param("owner", "x")
                        .param("target-day", "30")
                        .param("target-month", "2")
                        .param("target-year", "2027"))
                .andReturn();
        assertThat(String.valueOf(missing.getFlashMap().get("problem")))
                .isEqualTo("The target date must be a real date, like 31 3 2027");

        remediation.update(
                officer, action.id(), ActionStatus.IN_PROGRESS, "Ordered the Axis replacement", action.version());
        assertThatThrownBy(() -> remediation.update(officer, action.id(), ActionStatus.DONE, null, action.version()))
                .as("as the viewer saw it, no longer")
                .isInstanceOf(ConflictException.class);
        remediation.update(officer, action.id(), ActionStatus.DONE, "Replaced on site", action.version() + 1);

        Remediation.Plan done = remediation.plan(officer, body.id());
        assertThat(done.done()).isEqualTo(1);
        assertThat(done.open()).isZero();
        assertThat(done.costPence()).isEqualTo(125_050);
        assertThat(done.progress()).last().satisfies(m -> {
            assertThat(m.month()).isEqualTo(YearMonth.now());
            assertThat(m.planned()).isEqualTo(1);
            assertThat(m.done()).isEqualTo(1);
        });

        Document page = Jsoup.parse(
                mvc.perform(get("/organisations/" + body.id() + "/remediation").with(as(officer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("#flagged-devices").text()).contains("Replace it, Done");
        assertThat(page.select("svg#progress title").text()).isEqualTo("Actions done, month by month");
        assertThat(page.select("#progress tbody tr").last().text())
                .contains(YearMonth.now().toString());
        String device = mvc.perform(get("/devices/" + hikvision.id()).with(as(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(device).contains("Replace it: Done").contains("Owner: Estates manager");
        assertThat(mvc.perform(get("/organisations/" + body.id() + "/remediation.csv")
                                .with(as(officer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Replace it,,Estates manager,")
                .contains(",1250.50,Done,no");

        Viewer auditor = new Viewer("commissioner-office", Role.AUDITOR, null);
        assertThat(remediation.plan(auditor, body.id()).actions()).hasSize(1);
        assertThat(mvc.perform(post("/remediation-actions/" + action.id())
                                .with(as(auditor))
                                .with(csrf())
                                .param("organisation", String.valueOf(body.id()))
                                .param("status", "CANCELLED")
                                .param("version", "2"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        Viewer stranger = Estates.officerOf(estates.organisation("Stranger Council"));
        assertThatThrownBy(() -> remediation.plan(stranger, body.id())).isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(post("/remediation-actions/" + action.id())
                                .with(as(stranger))
                                .with(csrf())
                                .param("organisation", String.valueOf(body.id()))
                                .param("status", "CANCELLED")
                                .param("version", "2"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(remediation.plan(officer, body.id()).actions().get(0).status())
                .isEqualTo(ActionStatus.DONE);
    }
}
