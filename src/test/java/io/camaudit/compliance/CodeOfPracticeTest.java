package io.camaudit.compliance;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.camaudit.register.Organisation;
import io.camaudit.register.Procurement;
import io.camaudit.register.Register;
import io.camaudit.register.SystemDraft;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A body self-assesses a camera system against the code's twelve principles, with evidence and an action plan. */
@IntegrationTest
class CodeOfPracticeTest {

    @Autowired
    CodeOfPractice code;

    @Autowired
    Register register;

    @Autowired
    Estates estates;

    @Autowired
    MockMvc mvc;

    @Test
    void anOfficerAnswersTheTwelvePrinciplesCompletesPlansAndIsReminded() throws Exception {
        Organisation body = estates.organisation("Assessed Council");
        Viewer officer = Estates.officerOf(body);
        long system = register.createSystem(
                        officer,
                        body.id(),
                        new SystemDraft("Town centre CCTV", null, null, null, null, Procurement.none()))
                .id();
        assertThat(code.reminders(officer, body.id()))
                .containsExactly("Town centre CCTV: not yet assessed against the Code of Practice");

        MvcResult begun = mvc.perform(post("/systems/" + system + "/compliance")
                        .with(as(officer))
                        .with(csrf()))
                .andReturn();
        String page = begun.getResponse().getRedirectedUrl();
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        CodeOfPractice.Assessment a = code.assessment(officer, id);
        assertThat(a.principles()).hasSize(12);
        assertThat(a.principles().get(0).quote()).contains("specified purpose which is in pursuit of a legitimate aim");
        Document form = Jsoup.parse(mvc.perform(get(page).with(as(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(form.select("h2[id^=principle-]")).hasSize(12);
        assertThat(form.select("#review-day, #review-month, #review-year")).hasSize(3);
        assertThat(form.select("#review-year").val())
                .isEqualTo(String.valueOf(LocalDate.now().getYear() + 1));

        MvcResult forged = mvc.perform(post(page).with(as(officer)).with(csrf()).param("answer-purpose-1", "Maybe"))
                .andReturn();
        assertThat(String.valueOf(forged.getFlashMap().get("problem")))
                .contains("\"Maybe\" is not an answer to purpose-1");
        MvcResult early = mvc.perform(post(page)
                        .with(as(officer))
                        .with(csrf())
                        .param("answer-purpose-1", "Yes")
                        .param("action", "complete")
                        .params(io.camaudit.support.DateBoxes.of(
                                "review", LocalDate.now().plusYears(1))))
                .andReturn();
        assertThat(String.valueOf(early.getFlashMap().get("problem")))
                .startsWith("Answer every principle's questions before completing: ")
                .contains("privacy-1");

        MockHttpServletRequestBuilder all = post(page).with(as(officer)).with(csrf());
        for (CodeOfPractice.Principle p : a.principles()) {
            for (CodeOfPractice.Answered q : p.questions()) {
                all.param("answer-" + q.question().id(), q.question().id().equals("security-1") ? "No" : "Yes");
                all.param("answer-" + q.question().id() + "-evidence", "Policy document, " + LocalDate.now());
            }
        }
        mvc.perform(all.param("action", "complete")
                        .params(io.camaudit.support.DateBoxes.of(
                                "review", LocalDate.now().plusYears(1))))
                .andReturn();
        CodeOfPractice.Assessment done = code.assessment(officer, id);
        assertThat(done.status()).isEqualTo("COMPLETE");
        assertThat(done.reviewDate()).isEqualTo(LocalDate.now().plusYears(1));
        assertThat(done.scores().scored()).isEqualTo(done.scores().max() - 2);
        assertThat(done.principles().get(8).questions().get(0).evidence()).startsWith("Policy document");
        assertThatThrownBy(() -> code.save(officer, id, java.util.Map.of("purpose-1", "No"), null))
                .hasMessageContaining("is complete");

        mvc.perform(post(page + "/actions")
                        .with(as(officer))
                        .with(csrf())
                        .param("principle", "security")
                        .param("text", "Block the cameras' cloud links at the firewall")
                        .param("owner", "IT security")
                        .params(io.camaudit.support.DateBoxes.of(
                                "due", LocalDate.now().plusMonths(1))))
                .andReturn();
        CodeOfPractice.ActionView action =
                code.assessment(officer, id).actions().get(0);
        assertThat(action.principle()).isEqualTo("security");
        mvc.perform(post("/compliance-actions/" + action.id() + "/done")
                        .with(as(officer))
                        .with(csrf())
                        .param("assessment", String.valueOf(id)))
                .andReturn();
        assertThat(code.assessment(officer, id).actions().get(0).doneOn()).isEqualTo(LocalDate.now());
        assertThat(code.reminders(officer, body.id())).isEmpty();

        // Reviewing again begins a new draft; the body's page reminds of it.
        code.begin(officer, system);
        assertThat(code.reminders(officer, body.id()))
                .containsExactly("Town centre CCTV: a self-assessment was begun and not completed");
        String organisationPage = mvc.perform(get("/organisations/" + body.id()).with(as(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(organisationPage)
                .contains("Code of Practice")
                .contains("a self-assessment was begun and not completed");

        Viewer auditor = new Viewer("commissioner-office", Role.AUDITOR, null);
        assertThat(code.assessment(auditor, id).status()).isEqualTo("COMPLETE");
        assertThat(mvc.perform(post(page + "/actions")
                                .with(as(auditor))
                                .with(csrf())
                                .param("principle", "security"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        Viewer stranger = Estates.officerOf(estates.organisation("Unassessed Council"));
        assertThatThrownBy(() -> code.assessment(stranger, id)).isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(get(page).with(as(stranger)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/systems/" + system + "/compliance")
                                .with(as(stranger))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }
}
