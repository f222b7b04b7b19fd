package io.camaudit.web;

import static io.camaudit.support.Estates.officerOf;
import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camaudit.register.Device;
import io.camaudit.register.DeviceQuery;
import io.camaudit.register.Organisation;
import io.camaudit.register.Procurement;
import io.camaudit.register.Register;
import io.camaudit.register.SiteDraft;
import io.camaudit.register.SiteKind;
import io.camaudit.register.SystemDraft;
import io.camaudit.returns.ImportBatch;
import io.camaudit.returns.Imports;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An officer of one body can neither read nor change another body's register through any page or
 * API route: every route answers 404, as if the record did not exist, and nothing changes.
 */
@IntegrationTest
public class TenantIsolationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Register register;

    @Autowired
    io.camaudit.intel.Intel intel;

    @Autowired
    io.camaudit.intel.Policies policies;

    @Autowired
    Imports imports;

    @Autowired
    Estates estates;

    @Autowired
    io.camaudit.discovery.Surveys surveys;

    long survey;

    @Autowired
    io.camaudit.capability.CapabilityAudits capabilityAudits;

    long capabilityAudit;
    long account;

    @Autowired
    io.camaudit.egress.EgressMonitor egress;

    long egressAlert;

    @Autowired
    io.camaudit.diligence.Diligence diligence;

    @Autowired
    io.camaudit.diligence.Questionnaires questionnaires;

    long diligenceRequest;

    @Autowired
    io.camaudit.remediation.Remediation remediation;

    long remediationAction;
    long diligenceSupplier;

    Organisation mine;
    Organisation theirs;
    Viewer me;
    long site;
    long system;
    long device;
    long batch;

    @BeforeEach
    void setUp() {
        mine = estates.organisation("Mine");
        theirs = estates.organisation("Theirs");
        me = officerOf(mine);
        Viewer them = officerOf(theirs);
        site = register.createSite(them, theirs.id(), new SiteDraft("Their depot", null, null, SiteKind.OFFICE, false))
                .id();
        system = register.createSystem(
                        them, theirs.id(), new SystemDraft("Their CCTV", null, null, null, null, Procurement.none()))
                .id();
        ImportBatch preview = imports.preview(
                them,
                theirs.id(),
                "theirs.csv",
                new ByteArrayInputStream(
                        "Site,Manufacturer,Model,Serial number\nTheir depot,Hikvision,DS-2CD2143G0-I,THEIRS-1\n"
                                .getBytes(StandardCharsets.UTF_8)));
        batch = imports.commit(them, preview.id()).id();
        device = register.devices(them, DeviceQuery.all(1).forOrganisation(theirs.id()))
                .rows()
                .get(0)
                .device()
                .id();
        // A survey of theirs, of a loopback address where nothing listens (it ends at once).
        surveys.setPermit(Estates.ADMIN, theirs.id(), "127.82.0.0/30");
        survey = surveys.start(
                them,
                theirs.id(),
                new io.camaudit.discovery.SurveyRequest(List.of("127.82.0.1"), List.of(), 300, 4, null));
        account = capabilityAudits.addCredential(them, theirs.id(), null, null, "their-account", "their-secret");
        register.createDevice(
                them,
                theirs.id(),
                new io.camaudit.register.DeviceDraft(
                        null,
                        null,
                        new io.camaudit.register.DeviceFacts(
                                "Dahua",
                                null,
                                "IPC-HDW3441T-ZAS",
                                null,
                                null,
                                null,
                                io.camaudit.register.IpAddress.of("10.20.0.5"),
                                null,
                                java.util.Set.of(),
                                io.camaudit.register.DeviceStatus.IN_SERVICE,
                                null,
                                null)));
        egress.setNetworks(them, theirs.id(), "10.20.0.0/16", "");
        egressAlert = egress
                .ingest(
                        them,
                        theirs.id(),
                        "theirs.pcap",
                        new ByteArrayInputStream(io.camaudit.egress.engine.TestCaptures.cameraPhoningHome(100)))
                .alerts()
                .stream()
                .filter(a -> a.rule().equals("vendor-service"))
                .findFirst()
                .orElseThrow()
                .id();
        long supplier = diligence.addSupplier(them, "Their supplier", null, null, "them@example.com");
        diligenceSupplier = supplier;
        diligenceRequest = diligence.send(
                them,
                new io.camaudit.diligence.Diligence.Ask(
                        supplier,
                        questionnaires.current().get(0).id(),
                        theirs.id(),
                        null,
                        java.time.LocalDate.now().plusDays(30),
                        "LINK",
                        false,
                        false));
        remediationAction = remediation.add(
                them,
                device,
                io.camaudit.remediation.engine.ActionKind.REPLACE,
                null,
                "Their estates team",
                java.time.LocalDate.now().plusMonths(3),
                null,
                null);
        capabilityAudit = capabilityAudits.start(them, theirs.id(), "127.82.0.1");
        try {
            assertThat(surveys.await(survey, java.time.Duration.ofSeconds(30))).isTrue();
            assertThat(capabilityAudits.await(capabilityAudit, java.time.Duration.ofSeconds(30)))
                    .isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> readRoutes() {
        long o = theirs.id();
        return List.of(
                "/organisations/" + o,
                "/organisations/" + o + "/edit",
                "/sites/" + site,
                "/sites/" + site + "/edit",
                "/systems/" + system,
                "/systems/" + system + "/edit",
                "/devices/" + device,
                "/devices/" + device + "/edit",
                "/organisations/" + o + "/devices/new",
                "/organisations/" + o + "/sites/new",
                "/organisations/" + o + "/systems/new",
                "/imports/" + batch,
                "/devices?organisation=" + o,
                "/api/v1/organisations/" + o,
                "/api/v1/organisations/" + o + "/sites",
                "/api/v1/organisations/" + o + "/systems",
                "/api/v1/sites/" + site,
                "/api/v1/systems/" + system,
                "/api/v1/devices/" + device,
                "/api/v1/devices?organisation=" + o,
                "/api/v1/imports/" + batch,
                "/api/v1/organisations/" + o + "/policy",
                "/api/v1/organisations/" + o + "/flags",
                "/organisations/" + o + "/flags",
                "/api/v1/devices/" + device + "/maker",
                "/organisations/" + o + "/policies/new",
                "/api/v1/organisations/" + o + "/policies",
                "/organisations/" + o + "/surveys",
                "/surveys/" + survey,
                "/api/v1/organisations/" + o + "/surveys",
                "/api/v1/organisations/" + o + "/survey-permit",
                "/api/v1/surveys/" + survey,
                "/organisations/" + o + "/capabilities",
                "/capability-audits/" + capabilityAudit,
                "/capability-audits/" + capabilityAudit + "/results/1",
                "/api/v1/organisations/" + o + "/capabilities",
                "/api/v1/organisations/" + o + "/capability-audits",
                "/api/v1/organisations/" + o + "/device-accounts",
                "/api/v1/organisations/" + o + "/capability-schedule",
                "/api/v1/capability-audits/" + capabilityAudit,
                "/organisations/" + o + "/egress",
                "/organisations/" + o + "/egress/alerts.csv",
                "/egress-alerts/" + egressAlert,
                "/api/v1/organisations/" + o + "/egress-networks",
                "/api/v1/organisations/" + o + "/egress-alerts",
                "/api/v1/egress-alerts/" + egressAlert,
                "/diligence/requests/" + diligenceRequest,
                "/diligence/requests/" + diligenceRequest + "/files/1",
                "/api/v1/diligence/requests/" + diligenceRequest,
                "/organisations/" + o + "/remediation",
                "/organisations/" + o + "/remediation.csv",
                "/api/v1/organisations/" + o + "/remediation",
                "/organisations/" + o + "/risk",
                "/api/v1/organisations/" + o + "/risk",
                "/organisations/" + o + "/statement");
    }

    @Test
    void everyReadRouteAnswersNotFound() throws Exception {
        for (String route : readRoutes()) {
            int status = mvc.perform(get(route).with(as(me)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(route).isEqualTo(404);
        }
    }

    /** A map from name, value pairs (Map.of stops at ten). */
    private static Map<String, String> pairs(String... namesAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void everyWriteRouteAnswersNotFoundAndChangesNothing() throws Exception {
        long o = theirs.id();
        int requestsBefore = diligence.requests(Estates.ADMIN).size();
        Map<String, String> forms = pairs(
                "/organisations/" + o + "/edit",
                "name=Hijacked&sector=OTHER&region=LONDON",
                "/sites/" + site + "/edit",
                "name=Hijacked&kind=OTHER",
                "/systems/" + system + "/edit",
                "name=Hijacked",
                "/devices/" + device + "/edit",
                "manufacturer=Hijacked&status=IN_SERVICE",
                "/organisations/" + o + "/sites/new",
                "name=Planted&kind=OTHER",
                "/organisations/" + o + "/systems/new",
                "name=Planted",
                "/organisations/" + o + "/devices/new",
                "manufacturer=Planted&status=IN_SERVICE",
                "/imports/" + batch + "/undo",
                "",
                "/imports/" + batch + "/commit",
                "",
                "/organisations/" + o + "/policy",
                "policy=us-ndaa-889",
                "/organisations/" + o + "/policies/new",
                "name=Planted&rules=unresolved+%3D%3E+ELIGIBLE%3A+x&deadlineDays=90&sourceTitle=x",
                "/organisations/" + o + "/surveys",
                "scope=127.82.0.2&rate=300&concurrency=4",
                "/surveys/" + survey + "/cancel",
                "",
                "/surveys/" + survey + "/hosts/1/accept",
                "",
                "/surveys/" + survey + "/hosts/1/reject",
                "",
                "/organisations/" + o + "/capabilities/audits",
                "scope=127.82.0.2",
                "/organisations/" + o + "/capabilities/accounts",
                "username=planted&password=planted",
                "/organisations/" + o + "/capabilities/accounts/" + account + "/delete",
                "",
                "/organisations/" + o + "/capabilities/schedule",
                "everyDays=1",
                "/capability-audits/" + capabilityAudit + "/cancel",
                "",
                "/organisations/" + o + "/egress/networks",
                "own=0.0.0.0/0",
                "/egress-alerts/" + egressAlert + "/decision",
                "status=RESOLVED&comment=hijacked",
                "/diligence/requests/" + diligenceRequest + "/link",
                "",
                "/diligence/requests/" + diligenceRequest + "/withdraw",
                "",
                "/diligence/requests/" + diligenceRequest + "/reopen",
                "",
                "/diligence/requests/" + diligenceRequest + "/scores",
                "score-ownership-state=2",
                "/diligence/requests/" + diligenceRequest + "/outcome",
                "outcome=REJECTED&reasons=hijacked",
                "/diligence/requests/" + diligenceRequest + "/messages",
                "body=planted",
                "/diligence/requests",
                "supplier=" + diligenceSupplier + "&questionnaire=1&onBehalfOf=" + o + "&deadline="
                        + java.time.LocalDate.now().plusDays(30) + "&access=LINK");
        for (var form : forms.entrySet()) {
            int status = mvc.perform(post(form.getKey())
                            .with(as(me))
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .content(form.getValue()))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(form.getKey()).isEqualTo(404);
        }
        Map<String, String> api = Map.of(
                "/api/v1/organisations/" + o, "{\"name\":\"Hijacked\",\"sector\":\"OTHER\",\"region\":\"LONDON\"}",
                "/api/v1/sites/" + site, "{\"name\":\"Hijacked\",\"kind\":\"OTHER\",\"sensitive\":false}",
                "/api/v1/systems/" + system, "{\"name\":\"Hijacked\"}",
                "/api/v1/devices/" + device, "{\"manufacturer\":\"Hijacked\"}",
                "/api/v1/organisations/" + o + "/policy", "{\"policy\":\"us-ndaa-889\"}",
                "/api/v1/organisations/" + o + "/capability-schedule", "{\"everyDays\":1}",
                "/api/v1/organisations/" + o + "/egress-networks", "{\"own\":\"0.0.0.0/0\",\"allowed\":\"\"}");
        for (var call : api.entrySet()) {
            int status = mvc.perform(put(call.getKey())
                            .with(as(me))
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(call.getValue()))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(call.getKey()).isEqualTo(404);
        }
        for (String route : List.of(
                "/api/v1/organisations/" + o + "/sites",
                "/api/v1/organisations/" + o + "/devices",
                "/api/v1/organisations/" + o + "/systems",
                "/api/v1/organisations/" + o + "/policies",
                "/api/v1/surveys/" + survey + "/cancel",
                "/api/v1/surveys/" + survey + "/hosts/1/accept",
                "/api/v1/surveys/" + survey + "/hosts/1/reject",
                "/api/v1/organisations/" + o + "/capability-audits",
                "/api/v1/organisations/" + o + "/device-accounts",
                "/api/v1/capability-audits/" + capabilityAudit + "/cancel",
                "/api/v1/egress-alerts/" + egressAlert + "/decision")) {
            int status = mvc.perform(post(route)
                            .with(as(me))
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"Planted\",\"kind\":\"OTHER\",\"manufacturer\":\"Planted\"}"))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(route).isEqualTo(404);
        }

        Viewer admin = Estates.ADMIN;
        io.camaudit.diligence.DiligenceViews.RequestDetail request = diligence.request(admin, diligenceRequest);
        assertThat(request.summary().state()).isEqualTo("Outstanding");
        assertThat(request.summary().outcome()).isNull();
        assertThat(request.messages()).isEmpty();
        assertThat(diligence.requests(admin)).as("nothing sent in their name").hasSize(requestsBefore);
        assertThat(remediation.plan(admin, o).actions())
                .filteredOn(a -> a.id() == remediationAction)
                .singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(io.camaudit.remediation.engine.ActionStatus.PLANNED));
        assertThat(remediation.plan(admin, o).actions())
                .allMatch(a -> !a.owner().equals("planted"));
        assertThat(register.organisation(admin, o).name()).isEqualTo(theirs.name());
        assertThat(register.sites(admin, o)).extracting(s -> s.name()).containsExactly("Their depot");
        assertThat(register.systems(admin, o)).extracting(s -> s.name()).containsExactly("Their CCTV");
        assertThat(policies.policyOf(admin, o).id())
                .isEqualTo(intel.bundle().defaultPolicy().id());
        Device unchanged = register.device(admin, device);
        assertThat(unchanged.facts().manufacturer()).isEqualTo("Hikvision");
        assertThat(register.devices(admin, DeviceQuery.all(10).forOrganisation(o))
                        .matching())
                .as("the imported device and their camera, nothing planted")
                .isEqualTo(2);
        int started = mvc.perform(post("/api/v1/organisations/" + o + "/surveys")
                        .with(as(me))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":[\"127.82.0.2\"]}"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(started).isEqualTo(404);
        assertThat(surveys.surveysOf(admin, o)).hasSize(1);
        int deleted = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/organisations/" + o + "/device-accounts/" + account)
                        .with(as(me))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(deleted).isEqualTo(404);
        assertThat(capabilityAudits.credentials(admin, o))
                .extracting(io.camaudit.capability.CredentialView::username)
                .containsExactly("their-account");
        assertThat(capabilityAudits.audits(admin, o)).hasSize(1);
        assertThat(capabilityAudits.schedule(admin, o)).isEmpty();
        int uploaded = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/organisations/" + o + "/egress/files")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file",
                                "planted.pcap",
                                "application/octet-stream",
                                io.camaudit.egress.engine.TestCaptures.cameraPhoningHome(200)))
                        .with(as(me))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(uploaded).isEqualTo(404);
        assertThat(egress.networks(admin, o).own()).isEqualTo("10.20.0.0/16");
        assertThat(egress.alert(admin, egressAlert).status()).isEqualTo("OPEN");
        assertThat(egress.alert(admin, egressAlert).flows()).isEqualTo(1);
    }

    @Test
    void listsAndExportsShowOnlyTheOfficersOwnBody() throws Exception {
        register.createSite(me, mine.id(), new SiteDraft("My depot", null, null, SiteKind.OFFICE, false));
        String devices = mvc.perform(get("/api/v1/devices").with(as(me)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(devices).doesNotContain("THEIRS-1");
        String csv = mvc.perform(get("/devices/export.csv").with(as(me)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).doesNotContain("THEIRS-1");
        String audit = mvc.perform(
                        get("/api/v1/audit?organisation=" + theirs.id()).with(as(me)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(audit).doesNotContain("Their depot").contains("My depot");
        String orgs = mvc.perform(get("/api/v1/organisations").with(as(me)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(orgs).contains(mine.name()).doesNotContain(theirs.name());
        mvc.perform(get("/organisations").with(as(me))).andExpect(status().is3xxRedirection());
    }

    @Test
    void anAuditorReadsEveryBodyButChangesNothing() throws Exception {
        Viewer auditor = TestPrincipals.auditor();
        mvc.perform(get("/organisations/" + theirs.id()).with(as(auditor))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/devices/" + device).with(as(auditor))).andExpect(status().isOk());
        mvc.perform(get("/devices/" + device + "/edit").with(as(auditor))).andExpect(status().isForbidden());
        mvc.perform(post("/sites/" + site + "/edit")
                        .with(as(auditor))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("name=Changed&kind=OTHER"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/devices/" + device)
                        .with(as(auditor))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"manufacturer\":\"Changed\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/imports/" + batch + "/undo").with(as(auditor)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(register.site(Estates.ADMIN, site).name()).isEqualTo("Their depot");
    }

    @Test
    void officersCannotReachAdministratorPages() throws Exception {
        mvc.perform(get("/organisations/new").with(as(me))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts").with(as(me))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/organisations")
                        .with(as(me))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"New\",\"sector\":\"OTHER\",\"region\":\"LONDON\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anonymousRequestsAreSentToSignInOrRefused() throws Exception {
        mvc.perform(get("/devices").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/devices")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/devices").header("Authorization", "Bearer cam_not-a-real-token"))
                .andExpect(status().isUnauthorized());
    }
}
