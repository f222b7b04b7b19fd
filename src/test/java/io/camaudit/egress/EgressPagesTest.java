package io.camaudit.egress;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.camaudit.egress.engine.TestCaptures;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The egress pages, exports and API as an officer and an auditor use them. */
@IntegrationTest
class EgressPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Register register;

    @Autowired
    Estates estates;

    @Test
    void anOfficerHandsInACaptureReadsTheAlertsExportsAndDecidesOne() throws Exception {
        Organisation body = estates.organisation("Egress Pages Borough");
        Viewer officer = Estates.officerOf(body);
        Viewer auditor = new Viewer("auditor", Role.AUDITOR, null);
        long device = estates.camera(officer, body, "Dahua", "IPC-HDW3441T-ZAS", "10.20.0.5", Set.of())
                .id();
        String page = "/organisations/" + body.id() + "/egress";
        assertThat(page(get(page), officer).select("#no-alerts")).hasSize(1);

        MvcResult networks = mvc.perform(post(page + "/networks")
                        .param("own", "10.20.0.0/16")
                        .param("allowed", "")
                        .with(as(officer))
                        .with(csrf()))
                .andReturn();
        assertThat(networks.getResponse().getStatus()).isEqualTo(302);
        MockMultipartFile file = new MockMultipartFile(
                "file", "cameras.pcap", "application/octet-stream", TestCaptures.cameraPhoningHome(100));
        assertThat(mvc.perform(multipart(page + "/files")
                                .file(file)
                                .with(as(auditor))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        MvcResult upload = mvc.perform(
                        multipart(page + "/files").file(file).with(as(officer)).with(csrf()))
                .andReturn();
        assertThat(upload.getResponse().getStatus()).isEqualTo(302);
        assertThat(String.valueOf(upload.getFlashMap().get("notice")))
                .startsWith("cameras.pcap (pcap or pcapng capture): 2 flows, 1 from registered devices, 3 alerts,"
                        + " 3 of them new or opened again.");

        Document list = page(get(page), officer);
        assertThat(list.select("#alerts td").eachText())
                .anyMatch(t -> t.contains("to www.easy4ipcloud.com (203.0.113.7) port UDP 8800"));
        assertThat(list.select("#geo-data").text()).isNotBlank();
        String alertLink = list.select("#alerts a").first().attr("href");
        Document alert = page(get(alertLink), auditor);
        assertThat(alert.select("#evidence li")).isNotEmpty();
        assertThat(alert.select("form[action$=decision]"))
                .as("an auditor reads and decides nothing")
                .isEmpty();

        MvcResult decided = mvc.perform(post(alertLink + "/decision")
                        .param("status", "ACKNOWLEDGED")
                        .param("comment", "Installer asked to switch P2P off")
                        .with(as(officer))
                        .with(csrf()))
                .andReturn();
        assertThat(decided.getResponse().getRedirectedUrl()).isEqualTo(alertLink);
        assertThat(page(get(alertLink), officer).select("#status").text())
                .startsWith("Acknowledged: Installer asked to switch P2P off");

        String csv = text(get(page + "/alerts.csv"), officer);
        assertThat(csv).startsWith("id,status,severity,rule,device,destination").contains("www.easy4ipcloud.com");
        String jsonl = text(get(page + "/alerts.jsonl"), officer);
        assertThat(jsonl.lines()).hasSize(3).allMatch(l -> l.startsWith("{\"id\":"));
        String syslog = text(get(page + "/alerts.syslog"), officer);
        assertThat(syslog.lines())
                .hasSize(3)
                .anyMatch(l -> l.startsWith("<34>1 ") && l.contains("rule=\"vendor-service\""));
        Document devicePage = page(get("/devices/" + device), officer);
        assertThat(devicePage.select("#notes").text()).contains("Outbound traffic");
        long site = register.createSite(
                        officer,
                        body.id(),
                        new io.camaudit.register.SiteDraft(
                                "Depot", null, null, io.camaudit.register.SiteKind.OFFICE, false))
                .id();
        assertThat(page(get("/sites/" + site), officer).select("#notes"))
                .as("no camera of this site reached out")
                .isEmpty();
        Document organisation = page(get("/organisations/" + body.id()), officer);
        assertThat(organisation.select("#notes").text())
                .contains("Outbound traffic")
                .contains("open");

        String api = text(get("/api/v1/organisations/" + body.id() + "/egress-alerts?status=ACKNOWLEDGED"), officer);
        assertThat(api).contains("\"status\":\"ACKNOWLEDGED\"").contains("\"comment\":\"Installer asked");
    }

    private Document page(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(as(viewer))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private String text(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(as(viewer))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
