package io.camaudit.capability;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.camaudit.discovery.Surveys;
import io.camaudit.discovery.testbed.AuditedDevices;
import io.camaudit.discovery.testbed.TestBed;
import io.camaudit.register.Organisation;
import io.camaudit.shared.Role;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The capability pages and API as an officer and an auditor use them. */
@IntegrationTest
class CapabilityPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CapabilityAudits audits;

    @Autowired
    Surveys surveys;

    @Autowired
    Estates estates;

    @Test
    void anOfficerGivesAnAccountAuditsAndReadsTheMatrixWithItsEvidence() throws Exception {
        assumeTrue(TestBed.canBindLowPorts(), TestBed.WHY_SKIPPED);
        Organisation body = estates.organisation("Capability Pages Borough");
        Viewer officer = Estates.officerOf(body);
        Viewer auditor = new Viewer("auditor", Role.AUDITOR, null);
        String list = "/organisations/" + body.id() + "/capabilities";
        surveys.setPermit(Estates.ADMIN, body.id(), "127.85.0.0/29");

        Document empty = page(get(list), officer);
        assertThat(empty.select("#summary").text()).isEqualTo("No device has been audited yet.");
        assertThat(empty.select("h1").text()).isEqualTo("What the cameras can do, and what is switched on");

        assertThat(redirect(
                        post(list + "/accounts")
                                .param("appliesTo", "body")
                                .param("username", AuditedDevices.USER)
                                .param("password", ""),
                        officer))
                .endsWith("#accounts");
        Document refused = pageAfter(list, officer);
        assertThat(refused.select("#account-error").text()).contains("Enter the device password");
        redirect(
                post(list + "/accounts")
                        .param("appliesTo", "body")
                        .param("username", AuditedDevices.USER)
                        .param("password", AuditedDevices.HIKVISION_PASSWORD),
                officer);
        Document withAccount = page(get(list), officer);
        assertThat(withAccount.select("#account-list td").eachText()).contains("every device", AuditedDevices.USER);
        assertThat(withAccount.html()).doesNotContain(AuditedDevices.HIKVISION_PASSWORD);
        assertThat(status(post(list + "/audits"), auditor)).isEqualTo(403);

        try (TestBed bed = new TestBed()) {
            bed.add("127.85.0.2", AuditedDevices.hikvisionCamera());
            String location = redirect(post(list + "/audits").param("scope", "127.85.0.0/29"), officer);
            long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            assertThat(audits.await(id, Duration.ofMinutes(2))).isTrue();
            Document audit = page(get("/capability-audits/" + id), officer);
            assertThat(audit.select("#status").text()).isEqualTo("Done");
            assertThat(audit.select("#results td").eachText())
                    .anyMatch(t -> t.contains("Cloud link (vendor platform or P2P): Switched on"))
                    .contains("First audit");
            String resultLink = audit.select("#results a").first().attr("href");
            Document result = page(get(resultLink), officer);
            assertThat(result.select("#matrix").text())
                    .contains("Face detection and capture")
                    .contains("Present, switched off")
                    .contains("EZVIZ/enabled = true");
            assertThat(result.select("#vulnerabilities").text())
                    .contains("CVE-2021-36260")
                    .contains("Likely affected");
            assertThat(result.select("#documents").text()).contains("GET /ISAPI/System/Network/EZVIZ (HTTP 80)");
            assertThat(result.html()).doesNotContain(AuditedDevices.HIKVISION_PASSWORD);
            Document auditorView = page(get(resultLink), auditor);
            assertThat(auditorView.select("#matrix")).hasSize(1);
        }
        Document after = page(get(list), officer);
        assertThat(after.select("#summary").text())
                .startsWith("1 device audited: 1 with face recognition or detection present, 0 switched on");
        Document organisation = page(get("/organisations/" + body.id()), officer);
        assertThat(organisation.select("#notes").text())
                .contains("Capabilities")
                .contains("1 device audited");

        redirect(post(list + "/schedule").param("everyDays", "x"), officer);
        assertThat(pageAfter(list, officer).select("#everyDays-error").text()).contains("whole number");
        redirect(post(list + "/schedule").param("everyDays", "30"), officer);
        assertThat(page(get(list), officer).select("#schedule-now").text()).startsWith("Every 30 days");

        String json = mvc.perform(get("/api/v1/organisations/" + body.id() + "/capabilities")
                        .with(as(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).contains("\"sentence\":\"1 device audited").doesNotContain(AuditedDevices.HIKVISION_PASSWORD);
        String accounts = mvc.perform(get("/api/v1/organisations/" + body.id() + "/device-accounts")
                        .with(as(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(accounts)
                .contains(AuditedDevices.USER)
                .doesNotContain("password")
                .doesNotContain("cipher");
        assertThat(mvc.perform(post("/api/v1/organisations/" + body.id() + "/capability-audits")
                                .with(as(officer))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"scope\":\"10.0.0.1\"}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
    }

    private Document page(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(as(viewer))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    /** What the last redirect left for the next page (MockMvc does not carry it over by itself). */
    private java.util.Map<String, Object> flash = java.util.Map.of();

    private String redirect(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
        org.springframework.test.web.servlet.MvcResult result =
                mvc.perform(request.with(as(viewer)).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        flash = new java.util.HashMap<>(result.getFlashMap());
        return result.getResponse().getRedirectedUrl();
    }

    private Document pageAfter(String path, Viewer viewer) throws Exception {
        return page(get(path).flashAttrs(flash), viewer);
    }

    private int status(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
        return mvc.perform(request.with(as(viewer)).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
    }
}
