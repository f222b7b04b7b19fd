package io.camaudit.diligence;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.camaudit.diligence.DiligenceViews.RequestDetail;
import io.camaudit.diligence.persistence.DiligenceRows;
import io.camaudit.intel.engine.CheckResult;
import io.camaudit.intel.engine.Verdict;
import io.camaudit.register.Organisation;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Due diligence end to end, with the mail received by an SMTP server in the test's own process
 * (GreenMail, on loopback): a body asks a supplier, the supplier answers through a one-time link,
 * the clock reminds and escalates once, a silent maker is ineligible in the supplier check, and an
 * outsider sees nothing it should not.
 */
@IntegrationTest
@TestPropertySource(
        properties = {"camaudit.public-url=http://camaudit.test", "camaudit.diligence.escalate-to=office@example.org"})
public class DiligenceIntegrationTest {

    static final GreenMail SMTP =
            new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static {
        SMTP.start(); // one server for this class and its PostgreSQL subclass; it ends with the JVM
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Diligence diligence;

    @Autowired
    SupplierPortal portal;

    @Autowired
    Questionnaires questionnaires;

    @Autowired
    io.camaudit.mail.Outbox mail;

    @Autowired
    io.camaudit.mail.persistence.OutboxRows outboxRows;

    @Autowired
    DiligenceRows rows;

    @Autowired
    Estates estates;

    @Autowired
    io.camaudit.register.Register register;

    @Autowired
    io.camaudit.intel.Policies policies;

    @Autowired
    JdbcTemplate jdbc;

    long questionnaire;

    @BeforeEach
    void clear() throws Exception {
        mail.tick(); // whatever earlier tests queued goes now, so each test counts only its own
        SMTP.purgeEmailFromAllMailboxes();
        questionnaire = questionnaires.current().get(0).id();
    }

    private MimeMessage[] to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(MimeMessage[]::new);
    }

