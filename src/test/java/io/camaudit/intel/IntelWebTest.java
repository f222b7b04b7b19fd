package io.camaudit.intel;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camaudit.audit.AuditEvent;
import io.camaudit.audit.AuditLog;
import io.camaudit.register.Organisation;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class IntelWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Estates estates;

    @Autowired
    Intel intel;

    @Autowired
    Policies policies;

    @Autowired
    AuditLog audit;

    Organisation council;
    Viewer officer;

    @BeforeEach
    void setUp() {
        council = estates.organisation("Procurement Council");
        officer = Estates.officerOf(council);
    }

    /** A page, with query parameters as name, value pairs. */
    private Document page(String url, Viewer viewer, String... params) throws Exception {
        var request = get(url).with(as(viewer));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String html = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void anOfficerChecksAProductAndSeesTheVerdictTheMakerAndEachReasonWithItsSources() throws Exception {
        Document empty = page("/check", officer);
        assertThat(empty.select("h1").text()).isEqualTo("Check a supplier");
        assertThat(empty.select("#result")).isEmpty();
        assertThat(empty.select("#policy option[selected]").text())
                .isEqualTo("No listed supplier in any public body (yours)");

        Document result = page("/check", officer, "q", "HiLook IPC-B140H", "policy", "no-listed-supplier");
        assertThat(result.title()).isEqualTo("Check: HiLook IPC-B140H – camaudit");
        assertThat(result.select("#verdict").text()).isEqualTo("Ineligible");
        assertThat(result.select("#verdict").hasClass("govuk-tag--red")).isTrue();
        assertThat(result.select("#maker").text()).isEqualTo("Sold as HiLook, made by Hikvision (a Hikvision brand)");
        assertThat(result.select("#reasons li").first().text())
                .startsWith("Ineligible The maker is on the FCC Covered List.")
                .contains("Sources: FCC Covered List (mirror, 3 Sep 2024)");
        assertThat(result.select("#reasons li a").first().attr("href"))
                .isEqualTo("https://broadband.nebraska.gov/publications/fcc/fcccoveredlist");
        assertThat(result.select("#reasons li a").first().attr("rel")).contains("noopener");
        assertThat(result.select("table caption").text()).isEqualTo("Listings");

        Document axis = page("/check", officer, "q", "Axis P3245-LVE", "sensitive", "true");
        assertThat(axis.select("#verdict").text()).isEqualTo("Eligible");
        assertThat(axis.select("input[type=checkbox][name=sensitive]").hasAttr("checked"))
                .isTrue();
    }

    @Test
    void anEmptyCheckComesBackWithTheGovukErrorPattern() throws Exception {
        Document page = page("/check", officer, "q", " ");
        assertThat(page.title()).isEqualTo("Error: Check a supplier – camaudit");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#q");
        assertThat(page.select(".govuk-error-summary a").text())
                .isEqualTo("Enter a supplier, brand or product to check");
        assertThat(page.select("#q-error").text()).contains("Enter a supplier, brand or product to check");
        assertThat(page.select("#q").attr("aria-describedby")).isEqualTo("q-hint q-error");

        Document policy = page("/check", officer, "q", "Axis", "policy", "made-up");
        assertThat(policy.select(".govuk-error-summary a").attr("href")).isEqualTo("#policy");
    }

    @Test
    void anOrganisationsChoiceOfPolicyIsAuditedAndUsedForItsChecks() throws Exception {
        String before = mvc.perform(get("/api/v1/check").param("q", "Hikvision").with(as(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(before).contains("\"verdict\":\"INELIGIBLE\"").contains("\"policy\":\"no-listed-supplier\"");

        mvc.perform(put("/api/v1/organisations/" + council.id() + "/policy")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"policy\":\"uk-sensitive-sites-2022\"}"))
                .andExpect(status().isOk());
        String after = mvc.perform(get("/api/v1/check").param("q", "Hikvision").with(as(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after).contains("\"verdict\":\"CONDITIONAL\"").contains("\"policy\":\"uk-sensitive-sites-2022\"");
        assertThat(audit.recent(Estates.ADMIN, council.id(), null, 10))
                .extracting(AuditEvent::action)
                .contains("CHOOSE_POLICY");

        Viewer auditor = new Viewer("auditor", Role.AUDITOR, null);
        mvc.perform(put("/api/v1/organisations/" + council.id() + "/policy")
                        .with(as(auditor))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"policy\":\"us-ndaa-889\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/organisations/" + council.id() + "/policy")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"policy\":\"made-up\"}"))
                .andExpect(status().isBadRequest());
        assertThat(policies.policyOf(Estates.ADMIN, council.id()).id()).isEqualTo("uk-sensitive-sites-2022");
    }

    @Test
    void theApiResolvesADeviceAndRefusesABadMac() throws Exception {
        String json = mvc.perform(post("/api/v1/resolve")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"manufacturer\":\"Lorex\",\"model\":\"LNB4321\",\"mac\":\"3C-EF-8C-01-02-03\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json)
                .contains("\"maker\":\"dahua\"")
                .contains("\"path\":\"Sold as Lorex, made by Dahua (relabelled)\"")
                .contains("\"kind\":\"MAC\"");
        mvc.perform(post("/api/v1/resolve")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mac\":\"not a mac\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/check").param("q", "Axis")).andExpect(status().isUnauthorized());
    }

    @Test
    void anOrganisationWritesItsOwnPolicyChoosesItAndItsChecksCiteItsDocument() throws Exception {
        String bad = mvc.perform(post("/organisations/" + council.id() + "/policies/new")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("name", "No Chinese makers")
                        .param("rules", "country:CN => FORBIDDEN: no")
                        .param("deadlineDays", "60")
                        .param("sourceTitle", "Cabinet decision 14/2026"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document form = Jsoup.parse(bad);
        assertThat(form.title()).startsWith("Error: Add your own policy");
        assertThat(form.select(".govuk-error-summary a").attr("href")).isEqualTo("#rules");
        assertThat(form.select("#rules-error").text())
                .contains("Rule on line 1: the verdict must be ELIGIBLE, CONDITIONAL or INELIGIBLE");
        assertThat(form.select("#rules").text()).isEqualTo("country:CN => FORBIDDEN: no");

        mvc.perform(post("/organisations/" + council.id() + "/policies/new")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("name", "No Chinese makers")
                        .param("description", "The council buys no surveillance equipment made in China.")
                        .param(
                                "rules",
                                "country:CN => INELIGIBLE: The council buys no equipment made in China.\n"
                                        + "unresolved => CONDITIONAL: Ask the supplier who makes it.")
                        .param("deadlineDays", "60")
                        .param("sourceTitle", "Cabinet decision 14/2026")
                        .param("sourceUrl", "https://council.example/decisions/14-2026"))
                .andExpect(status().is3xxRedirection());
        io.camaudit.intel.engine.Policy own = policies.policiesFor(officer, council.id()).stream()
                .filter(p -> p.name().equals("No Chinese makers"))
                .findFirst()
                .orElseThrow();
        assertThat(own.id()).startsWith("local-");
        assertThat(page("/organisations/" + council.id() + "/flags", officer)
                        .select("#policy option")
                        .eachText())
                .contains("No Chinese makers");

        mvc.perform(post("/organisations/" + council.id() + "/policy")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("policy", own.id()))
                .andExpect(status().is3xxRedirection());
        String json = mvc.perform(get("/api/v1/check").param("q", "Milesight").with(as(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json)
                .contains("\"verdict\":\"INELIGIBLE\"")
                .contains("The council buys no equipment made in China. Milesight is a company of CN.")
                .contains(
                        "\"title\":\"Cabinet decision 14/2026\",\"url\":\"https://council.example/decisions/14-2026\"");
        assertThat(audit.recent(Estates.ADMIN, council.id(), null, 20))
                .extracting(AuditEvent::action)
                .contains("CREATE_POLICY", "CHOOSE_POLICY");

        Organisation other = estates.organisation("Other Council " + System.nanoTime());
        mvc.perform(get("/api/v1/check")
                        .param("q", "Milesight")
                        .param("policy", own.id())
                        .with(as(Estates.officerOf(other))))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/organisations/" + other.id() + "/policy")
                        .with(as(Estates.ADMIN))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("policy", own.id()))
                .andExpect(status().isOk()); // back to the form: another body's policy is not on offer
        assertThat(policies.policyOf(Estates.ADMIN, other.id()).id()).isEqualTo("no-listed-supplier");
    }
}
