package io.camaudit.diligence;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.camaudit.register.Organisation;
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

/** The due-diligence pages as an officer and an administrator use them, through their forms. */
@IntegrationTest
class DiligencePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Estates estates;

    @Autowired
    Diligence diligence;

    @Autowired
    Questionnaires questionnaires;

    private Document page(String path, Viewer viewer) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as(viewer))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @Test
    void anOfficerAddsASupplierSendsARequestAndReadsItsPage() throws Exception {
        Organisation body = estates.organisation("Pages Borough");
        Viewer officer = Estates.officerOf(body);
        MvcResult added = mvc.perform(post("/diligence/suppliers")
                        .with(as(officer))
                        .with(csrf())
                        .param("name", "Pages Supplier Ltd")
                        .param("company", "dahua")
                        .param("contactName", "Pat")
                        .param("email", "pat@pages.example"))
                .andReturn();
        String supplierPage = added.getResponse().getRedirectedUrl();
        assertThat(supplierPage).startsWith("/diligence/suppliers/");
        assertThat(page(supplierPage, officer).select("#supplier").text())
                .contains("Dahua")
                .contains("pat@pages.example");
        MvcResult refused = mvc.perform(post("/diligence/suppliers")
                        .with(as(officer))
                        .with(csrf())
                        .param("name", "No Mail Ltd")
                        .param("email", "not-an-address"))
                .andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("problem"))).contains("correct format");

        Document form = page("/diligence/requests/new", officer);
        assertThat(form.select("#onBehalfOf option"))
                .as("an officer asks for its own body only")
                .extracting(o -> o.text())
                .containsExactly(body.name());
        long supplier = Long.parseLong(supplierPage.substring(supplierPage.lastIndexOf('/') + 1));
        MvcResult sent = mvc.perform(post("/diligence/requests")
                        .with(as(officer))
                        .with(csrf())
                        .param("supplier", String.valueOf(supplier))
                        .param(
                                "questionnaire",
                                String.valueOf(questionnaires.current().get(0).id()))
                        .param("onBehalfOf", String.valueOf(body.id()))
                        .param("askedOn", LocalDate.now().toString())
                        .param("deadline", LocalDate.now().plusDays(3).toString())
                        .param("access", "LINK"))
                .andReturn();
        assertThat(String.valueOf(sent.getFlashMap().get("problem"))).contains("between 7 and 366 days");
        sent = mvc.perform(post("/diligence/requests")
                        .with(as(officer))
                        .with(csrf())
                        .param("supplier", String.valueOf(supplier))
                        .param(
                                "questionnaire",
                                String.valueOf(questionnaires.current().get(0).id()))
                        .param("onBehalfOf", String.valueOf(body.id()))
                        .param("deadline", LocalDate.now().plusDays(21).toString())
                        .param("access", "LINK")
                        .param("published", "true"))
                .andReturn();
        String requestPage = sent.getResponse().getRedirectedUrl();
        assertThat(requestPage).startsWith("/diligence/requests/");
        Document request = page(requestPage, officer);
        assertThat(request.select("#state").text()).isEqualTo("Outstanding");
        assertThat(request.select("#standing").text())
                .startsWith("asked on " + LocalDate.now() + "; outstanding for 0 days");
        MvcResult link = mvc.perform(
                        post(requestPage + "/link").with(as(officer)).with(csrf()))
                .andReturn();
        assertThat(Jsoup.parse(link.getResponse().getContentAsString())
                        .select("#link")
                        .text())
                .startsWith("http://localhost:8080/respond/");
        assertThat(page("/diligence", officer).select("#requests").text()).contains("Pages Supplier Ltd");
        assertThat(page("/diligence/suppliers", officer).select("#suppliers").text())
                .contains("Pages Supplier Ltd");
        Document list = page("/diligence/questionnaires", officer);
        assertThat(list.select("#questionnaires").text()).contains("surveillance-supplier");
        String questionnaire = list.select("#questionnaires a").first().attr("href");
        assertThat(page(questionnaire, officer).text())
                .contains("Uyghur internment camps")
                .contains("Rubric:");
        assertThat(mvc.perform(get("/diligence/questionnaires/new").with(as(officer)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("only an administrator changes questionnaires")
                .isEqualTo(403);
    }

    @Test
    void anAdministratorStoresANewVersionAndABrokenOneIsNamedProblemByProblem() throws Exception {
        long first = questionnaires.current().stream()
                .filter(q -> q.code().equals("surveillance-supplier"))
                .findFirst()
                .orElseThrow()
                .id();
        String json = questionnaires.json(first);
        Document form = page("/diligence/questionnaires/new?from=" + first, Estates.ADMIN);
        assertThat(form.select("#json").text()).contains("\"code\": \"surveillance-supplier\"");
        MvcResult same = mvc.perform(post("/diligence/questionnaires")
                        .with(as(Estates.ADMIN))
                        .with(csrf())
                        .param("json", json))
                .andReturn();
        assertThat(Jsoup.parse(same.getResponse().getContentAsString())
                        .select("#problem")
                        .text())
                .contains("This would be version 2 of surveillance-supplier");
        MvcResult broken = mvc.perform(post("/diligence/questionnaires")
                        .with(as(Estates.ADMIN))
                        .with(csrf())
                        .param(
                                "json",
                                json.replace("\"version\": 1", "\"version\": 2").replace("\"YES_NO\"", "\"MAYBE\"")))
                .andReturn();
        assertThat(Jsoup.parse(broken.getResponse().getContentAsString())
                        .select("#problem")
                        .text())
                .contains("question ownership-state: type \"MAYBE\" is not one of YES_NO, CHOICE, TEXT, FILE");
        MvcResult stored = mvc.perform(post("/diligence/questionnaires")
                        .with(as(Estates.ADMIN))
                        .with(csrf())
                        .param("json", json.replace("\"version\": 1", "\"version\": 2")))
                .andReturn();
        assertThat(stored.getResponse().getRedirectedUrl()).startsWith("/diligence/questionnaires/");
        assertThat(questionnaires.current())
                .filteredOn(q -> q.code().equals("surveillance-supplier"))
                .singleElement()
                .satisfies(q -> assertThat(q.version()).isEqualTo(2));
        assertThat(questionnaires.json(first))
                .as("a stored version never changes")
                .isEqualTo(json);
    }
}
