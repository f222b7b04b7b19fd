package io.camaudit.transparency;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.camaudit.intel.Annotator;
import io.camaudit.register.Device;
import io.camaudit.register.Organisation;
import io.camaudit.remediation.Remediation;
import io.camaudit.remediation.engine.ActionKind;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A body previews and publishes its statement; the public reads it, and a published version never changes. */
@IntegrationTest
class TransparencyStatementTest {

    @Autowired
    TransparencyStatements statements;

    @Autowired
    Remediation remediation;

    @Autowired
    io.camaudit.diligence.Diligence diligence;

    @Autowired
    io.camaudit.diligence.Questionnaires questionnaires;

    @Autowired
    io.camaudit.register.Register register;

    @Autowired
    Estates estates;

    @Autowired
    Annotator annotator;

    @Autowired
    MockMvc mvc;

    @Test
    void anOfficerPublishesVersionsThatThePublicReadsAndThatNeverChange() throws Exception {
        Organisation body = estates.organisation("Transparent Council");
        Viewer officer = Estates.officerOf(body);
        Device hikvision = estates.camera(officer, body, "Hikvision", "DS-2CD2143G0-I", "10.6.0.1", Set.of());
        estates.camera(officer, body, "Axis", "P3245-V", "10.6.0.2", Set.of());
        assertThat(annotator.awaitIdle(Duration.ofSeconds(30))).isTrue();
        remediation.add(
                officer,
                hikvision.id(),
                ActionKind.REPLACE,
                null,
                "Estates",
                LocalDate.now().plusMonths(2),
                null,
                null);
        register.createSystem(
                officer,
                body.id(),
                new io.camaudit.register.SystemDraft(
                        "Civic centre CCTV", null, null, null, null, io.camaudit.register.Procurement.none()));
        register.updateOrganisation(
                officer,
                body.id(),
                new io.camaudit.register.OrganisationDraft(
                        body.name(), body.sector(), body.region(), null, "foi@transparent.example"));
        long supplier =
                diligence.addSupplier(officer, "Transparent Supplier Ltd", "hikvision", null, "t@supplier.example");
        diligence.send(
                officer,
                new io.camaudit.diligence.Diligence.Ask(
                        supplier,
                        questionnaires.current().get(0).id(),
                        body.id(),
                        LocalDate.of(2026, 1, 5),
                        LocalDate.of(2026, 2, 5),
                        "LINK",
                        true,
                        false));

        Statement draft = statements.draft(officer, body.id());
        assertThat(draft.devices()).isEqualTo(2);
        assertThat(draft.byMaker())
                .extracting(c -> c.label() + " " + c.devices() + " " + c.flagged())
                .containsExactlyInAnyOrder("Hikvision 1 true", "Axis Communications 1 false");
        assertThat(draft.remediation().flagged()).isEqualTo(1);
        assertThat(draft.remediation().actions())
                .singleElement()
                .satisfies(a -> assertThat(a.action()).isEqualTo("Replace it"));
        assertThat(draft.diligence())
                .singleElement()
                .satisfies(d -> assertThat(d.standing()).startsWith("asked on 2026-01-05; no reply after"));
        assertThat(draft.egress().monitored()).isFalse();

        Document preview = Jsoup.parse(
                mvc.perform(get("/organisations/" + body.id() + "/statement").with(as(officer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(preview.select("#no-versions")).isNotEmpty();
        assertThat(preview.select("#by-maker").text()).contains("Hikvision").contains("Listed");
        mvc.perform(post("/organisations/" + body.id() + "/statement/publish")
                        .with(as(officer))
                        .with(csrf()))
                .andReturn();
        assertThat(statements.versions(body.id()))
                .singleElement()
                .satisfies(v -> assertThat(v.version()).isEqualTo(1));

        // The public, signed in as no one.
        Document page = Jsoup.parse(mvc.perform(get("/public/bodies/" + body.id() + "/statement"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo(body.name() + ": surveillance cameras");
        assertThat(page.select("#version").text()).startsWith("Transparency statement, version 1, published on");
        assertThat(page.select("#devices").text()).isEqualTo("2 cameras and recorders in service.");
        assertThat(page.select("#remediation").text()).startsWith("1 devices flagged by the procurement policy");
        assertThat(page.select("#egress").text()).isEqualTo("Outbound traffic is not monitored yet.");
        assertThat(page.select("#superseded")).isEmpty();
        assertThat(page.select("#code-of-practice").text())
                .contains("Civic centre CCTV")
                .contains("Not yet assessed");
        assertThat(page.text()).doesNotContain("foi@transparent.example"); // the contact is not published
        assertThat(mvc.perform(get("/public/bodies/" + body.id() + "/statement.json"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("\"version\":1")
                .contains("\"Transparent Supplier Ltd\"")
                .doesNotContain(officer.username())
                .doesNotContain("foi@transparent.example");
        byte[] pdf = mvc.perform(get("/public/bodies/" + body.id() + "/statement/1.pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains(body.name() + ": surveillance cameras")
                    .contains("Transparency statement, version 1")
                    .contains("Remediation plan")
                    .contains("Surveillance Camera Code of Practice")
                    .contains("Transparent Supplier Ltd");
        }
        assertThat(mvc.perform(get("/public/statements"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(body.name());

        // The register changes and version 2 is published: version 1 still says what it said.
        estates.camera(officer, body, "Axis", "P3245-V", "10.6.0.3", Set.of());
        assertThat(annotator.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(statements.publish(officer, body.id())).isEqualTo(2);
        assertThat(statements.published(body.id(), 1).statement().devices()).isEqualTo(2);
        assertThat(statements.published(body.id(), null).statement().devices()).isEqualTo(3);
        Document old = Jsoup.parse(mvc.perform(get("/public/bodies/" + body.id() + "/statement/1"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(old.select("#superseded").text()).contains("version 2");
        assertThat(old.select("#devices").text()).isEqualTo("2 cameras and recorders in service.");

        // Only the body's officers publish; an auditor previews; no one else sees the preview.
        Viewer auditor = new Viewer("commissioner-office", Role.AUDITOR, null);
        assertThat(statements.draft(auditor, body.id()).devices()).isEqualTo(3);
        assertThat(mvc.perform(post("/organisations/" + body.id() + "/statement/publish")
                                .with(as(auditor))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        Viewer stranger = Estates.officerOf(estates.organisation("Opaque Council"));
        assertThatThrownBy(() -> statements.publish(stranger, body.id())).isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(get("/organisations/" + body.id() + "/statement").with(as(stranger)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/organisations/" + body.id() + "/statement"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("signed in as no one")
                .isIn(302, 401);
        assertThat(statements.versions(body.id())).hasSize(2);
        assertThat(mvc.perform(get("/public/bodies/" + stranger.organisationId() + "/statement"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a body that published nothing")
                .isEqualTo(404);
        assertThat(register.organisation(Estates.ADMIN, body.id()).name()).isEqualTo(body.name());
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aVersionPublishedBeforeStatementsCarriedTheCodeOfPracticeStillReads() throws Exception {
        Organisation body = estates.organisation("Early Publisher Council");
        Viewer officer = Estates.officerOf(body);
        statements.publish(officer, body.id());
        String stored = jdbc.queryForObject(
                "select body from transparency_statement where organisation_id = ?", String.class, body.id());
        assertThat(stored).contains("\"codeOfPractice\":[]");
        jdbc.update(
                "update transparency_statement set body = ? where organisation_id = ?",
                stored.replace(",\"codeOfPractice\":[]", ""),
                body.id());
        Document page = Jsoup.parse(mvc.perform(get("/public/bodies/" + body.id() + "/statement"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("#version").text()).startsWith("Transparency statement, version 1");
        assertThat(page.text()).doesNotContain("Surveillance Camera Code of Practice");
        assertThat(mvc.perform(get("/public/bodies/" + body.id() + "/statement/1.pdf"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}
