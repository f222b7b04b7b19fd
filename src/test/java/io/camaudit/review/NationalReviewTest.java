package io.camaudit.review;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.camaudit.intel.Annotator;
import io.camaudit.register.Organisation;
import io.camaudit.review.engine.NationalPicture;
import io.camaudit.shared.ForbiddenException;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.time.Duration;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The national figures count every body and its in-service devices by resolved maker, for auditors only. */
@IntegrationTest
class NationalReviewTest {

    static final Viewer AUDITOR = new Viewer("commissioner-office", Role.AUDITOR, null);

    @Autowired
    NationalReview review;

    @Autowired
    Estates estates;

    @Autowired
    Annotator annotator;

    @Autowired
    MockMvc mvc;

    @Autowired
    io.camaudit.register.Register register;

    @Autowired
    io.camaudit.egress.EgressMonitor egress;

    @Autowired
    io.camaudit.remediation.Remediation remediation;

    @Test
    void theShareOfBodiesRunningListedMakersDevicesIsCountedAndDrilledInto() throws Exception {
        assertThat(annotator.awaitIdle(Duration.ofSeconds(30))).isTrue();
        NationalPicture before = review.picture(AUDITOR);
        Organisation council = estates.organisation("Review Council");
        Organisation school = estates.organisation("Review School");
        Organisation clean = estates.organisation("Review Clean Body");
        io.camaudit.register.Device councilHikvision = estates.camera(
                Estates.officerOf(council), council, "Hikvision", "DS-2CD2143G0-I", "10.1.0.1", Set.of());
        estates.camera(Estates.officerOf(council), council, "Axis", "P3245-V", "10.1.0.2", Set.of());
        estates.camera(Estates.officerOf(school), school, "EZVIZ", "C6N", "10.2.0.1", Set.of());
        estates.camera(Estates.officerOf(clean), clean, "Axis", "P3245-V", "10.3.0.1", Set.of());
        assertThat(annotator.awaitIdle(Duration.ofSeconds(30))).isTrue();

        NationalPicture after = review.picture(AUDITOR);
        assertThat(after.bodies() - before.bodies()).isEqualTo(3);
        assertThat(after.devices() - before.devices()).isEqualTo(4);
        assertThat(after.overall().count() - before.overall().count())
                .as("the council (Hikvision) and the school (EZVIZ is Hikvision's); not the clean body")
                .isEqualTo(2);
        assertThat(after.bodiesRunning(null))
                .extracting(NationalPicture.Body::name)
                .contains(council.name(), school.name())
                .doesNotContain(clean.name());
        assertThat(after.listedMakersOf(school.id())).containsExactly("Hikvision");
        assertThat(after.byListedMaker())
                .extracting(NationalPicture.Share::group)
                .contains("Hikvision");
        assertThat(after.byMaker(true)).anySatisfy(d -> {
            assertThat(d.maker()).isEqualTo("Hikvision");
            assertThat(d.brand()).isEqualToIgnoringCase("EZVIZ");
            assertThat(d.listed()).isTrue();
        });
        assertThat(after.byMaker(false)).anySatisfy(d -> {
            assertThat(d.maker()).isEqualTo("Axis Communications");
            assertThat(d.listed()).isFalse();
        });
        long sectorTotal =
                after.bySector().stream().mapToLong(NationalPicture.Share::of).sum();
        assertThat(sectorTotal).isEqualTo(after.bodies());

        Document page = Jsoup.parse(mvc.perform(get("/review").with(as(AUDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("#overall").text()).contains(after.overall().count() + " of " + after.bodies());
        assertThat(page.select("svg#chart-sector title").text())
                .isEqualTo("Bodies running listed makers' devices, by sector");
        assertThat(page.select("svg#chart-sector").attr("role")).isEqualTo("img");
        assertThat(page.select("#by-sector tbody tr")).hasSize(after.bySector().size());
        assertThat(page.select("#by-maker").text()).contains("Hikvision");
        String drill =
                page.select("#by-listed-maker a:containsOwn(Hikvision)").first().attr("href");
        assertThat(drill).isEqualTo("/review/bodies?maker=hikvision");
        Document bodies = Jsoup.parse(mvc.perform(get(drill).with(as(AUDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(bodies.select("#bodies").text()).contains(council.name());
        String csv = mvc.perform(get("/review/bodies.csv").with(as(AUDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).startsWith("body,sector,region,listed makers\n").contains(school.name());
        assertThat(mvc.perform(get("/review/by-brand.csv").with(as(AUDITOR)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .containsIgnoringCase("Hikvision,EZVIZ,yes,");
        assertThat(mvc.perform(get("/api/v1/review/national").with(as(AUDITOR)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("\"overall\"");

        byte[] pdf = mvc.perform(get("/review/report.pdf").with(as(AUDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("National review of surveillance cameras")
                    .contains(after.overall().percent() + "% of bodies ("
                            + after.overall().count() + " of " + after.bodies() + ")")
                    .contains("Hikvision")
                    .contains("By sector")
                    .contains("Capabilities")
                    .contains("Outbound traffic")
                    .contains("Remediation progress")
                    .contains("Suppliers' due diligence");
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("National review of surveillance cameras");
        }

        // The council takes its Hikvision camera out of service: it no longer counts.
        io.camaudit.register.DeviceFacts f = councilHikvision.facts();
        register.updateDevice(
                Estates.officerOf(council),
                councilHikvision.id(),
                new io.camaudit.register.DeviceDraft(
                        councilHikvision.siteId(),
                        councilHikvision.systemId(),
                        new io.camaudit.register.DeviceFacts(
                                f.manufacturer(),
                                f.brand(),
                                f.model(),
                                f.firmware(),
                                f.serialNumber(),
                                f.macAddress(),
                                f.ipAddress(),
                                f.assetTag(),
                                f.capabilities(),
                                io.camaudit.register.DeviceStatus.REMOVED,
                                f.installedOn(),
                                java.time.LocalDate.now())),
                councilHikvision.version());
        assertThat(annotator.awaitIdle(Duration.ofSeconds(30))).isTrue();
        NationalPicture removed = review.picture(AUDITOR);
        assertThat(removed.overall().count()).isEqualTo(after.overall().count() - 1);
        assertThat(removed.devices()).isEqualTo(after.devices() - 1);
        assertThat(removed.bodiesRunning(null))
                .extracting(NationalPicture.Body::name)
                .doesNotContain(council.name());

        // Outbound traffic, remediation and due diligence across the bodies.
        Organisation monitored = estates.organisation("Review Monitored Body");
        Viewer monitor = Estates.officerOf(monitored);
        io.camaudit.register.Device dahua =
                estates.camera(monitor, monitored, "Dahua", "IPC-HDW3441T-ZAS", "10.20.0.5", Set.of());
        assertThat(annotator.awaitIdle(Duration.ofSeconds(30))).isTrue();
        egress.setNetworks(monitor, monitored.id(), "10.20.0.0/16", "");
        egress.ingest(
                monitor,
                monitored.id(),
                "cameras.pcap",
                new java.io.ByteArrayInputStream(io.camaudit.egress.engine.TestCaptures.cameraPhoningHome(100)));
        remediation.add(
                monitor,
                dahua.id(),
                io.camaudit.remediation.engine.ActionKind.BLOCK_OUTBOUND,
                null,
                "Network team",
                java.time.LocalDate.now().plusMonths(1),
                null,
                null);
        assertThat(review.remediation(AUDITOR))
                .last()
                .satisfies(m -> assertThat(m.planned()).isPositive());
        assertThat(review.egress(AUDITOR)).anySatisfy(e -> {
            assertThat(e.rule()).isEqualTo("A device talked to a vendor cloud; P2P relay; update or DDNS service");
            assertThat(e.open()).isPositive();
        });
        Document more = Jsoup.parse(mvc.perform(get("/review").with(as(AUDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(more.select("#egress").text()).contains("vendor cloud");
        assertThat(more.select("svg#chart-remediation title").text())
                .isEqualTo("Remediation actions done across every body, month by month");
        assertThat(more.select("#remediation tbody tr").last().text())
                .contains(java.time.YearMonth.now().toString());

        Viewer officer = Estates.officerOf(council);
        assertThatThrownBy(() -> review.picture(officer)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> review.egress(officer)).isInstanceOf(ForbiddenException.class);
        for (String route :
                new String[] {"/review", "/review/bodies", "/review/by-maker.csv", "/api/v1/review/national"}) {
            assertThat(mvc.perform(get(route).with(as(officer)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(route)
                    .isEqualTo(403);
        }
        assertThat(mvc.perform(get("/review/nothing.csv").with(as(AUDITOR)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }
}
