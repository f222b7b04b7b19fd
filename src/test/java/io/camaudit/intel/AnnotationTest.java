package io.camaudit.intel;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camaudit.intel.engine.Verdict;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceDraft;
import io.camaudit.register.DeviceQuery;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.returns.ImportBatch;
import io.camaudit.returns.Imports;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AnnotationTest {

    static final String RETURN = """
            Site,Sensitive,Manufacturer,Model,Serial number,MAC address
            Town Hall,no,HIK VISION,DS-2CD2143G0-I,SER-1,
            Town Hall,no,Hikvison,DS-2CD2043G2-I,SER-2,
            Town Hall,no,Axis,P3245-LVE,SER-3,
            Operations Centre,yes,Lorex,LNB4321,SER-4,
            Operations Centre,yes,UNKNOWN_MAKER,ZX-1,SER-5,
            Operations Centre,yes,UNKNOWN_MAKER,ZX-2,SER-6,
            Depot,no,Milesight,MS-C2963,SER-7,3c:ef:8c:00:00:07
            """;

    /** A maker name no intel knows, different in every test (mappings made in one test stay for the next). */
    String unknownMaker;

    @Autowired
    MockMvc mvc;

    @Autowired
    Estates estates;

    @Autowired
    Imports imports;

    @Autowired
    Register register;

    @Autowired
    Intel intel;

    @Autowired
    Policies policies;

    @Autowired
    Annotator annotator;

    Organisation council;
    Viewer officer;

    @BeforeEach
    void setUp() throws Exception {
        council = estates.organisation("Annotated Council " + System.nanoTime());
        officer = Estates.officerOf(council);
        StringBuilder letters = new StringBuilder("Zorblax ");
        for (char c : Long.toString(System.nanoTime(), 26).toCharArray()) {
            letters.append((char) ('q' + Character.digit(c, 26) % 9));
        }
        unknownMaker = letters.toString();
        ImportBatch preview = imports.preview(
                officer,
                council.id(),
                "return.csv",
                new ByteArrayInputStream(
                        RETURN.replace("UNKNOWN_MAKER", unknownMaker).getBytes(StandardCharsets.UTF_8)));
        assertThat(preview.canCommit()).as("%s", preview.report()).isTrue();
        imports.commit(officer, preview.id());
        assertThat(annotator.awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    private long deviceWithSerial(String serial) {
        return register.devices(officer, DeviceQuery.all(50).forOrganisation(council.id())).rows().stream()
                .map(row -> row.device())
                .filter(d -> serial.equals(d.facts().serialNumber()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void everyImportedDeviceIsAnnotatedAndThePolicyFlagsItSiteBySite() throws Exception {
        OrganisationFlags flags = policies.flags(officer, council.id());
        assertThat(flags.pending()).isZero();
        assertThat(flags.policy().id()).isEqualTo("no-listed-supplier");
        assertThat(flags.flags())
                .filteredOn(f -> "hikvision".equals(f.maker()))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.siteName()).isEqualTo("Town Hall");
                    assertThat(f.devices()).isEqualTo(2);
                    assertThat(f.verdict()).isEqualTo(Verdict.INELIGIBLE);
                });
        assertThat(flags.flags())
                .filteredOn(f -> "dahua".equals(f.maker()))
                .extracting(Flag::siteName, Flag::soldAs, Flag::verdict, Flag::sensitiveSite)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Operations Centre", "Lorex", Verdict.INELIGIBLE, true));
        assertThat(flags.devices(Verdict.INELIGIBLE)).isEqualTo(3);
        assertThat(flags.devices(Verdict.ELIGIBLE)).isEqualTo(1);
        assertThat(flags.devices(Verdict.CONDITIONAL))
                .as("the two unknown devices, and the one whose brand and MAC disagree")
                .isEqualTo(3);

        String json = mvc.perform(get("/api/v1/devices/" + deviceWithSerial("SER-7") + "/maker")
                        .with(as(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json)
                .as("Milesight (the brand) and Dahua (the MAC block) disagree: a person decides")
                .contains("\"maker\":null")
                .contains("\"needsReview\":true");

        Document page = Jsoup.parse(
                mvc.perform(get("/organisations/" + council.id() + "/flags").with(as(officer)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("#count-ineligible").text()).isEqualTo("3");
        assertThat(page.select("#flags tbody tr").first().text()).contains("Ineligible");
        assertThat(page.select("#flags").text())
                .contains("Dahua (sold as Lorex)")
                .contains("Sensitive");
    }

    @Test
    void aDevicesPageSaysWhoMadeItAndWhatThePolicySaysAtItsSite() throws Exception {
        Document page = Jsoup.parse(
                mvc.perform(get("/devices/" + deviceWithSerial("SER-4")).with(as(officer)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("#notes dt").eachText())
                .containsExactly("Made by", "Policy verdict", "Capabilities", "Risk");
        assertThat(page.select("#notes dd").get(0).text())
                .startsWith("Sold as Lorex, made by Dahua (relabelled)")
                .contains("is the brand Lorex");
        assertThat(page.select("#notes dd").get(1).select("strong").text()).isEqualTo("Ineligible");
        assertThat(page.select("#notes dd").get(1).text())
                .contains("The maker is subject to the PRC National Intelligence Law, and this is a sensitive site.")
                .contains("Policy: No listed supplier in any public body, at a sensitive site");
    }

    @Test
    void aChangedDeviceIsResolvedAgain() throws Exception {
        long id = deviceWithSerial("SER-3");
        Device axis = register.device(officer, id);
        register.updateDevice(
                officer,
                id,
                new DeviceDraft(
                        axis.siteId(),
                        axis.systemId(),
                        new io.camaudit.register.DeviceFacts(
                                "Dahua",
                                null,
                                "IPC-HDW2431T-AS",
                                null,
                                "SER-3",
                                null,
                                null,
                                null,
                                java.util.Set.of(),
                                io.camaudit.register.DeviceStatus.IN_SERVICE,
                                null,
                                null)),
                axis.version());
        assertThat(annotator.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(intel.resolutionOf(officer, id).orElseThrow().maker()).isEqualTo("dahua");
    }

    @Test
    void anAdministratorConfirmsAQueuedStringAndTheDevicesFollow() throws Exception {
        Viewer admin = Estates.ADMIN;
        assertThat(intel.reviewQueue(admin, 1000))
                .filteredOn(row -> unknownMaker.equals(row.manufacturer()))
                .extracting(row -> row.devices())
                .containsExactly(1L, 1L);

        Document queue = Jsoup.parse(mvc.perform(get("/intel/review").with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(queue.select("#queue").text()).contains(unknownMaker).contains("Unknown maker");

        mvc.perform(post("/intel/review/confirm")
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("text", unknownMaker)
                        .param("company", "uniview")
                        .param("evidence", "the installer's invoice names Uniview"))
                .andExpect(status().is3xxRedirection());
        assertThat(annotator.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(intel.resolutionOf(admin, deviceWithSerial("SER-5"))
                        .orElseThrow()
                        .maker())
                .isEqualTo("uniview");
        assertThat(intel.reviewQueue(admin, 1000)).noneMatch(row -> unknownMaker.equals(row.manufacturer()));

        String missing = mvc.perform(post("/intel/review/confirm")
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("text", "Something")
                        .param("company", "uniview")
                        .param("evidence", " "))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(missing).select(".govuk-error-summary").text())
                .contains("Say what the mapping rests on");
    }

    @Test
    void theQueueIsForAdministratorsAndAuditorsAndOnlyAdministratorsConfirm() throws Exception {
        mvc.perform(get("/intel/review").with(as(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/intel/review").with(as(officer))).andExpect(status().isForbidden());
        Viewer auditor = new Viewer("auditor", Role.AUDITOR, null);
        mvc.perform(get("/intel/review").with(as(auditor))).andExpect(status().isOk());
        mvc.perform(post("/intel/review/confirm")
                        .with(as(auditor))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("text", unknownMaker)
                        .param("company", "hikvision")
                        .param("evidence", "none"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/intel/mappings")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + unknownMaker + "\",\"company\":\"hikvision\",\"evidence\":\"none\"}"))
                .andExpect(status().isForbidden());
        assertThat(intel.resolve(io.camaudit.intel.engine.DeviceEvidence.ofText(unknownMaker))
                        .resolved())
                .isFalse();
    }
}
