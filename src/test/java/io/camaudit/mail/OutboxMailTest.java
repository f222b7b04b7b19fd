package io.camaudit.mail;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.camaudit.campaign.Campaigns;
import io.camaudit.compliance.CodeOfPractice;
import io.camaudit.register.Organisation;
import io.camaudit.register.OrganisationDraft;
import io.camaudit.register.Procurement;
import io.camaudit.register.Register;
import io.camaudit.register.SystemDraft;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The outbox's mail to bodies, received by an SMTP server in the test's own process (GreenMail,
 * on loopback): an information-request campaign asks each body with an address by email and the
 * rest on their page only, reminds once before the deadline and chases once after it; a Code of
 * Practice review is reminded a month before and chased after; a second tick sends nothing again.
 */
@IntegrationTest
@TestPropertySource(properties = "camaudit.public-url=http://camaudit.test")
class OutboxMailTest {

    static final GreenMail SMTP =
            new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static {
        SMTP.start(); // it ends with the JVM
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    Outbox outbox;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CodeOfPractice code;

    @Autowired
    Register register;

    @Autowired
    Estates estates;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    private final Viewer office = new Viewer("commissioner-office", Role.AUDITOR, null);

    @Test
    void aCampaignMailsBodiesWithAnAddressRemindsOnceAndChasesTheSilentOnce() throws Exception {
        Organisation mailed = withAddress(estates.organisation("Mailed Council"), "foi@mailed.example");
        Organisation unmailed = estates.organisation("Unmailed Council");
        long id = campaigns.start(
                office,
                "Registers for the mail test",
                "Please send your camera register.",
                LocalDate.now().plusDays(7),
                mailed.sector(),
                null);
        outbox.tick();

        MimeMessage[] asked = to("foi@mailed.example");
        assertThat(asked).hasSize(2); // the request, and (the deadline a week away) its reminder
        assertThat(asked[0].getSubject()).isEqualTo("Information request: Registers for the mail test");
        String body = GreenMailUtil.getBody(asked[0]);
        assertThat(body)
                .contains("Dear Mailed Council")
                .contains("Please send your camera register.")
                .contains("Please answer by " + LocalDate.now().plusDays(7))
                .contains("http://camaudit.test/campaign-requests/");
        assertThat(asked[1].getSubject()).startsWith("Reminder: information request due by");

        Campaigns.CampaignView campaign = campaigns.campaign(office, id);
        Campaigns.RequestView silent = campaign.requests().stream()
                .filter(r -> r.organisationId() == unmailed.id())
                .findFirst()
                .orElseThrow();
        assertThat(silent.emailedTo()).isNull();
        assertThat(campaign.notEmailed()).isGreaterThanOrEqualTo(1);
        Document page =
                Jsoup.parse(mvc.perform(get("/campaign-requests/" + silent.id()).with(as(Estates.officerOf(unmailed))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("#not-emailed").text()).contains("no email address for information requests");
        assertThat(page.select("#no-mails")).hasSize(1);

        // A week later the deadline has passed: one notice to the silent body, then nothing more.
        jdbc.update(
                "update campaign set deadline = ? where id = ?", LocalDate.now().minusDays(1), id);
        outbox.tick();
        outbox.tick();
        MimeMessage[] all = to("foi@mailed.example");
        assertThat(all).hasSize(3);
        assertThat(all[2].getSubject()).isEqualTo("Overdue: information request Registers for the mail test");
        Campaigns.RequestView mine =
                campaigns.requestsOf(Estates.officerOf(mailed), mailed.id()).get(0);
        assertThat(campaigns.mails(Estates.officerOf(mailed), mine.id()))
                .extracting(Posted::kind)
                .containsExactly("REQUEST", "REMINDER", "OVERDUE");
        Document mailedPage =
                Jsoup.parse(mvc.perform(get("/campaign-requests/" + mine.id()).with(as(Estates.officerOf(mailed))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(mailedPage.select("#mails tbody tr")).hasSize(3);
    }

    @Test
    void aCodeOfPracticeReviewIsRemindedAMonthBeforeAndChasedAfter() throws Exception {
        Organisation body = withAddress(estates.organisation("Reviewed Council"), "dpo@reviewed.example");
        Viewer officer = Estates.officerOf(body);
        long system = register.createSystem(
                        officer,
                        body.id(),
                        new SystemDraft("Car park CCTV", null, null, null, null, Procurement.none()))
                .id();
        long id = code.begin(officer, system);
        complete(officer, id, LocalDate.now().plusDays(40));
        outbox.tick();
        assertThat(to("dpo@reviewed.example")).isEmpty(); // forty days away: not yet

        jdbc.update(
                "update compliance_assessment set review_date = ? where id = ?",
                LocalDate.now().plusDays(20),
                id);
        outbox.tick();
        MimeMessage[] reminded = to("dpo@reviewed.example");
        assertThat(reminded).hasSize(1);
        assertThat(reminded[0].getSubject())
                .isEqualTo("Reminder: review the Code of Practice self-assessment of Car park CCTV");
        assertThat(GreenMailUtil.getBody(reminded[0]))
                .contains("is due for review by " + LocalDate.now().plusDays(20))
                .contains("http://camaudit.test/organisations/" + body.id() + "/compliance");

        jdbc.update(
                "update compliance_assessment set review_date = ? where id = ?",
                LocalDate.now().minusDays(1),
                id);
        outbox.tick();
        outbox.tick();
        MimeMessage[] chased = to("dpo@reviewed.example");
        assertThat(chased).hasSize(2);
        assertThat(chased[1].getSubject()).startsWith("Overdue: review the Code of Practice self-assessment");
        assertThat(Jsoup.parse(mvc.perform(get("/organisations/" + body.id() + "/compliance")
                                        .with(as(officer)))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("#reminder-mail")
                        .text())
                .contains("emailed to dpo@reviewed.example");
    }

    @Test
    void aReviewBegunAgainIsNotChased() {
        Organisation body = withAddress(estates.organisation("Rereviewed Council"), "dpo@rereviewed.example");
        Viewer officer = Estates.officerOf(body);
        long system = register.createSystem(
                        officer, body.id(), new SystemDraft("Library CCTV", null, null, null, null, Procurement.none()))
                .id();
        long first = code.begin(officer, system);
        complete(officer, first, LocalDate.now().plusDays(60));
        code.begin(officer, system); // the review has begun
        jdbc.update(
                "update compliance_assessment set review_date = ? where id = ?",
                LocalDate.now().minusDays(1),
                first);
        outbox.tick();
        assertThat(to("dpo@rereviewed.example")).isEmpty();
    }

    /** Answers every principle yes, with evidence, and completes the assessment with its review date. */
    private void complete(Viewer officer, long assessment, LocalDate review) {
        Map<String, String> answers = new HashMap<>();
        for (CodeOfPractice.Principle p : code.assessment(officer, assessment).principles()) {
            for (CodeOfPractice.Answered q : p.questions()) {
                answers.put(q.question().id(), "Yes");
                answers.put(q.question().id() + "-evidence", "Policy document");
            }
        }
        code.save(officer, assessment, answers, review);
    }

    private Organisation withAddress(Organisation o, String email) {
        return register.updateOrganisation(
                Estates.ADMIN,
                o.id(),
                new OrganisationDraft(o.name(), o.sector(), o.region(), o.officialCode(), email));
    }

    private static MimeMessage[] to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toArray(MimeMessage[]::new);
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
