package io.camaudit.web;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camaudit.account.Accounts;
import io.camaudit.audit.AuditEvent;
import io.camaudit.audit.AuditLog;
import io.camaudit.register.Organisation;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class WebFlowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Estates estates;

    @Autowired
    AuditLog audit;

    @Autowired
    Accounts accounts;

    Organisation council;
    Viewer officer;

    @BeforeEach
    void setUp() {
        council = estates.organisation("Flow Council");
        officer = Estates.officerOf(council);
    }

    @Test
    void signsInWithItsPasswordAndNotWithAWrongOne() throws Exception {
        Estates.Credentials account = estates.account(Role.OFFICER, council.id());
        mvc.perform(formLogin("/login").user(account.username()).password(account.password()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user(account.username()).password(account.password() + "x"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aPasswordSomeoneElseChoseMustBeChangedBeforeAnythingElse() throws Exception {
        Estates.Credentials account = estates.accountWithGivenPassword(Role.OFFICER, council.id());
        MockHttpSession session = (MockHttpSession)
                mvc.perform(formLogin("/login").user(account.username()).password(account.password()))
                        .andExpect(redirectedUrl("/account"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/devices").session(session)).andExpect(redirectedUrl("/account"));
        mvc.perform(get("/api/v1/devices").session(session))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail")
                        .value("Change your password on your account page before using the service"));
        mvc.perform(get("/account").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a new password before you continue")));

        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", account.password())
                        .param("newPassword", account.password())
                        .param("confirmPassword", account.password()))
                .andExpect(content().string(containsString("The new password must differ from the current one")));
        mvc.perform(get("/devices").session(session)).andExpect(redirectedUrl("/account"));
        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", account.password())
                        .param("newPassword", "three unrelated words")
                        .param("confirmPassword", "three unrelated words"))
                .andExpect(content().string(containsString("Your password was changed.")));
        mvc.perform(get("/devices").session(session)).andExpect(status().isOk());
        mvc.perform(formLogin("/login").user(account.username()).password("three unrelated words"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void repeatedFailedSignInsLockTheAccountUntilAnAdministratorResetsIt() throws Exception {
        Estates.Credentials account = estates.account(Role.OFFICER, council.id());
        for (int i = 0; i < Accounts.SIGN_IN_ATTEMPTS; i++) {
            mvc.perform(formLogin("/login").user(account.username()).password("guess " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // Locked: even the right password is refused, with the same page as a wrong one.
        mvc.perform(formLogin("/login").user(account.username()).password(account.password()))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(audit.recent(Estates.ADMIN, null, null, 20))
                .extracting(AuditEvent::summary)
                .contains("Locked " + account.username() + " for 15 minutes after 5 failed sign-ins in a row");

        long id =
                accounts.credentials(account.username()).orElseThrow().account().id();
        String reset = accounts.resetPassword(Estates.ADMIN, id).secret();
        mvc.perform(formLogin("/login").user(account.username()).password(reset))
                .andExpect(redirectedUrl("/account"));
    }

    @Test
    void failuresOnlyCountInARow() throws Exception {
        Estates.Credentials account = estates.account(Role.OFFICER, council.id());
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < Accounts.SIGN_IN_ATTEMPTS - 1; i++) {
                mvc.perform(formLogin("/login").user(account.username()).password("guess " + i))
                        .andExpect(redirectedUrl("/login?error"));
            }
            mvc.perform(formLogin("/login").user(account.username()).password(account.password()))
                    .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/organisations/" + council.id() + "/sites/new")
                        .with(as(officer))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("name=Depot&kind=OFFICE"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anInvalidFormComesBackWithTheGovukErrorPattern() throws Exception {
        MvcResult result = mvc.perform(post("/organisations/" + council.id() + "/sites/new")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("name=&postcode=NOT A POSTCODE&kind="))
                .andExpect(status().isOk())
                .andReturn();
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("<title>Error: Add a site – camaudit</title>");
        assertThat(html).contains("govuk-error-summary__title").contains("There is a problem");
        assertThat(html).contains("<a href=\"#name\">Enter the site&#39;s name</a>");
        assertThat(html).contains("<a href=\"#kind\">Select the kind of place</a>");
        assertThat(html).contains("id=\"name-error\"").contains("govuk-input--error");
    }

    @Test
    void aValidFormRedirectsAndIsAuditedWithBeforeAndAfter() throws Exception {
        mvc.perform(post("/organisations/" + council.id() + "/sites/new")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("name=Depot&postcode=sw1a2aa&kind=OFFICE"))
                .andExpect(status().is3xxRedirection());
        List<AuditEvent> events = audit.recent(officer, null, null, 5);
        assertThat(events.get(0).summary()).isEqualTo("Added site Depot");
        assertThat(events.get(0).actor()).isEqualTo(officer.username());
        assertThat(events.get(0).afterState()).contains("\"postcode\":\"SW1A 2AA\"");
        long siteId = events.get(0).entityId();

        mvc.perform(post("/sites/" + siteId + "/edit")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("name=Main depot&kind=OFFICE"))
                .andExpect(redirectedUrl("/sites/" + siteId));
        AuditEvent change = audit.recent(officer, null, null, 1).get(0);
        assertThat(change.beforeState()).contains("\"name\":\"Depot\"");
        assertThat(change.afterState()).contains("\"name\":\"Main depot\"");
    }

    @Test
    void everyPageCarriesAContentSecurityPolicyWhoseNonceItsScriptsUse() throws Exception {
        MvcResult result = mvc.perform(get("/organisations/" + council.id()).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andReturn();
        String policy = result.getResponse().getHeader("Content-Security-Policy");
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(policy);
        assertThat(nonce.find()).isTrue();
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("<script nonce=\"" + nonce.group(1) + "\">");
        assertThat(html).contains("href=\"#main-content\" class=\"govuk-skip-link\"");
        assertThat(occurrences(html, "nonce=\"" + nonce.group(1) + "\""))
                .as("every script carries the nonce")
                .isEqualTo(occurrences(html, "<script"));
    }

    @Test
    void theGovukStylesheetIsServedFromTheWebJar() throws Exception {
        mvc.perform(get("/govuk/govuk-frontend.min.css")).andExpect(status().isOk());
        mvc.perform(get("/assets/rebrand/images/favicon.ico")).andExpect(status().isOk());
    }

    @Test
    void theDeviceSearchPagesThroughResultsByKey() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/organisations/" + council.id() + "/devices/new")
                            .with(as(officer))
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .content("manufacturer=Hikvision&model=DS-2CD2143G0-I&serialNumber=S" + i
                                    + "&status=IN_SERVICE"))
                    .andExpect(status().is3xxRedirection());
        }
        String html = mvc.perform(get("/devices?manufacturer=HIK VISION").with(as(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("<strong>3</strong> devices match.");
        assertThat(html).contains("Hikvision DS-2CD2143G0-I");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
