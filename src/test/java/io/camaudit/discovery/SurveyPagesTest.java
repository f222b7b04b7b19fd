package io.camaudit.discovery;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.camaudit.discovery.testbed.Devices;
import io.camaudit.discovery.testbed.TestBed;
import io.camaudit.register.Organisation;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The survey pages and API as an administrator and an officer use them. */
@IntegrationTest
class SurveyPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Surveys surveys;

    @Autowired
    Estates estates;

    @Test
    void anAdministratorPermitsRangesAndAnOfficerSurveysThemFromThePages() throws Exception {
        assumeTrue(TestBed.canBindLowPorts(), TestBed.WHY_SKIPPED);
        Organisation body = estates.organisation("Pages Borough");
        Viewer officer = Estates.officerOf(body);
        String list = "/organisations/" + body.id() + "/surveys";

        Document empty = page(get(list), officer);
        assertThat(empty.select("#no-permit")).hasSize(1);
        assertThat(empty.select("#start")).isEmpty();
        assertThat(status(
                        post("/organisations/" + body.id() + "/survey-permit").param("ranges", "127.83.0.0/24"),
                        officer))
                .isEqualTo(403);
        MockHttpServletResponse bad = mvc.perform(post("/organisations/" + body.id() + "/survey-permit")
                        .param("ranges", "127.83.0.1/24")
                        .with(as(Estates.ADMIN))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(Jsoup.parse(bad.getContentAsString()).select("#ranges-error").text())
                .contains("host bits are set");
        assertThat(status(
                        post("/organisations/" + body.id() + "/survey-permit").param("ranges", "127.83.0.0/24"),
                        Estates.ADMIN))
                .isEqualTo(302);

        Document form = page(get(list), officer);
        assertThat(form.select("#permit").text()).isEqualTo("127.83.0.0/24");
        MockHttpServletResponse refused = mvc.perform(post(list)
                        .param("scope", "127.84.0.0/30")
                        .param("rate", "300")
                        .param("concurrency", "8")
                        .param("username", "survey")
                        .param("password", "s3cret-Pa55")
                        .with(as(officer))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        Document error = Jsoup.parse(refused.getContentAsString());
        assertThat(error.select("#scope-error").text()).contains("beyond the ranges permitted");
        assertThat(refused.getContentAsString()).doesNotContain("s3cret");

        try (TestBed bed = new TestBed()) {
            bed.add("127.83.0.2", Devices.amcrestCamera());
            MockHttpServletResponse started = mvc.perform(post(list)
                            .param("scope", "127.83.0.0/30")
                            .param("rate", "1000")
                            .param("concurrency", "8")
                            .with(as(officer))
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(started.getStatus()).isEqualTo(302);
            long id = Long.parseLong(started.getRedirectedUrl().replace("/surveys/", ""));
            assertThat(surveys.await(id, Duration.ofMinutes(1))).isTrue();

            Document results = page(get("/surveys/" + id), officer);
            assertThat(results.select("#status").text()).contains("Finished");
            assertThat(results.text())
                    .contains("Sold as Amcrest, made by Dahua (relabelled)")
                    .contains("Not in the register");
            String hostId = results.select("[id^=accept-]").attr("id").replace("accept-", "");
            assertThat(status(post("/surveys/" + id + "/hosts/" + hostId + "/accept"), officer))
                    .isEqualTo(302);
            assertThat(page(get("/surveys/" + id), officer).text()).contains("Accepted");

            String json = mvc.perform(get("/api/v1/surveys/" + id).with(as(officer)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(json).contains("\"decision\":\"ACCEPTED\"").contains("\"maker\":\"Dahua\"");
        }
        assertThat(mvc.perform(put("/api/v1/organisations/" + body.id() + "/survey-permit")
                                .with(as(officer))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"ranges\":\"0.0.0.0/0\"}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    private Document page(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Viewer viewer)
            throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(as(viewer))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private int status(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Viewer viewer)
            throws Exception {
        return mvc.perform(request.with(as(viewer)).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
    }
}