    @Test
    void aBodyAsksASupplierThatAnswersThroughAOneTimeLinkAndIsScored() throws Exception {
        Organisation body = estates.organisation("Diligent Borough");
        Viewer officer = Estates.officerOf(body);
        long supplier = diligence.addSupplier(officer, "Acme CCTV Ltd", null, "Ann Contact", "ann@acme.example");
        long id = diligence.send(
                officer,
                new Diligence.Ask(
                        supplier,
                        questionnaire,
                        body.id(),
                        null,
                        LocalDate.now().plusDays(28),
                        "LINK",
                        true,
                        true));
        mail.tick();

        MimeMessage[] sent = to("ann@acme.example");
        assertThat(sent).hasSize(1);
        assertThat(sent[0].getSubject()).isEqualTo("Due diligence request from " + body.name());
        String text = GreenMailUtil.getBody(sent[0]);
        Matcher link = Pattern.compile("http://camaudit\\.test/respond/([A-Za-z0-9_-]+)")
                .matcher(text);
        assertThat(link.find()).as(text).isTrue();
        String token = link.group(1);
        assertThat(jdbc.queryForObject(
                        "select body from mail_outbox where topic = 'diligence' and subject_id = ?", String.class, id))
                .as("the link is not kept")
                .doesNotContain(token)
                .contains("(a one-time link, not kept)");
        assertThat(jdbc.queryForList("select token_hash from diligence_link where request_id = ?", String.class, id))
                .containsExactly(DiligenceMail.hash(token));

        // A mail scanner's visit does not use the link; pressing Continue does, once.
        assertThat(mvc.perform(get("/respond/" + token))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Continue");
        MockHttpSession browser = new MockHttpSession();
        MvcResult used = mvc.perform(post("/respond/" + token).session(browser).with(csrf()))
                .andReturn();
        assertThat(used.getResponse().getRedirectedUrl()).isEqualTo("/supplier/requests/" + id);
        String replay = mvc.perform(post("/respond/" + token).with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(replay).contains("This link has already been used, and works only once.");

        String page = mvc.perform(get("/supplier/requests/" + id).session(browser))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(body.name() + " asks you to answer by").contains("Uyghur internment camps");
        assertThat(page).as("no score, mail or register data for the supplier").doesNotContain("Rubric:", "Email");

        // A draft, then a forged field refused whole.
        mvc.perform(post("/supplier/requests/" + id)
                        .session(browser)
                        .with(csrf())
                        .param("answer-ownership-state", "no")
                        .param(
                                "answer-capabilities-remote",
                                "Cloud or P2P connection",
                                "Face recognition or face capture")
                        .param("answer-ownership-owners", "Acme Holdings plc, wholly; no state holding.")
                        .param("action", "save"))
                .andReturn();
        MvcResult forged = mvc.perform(post("/supplier/requests/" + id)
                        .session(browser)
                        .with(csrf())
                        .param("answer-ownership-state", "maybe")
                        .param("answer-planted", "x")
                        .param("action", "save"))
                .andReturn();
        assertThat(String.valueOf(forged.getFlashMap().get("problem")))
                .contains("there is no question planted")
                .contains("answer ownership-state with yes or no");
        RequestDetail draft = diligence.request(officer, id);
        assertThat(draft.questions().stream().filter(q -> q.question().id().equals("ownership-state")))
                .singleElement()
                .satisfies(q -> assertThat(q.answer()).isEqualTo("no"));
        assertThat(draft.summary().state()).isEqualTo("Outstanding");

        // Evidence: a real PDF is kept; a program named .pdf, an oversized file and an archive bomb are refused.
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        upload(browser, id, "ownership-owners", "register.pdf", pdf);
        MvcResult exe = upload(browser, id, "ownership-owners", "register.pdf", new byte[] {'M', 'Z', 0, 1});
        assertThat(String.valueOf(exe.getFlashMap().get("problem"))).contains("not a type camaudit accepts");
        MvcResult bomb = upload(
                browser,
                id,
                "vulnerabilities-policy",
                "policy.docx",
                io.camaudit.diligence.engine.UploadCheckTestBombs.bomb());
        assertThat(String.valueOf(bomb.getFlashMap().get("problem"))).contains("an archive that large is refused");
        MvcResult big = upload(browser, id, "ownership-owners", "big.pdf", new byte[11 * 1024 * 1024]);
        assertThat(String.valueOf(big.getFlashMap().get("problem"))).contains("larger than 10 MB");
        MvcResult noFiles = upload(browser, id, "intelligence-law-subject", "a.pdf", pdf);
        assertThat(String.valueOf(noFiles.getFlashMap().get("problem"))).contains("takes no files");
        assertThat(rows.files(id)).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("register.pdf");
            assertThat(f.mediaType()).isEqualTo("application/pdf");
        });
        MvcResult download = mvc.perform(get("/diligence/requests/" + id + "/files/"
                                + rows.files(id).get(0).id())
                        .with(as(officer)))
                .andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        // A follow-up question and its answer, then the submission (incomplete: partially answered).
        diligence.message(officer, id, "Who holds the other shares of Acme Holdings?");
        mvc.perform(post("/supplier/requests/" + id + "/messages")
                        .session(browser)
                        .with(csrf())
                        .param("body", "Its founders, 60% and 40%."))
                .andReturn();
        mvc.perform(post("/supplier/requests/" + id)
                        .session(browser)
                        .with(csrf())
                        .param("action", "submit"))
                .andReturn();
        RequestDetail submitted = diligence.request(officer, id);
        assertThat(submitted.summary().state()).isEqualTo("Partially answered");
        assertThat(submitted.summary().standing().words())
                .startsWith("asked on " + LocalDate.now() + "; partially answered on");
        assertThat(submitted.unanswered()).contains("minorities-camps");
        assertThat(submitted.messages())
                .extracting(DiligenceViews.MessageView::fromSupplier)
                .containsExactly(false, true);
        MvcResult late = mvc.perform(post("/supplier/requests/" + id)
                        .session(browser)
                        .with(csrf())
                        .param("answer-ownership-state", "yes")
                        .param("action", "save"))
                .andReturn();
        assertThat(String.valueOf(late.getFlashMap().get("problem"))).contains("can no longer be changed");

        // The reviewers score and decide; the outcome reaches the supplier check's records.
        mvc.perform(post("/diligence/requests/" + id + "/scores")
                        .with(as(officer))
                        .with(csrf())
                        .param("score-ownership-state", "2")
                        .param("comment-ownership-state", "No state holding, as the register shows")
                        .param("score-ownership-owners", "1"))
                .andReturn();
        assertThatThrownBy(() -> diligence.score(officer, id, "ownership-state", 9, null))
                .isInstanceOf(BadInputException.class)
                .hasMessage("The score for ownership-state must be from 0 to 2");
        diligence.decide(
                officer, id, Diligence.Outcome.ACCEPTED_WITH_CONDITIONS, "Answer the minorities section by March.");
        RequestDetail decided = diligence.request(officer, id);
        assertThat(decided.scores().scored()).isEqualTo(3);
        assertThat(decided.summary().outcome()).isEqualTo("ACCEPTED_WITH_CONDITIONS");

        // Someone else's officer, and the link's holder on another request, see nothing.
        Viewer stranger = Estates.officerOf(estates.organisation("Stranger Borough"));
        assertThatThrownBy(() -> diligence.request(stranger, id)).isInstanceOf(NotFoundException.class);
        long other = diligence.send(
                stranger,
                new Diligence.Ask(
                        supplier,
                        questionnaire,
                        stranger.organisationId(),
                        null,
                        LocalDate.now().plusDays(28),
                        "LINK",
                        false,
                        false));
        assertThat(mvc.perform(get("/supplier/requests/" + other).session(browser))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/organisations").session(browser))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a link's holder is no one to the register")
                .isIn(302, 401);
        String audit = String.join(
                "\n",
                jdbc.queryForList(
                        "select summary from audit_event where entity_id = ? and entity_type like 'diligence%'",
                        String.class, id));
        assertThat(audit)
                .contains("asked Acme CCTV Ltd for due diligence")
                .contains("A one-time link to request " + id + " was used")
                .contains("Attached register.pdf")
                .contains("and submitted them")
                .contains("Decided request " + id + ": Accepted with conditions");
    }

    private MvcResult upload(MockHttpSession browser, long id, String question, String name, byte[] content)
            throws Exception {
        return mvc.perform(multipart("/supplier/requests/" + id + "/files")
                        .file(new MockMultipartFile("file", name, "application/pdf", content))
                        .param("question", question)
                        .session(browser)
                        .with(csrf()))
                .andReturn();
    }

    @Test
    void theClockRemindsAndEscalatesOnceAndASilentMakerIsIneligible() throws Exception {
        Viewer office = new Viewer("commissioner-office", Role.AUDITOR, null);
        long axis = diligence.addSupplier(office, "Axis Communications (UK)", "axis", null, "uk@axis.example");
        LocalDate asked = LocalDate.of(2021, 8, 1);
        long silent = diligence.send(
                office, new Diligence.Ask(axis, questionnaire, null, asked, asked.plusDays(31), "LINK", true, true));
        long soon = diligence.send(
                office,
                new Diligence.Ask(
                        axis,
                        questionnaire,
                        null,
                        LocalDate.now().minusDays(20),
                        LocalDate.now().plusDays(3),
                        "LINK",
                        false,
                        true));
        mail.tick();
        mail.tick(); // a second tick, or a restart, sends nothing again
        assertThat(to("uk@axis.example"))
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(
                        "Due diligence request from " + Diligence.COMMISSIONER,
                        "Due diligence request from " + Diligence.COMMISSIONER,
                        "Overdue: due diligence for " + Diligence.COMMISSIONER,
                        "Reminder: due diligence for " + Diligence.COMMISSIONER + " is due by "
                                + LocalDate.now().plusDays(3));
        assertThat(to("office@example.org"))
                .extracting(MimeMessage::getSubject)
                .containsExactly("Overdue: Axis Communications (UK) has not answered due diligence");

        long days = ChronoUnit.DAYS.between(asked, LocalDate.now());
        String words = "asked on 2021-08-01; no reply after " + days + " days";
        assertThat(diligence.request(office, silent).summary().standing().words())
                .isEqualTo(words);
        String publicPage =
                mvc.perform(get("/public/diligence")).andReturn().getResponse().getContentAsString();
        assertThat(publicPage)
                .contains(words)
                .contains("Axis Communications (UK)")
                .doesNotContain("Request " + soon);
        String csv = mvc.perform(get("/public/diligence.csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv)
                .contains("Axis Communications (UK)," + Diligence.COMMISSIONER + ",2021-08-01,2021-09-01,No reply,"
                        + words);
        assertThat(mvc.perform(get("/api/v1/public/diligence"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(words);

        // The supplier check: a maker silent past the policy's deadline is ineligible, with the dates.
        CheckResult check = policies.check(Estates.ADMIN, "Axis Communications", "no-listed-supplier", false);
        assertThat(check.verdict()).isEqualTo(Verdict.INELIGIBLE);
        assertThat(check.reasons())
                .anySatisfy(r -> assertThat(r.text())
                        .endsWith("Axis Communications was asked by " + Diligence.COMMISSIONER
                                + " on 2021-08-01 and has not answered in " + days + " days (the deadline is "
                                + policies.check(Estates.ADMIN, "Axis Communications", "no-listed-supplier", false)
                                        .policy()
                                        .diligenceDeadlineDays()
                                + ")."));
    }

    @Test
    void theRequesterHearsWhenTheSupplierAnswersRefusesOrWrites() throws Exception {
        Organisation created = estates.organisation("Notified Borough");
        Organisation body = register.updateOrganisation(
                Estates.ADMIN,
                created.id(),
                new io.camaudit.register.OrganisationDraft(
                        created.name(), created.sector(), created.region(), null, "foi@notified.example"));
        Viewer officer = Estates.officerOf(body);
        long supplier = diligence.addSupplier(officer, "Answering Ltd", null, null, "ops@answering.example");
        diligence.addAccount(Estates.ADMIN, supplier, "answering-supplier");
        long answered = diligence.send(
                officer,
                new Diligence.Ask(
                        supplier,
                        questionnaire,
                        body.id(),
                        null,
                        LocalDate.now().plusDays(30),
                        "ACCOUNT",
                        false,
                        false));
        long refused = diligence.send(
                officer,
                new Diligence.Ask(
                        supplier,
                        questionnaire,
                        body.id(),
                        null,
                        LocalDate.now().plusDays(30),
                        "ACCOUNT",
                        false,
                        false));
        SupplierPortal.Answerer answerer =
                new SupplierPortal.Answerer("answering-supplier", supplier, java.util.Set.of());
        portal.message(answerer, answered, "We will answer by the end of the month.");
        portal.save(answerer, answered, java.util.Map.of(), true);
        portal.refuse(answerer, refused, "We do not answer questionnaires.");
        mail.tick();
        mail.tick();
        MimeMessage[] notices = to("foi@notified.example");
        assertThat(Arrays.stream(notices).map(m -> {
                    try {
                        return m.getSubject();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .containsExactlyInAnyOrder(
                        "A message from Answering Ltd about due diligence",
                        "Due diligence answered: Answering Ltd",
                        "Due diligence refused: Answering Ltd");
        assertThat(Arrays.stream(notices).map(GreenMailUtil::getBody))
                .anySatisfy(b -> assertThat(b)
                        .contains("has refused to answer")
                        .contains("We do not answer questionnaires.")
                        .contains("http://camaudit.test/diligence/requests/" + refused));
        assertThat(to("ops@answering.example"))
                .as("the supplier was not emailed (no mail asked)")
                .isEmpty();
    }

    @Test
    void anExpiredLinkAndALinkToAWithdrawnRequestOpenNothing() throws Exception {
        Viewer office = new Viewer("commissioner-office", Role.AUDITOR, null);
        long supplier = diligence.addSupplier(office, "Expiry Ltd", null, null, "ops@expiry.example");
        long id = diligence.send(
                office,
                new Diligence.Ask(
                        supplier, questionnaire, null, null, LocalDate.now().plusDays(30), "LINK", false, false));
        String expired = "expired-token-0123456789abcdef";
        rows.insertLink(
                DiligenceMail.hash(expired),
                id,
                Instant.now().minus(java.time.Duration.ofDays(40)),
                Instant.now().minus(java.time.Duration.ofDays(1)));
        assertThat(mvc.perform(post("/respond/" + expired).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("This link expired on");
        String link = diligence.newLink(office, id);
        String token = link.substring(link.lastIndexOf('/') + 1);
        diligence.withdraw(office, id);
        assertThat(mvc.perform(post("/respond/" + token).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("withdrawing ends the request's links")
                .contains("This link expired on");
        assertThat(mvc.perform(post("/respond/not-a-token").with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("This link is not one camaudit made.");
    }

    @Test
    void aMessageClaimedBeforeARestartIsReportedNotSentAgain() {
        Viewer office = new Viewer("commissioner-office", Role.AUDITOR, null);
        long supplier = diligence.addSupplier(office, "Restart Ltd", null, null, "ops@restart.example");
        long id = diligence.send(
                office,
                new Diligence.Ask(
                        supplier, questionnaire, null, null, LocalDate.now().plusDays(30), "LINK", false, true));
        io.camaudit.mail.Posted queued = outboxRows.about("diligence", id).get(0);
        // As if a sender claimed it an hour ago and the service stopped before it could say it was sent.
        assertThat(outboxRows.claim(queued.id(), Instant.now().minus(java.time.Duration.ofHours(1))))
                .isTrue();
        mail.tick();
        assertThat(to("ops@restart.example")).isEmpty();
        assertThat(diligence.request(office, id).mails())
                .singleElement()
                .satisfies(m -> assertThat(m.failure()).startsWith("the service stopped while sending it"));
    }

    @Test
    void aSupplierAccountSeesOnlyItsOwnRequestsAndNothingOfAnyRegister() throws Exception {
        Viewer office = new Viewer("commissioner-office", Role.AUDITOR, null);
        long mine = diligence.addSupplier(office, "Portal Supplier Ltd", null, null, "portal@supplier.example");
        long theirs = diligence.addSupplier(office, "Other Supplier Ltd", null, null, "other@supplier.example");
        diligence.addAccount(Estates.ADMIN, mine, "portal-supplier");
        long ownRequest = diligence.send(
                office,
                new Diligence.Ask(
                        mine, questionnaire, null, null, LocalDate.now().plusDays(30), "ACCOUNT", false, false));
        long otherRequest = diligence.send(
                office,
                new Diligence.Ask(
                        theirs, questionnaire, null, null, LocalDate.now().plusDays(30), "LINK", false, false));
        Viewer supplier = new Viewer("portal-supplier", Role.SUPPLIER, null);

        String home = mvc.perform(get("/supplier").with(as(supplier)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(home).contains("Request " + ownRequest).doesNotContain("Request " + otherRequest);
        assertThat(mvc.perform(get("/supplier/requests/" + ownRequest).with(as(supplier)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/supplier/requests/" + otherRequest).with(as(supplier)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        for (String route : new String[] {
            "/",
            "/organisations",
            "/devices",
            "/check",
            "/audit",
            "/diligence",
            "/diligence/requests/" + ownRequest,
            "/diligence/suppliers",
            "/api/v1/organisations",
            "/api/v1/devices",
            "/api/v1/diligence/requests"
        }) {
            assertThat(mvc.perform(get(route).with(as(supplier)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(route)
                    .isEqualTo(403);
        }
        assertThatThrownBy(() -> diligence.requests(supplier)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> diligence.send(
                        Estates.officerOf(estates.organisation("Officer Borough")),
                        new Diligence.Ask(
                                mine, questionnaire, null, null, LocalDate.now().plusDays(30), "LINK", true, true)))
                .as("only the Commissioner's office asks in its own name")
                .isInstanceOf(io.camaudit.shared.ForbiddenException.class);
        assertThat(portal.requests(new SupplierPortal.Answerer("portal-supplier", mine, java.util.Set.of())))
                .extracting(DiligenceViews.RequestSummary::id)
                .containsExactly(ownRequest);
    }
}
