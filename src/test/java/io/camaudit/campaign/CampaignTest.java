package io.camaudit.campaign;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.camaudit.register.Organisation;
import io.camaudit.returns.ImportBatch;
import io.camaudit.returns.Imports;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The Commissioner's office asks bodies for their registers; one answers with a return, one declines. */
@IntegrationTest
class CampaignTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    Imports imports;

    @Autowired
    Estates estates;

    @Autowired
    MockMvc mvc;

    @Test
    void bodiesAnswerWithAReturnOrDeclineAndTheOfficeSeesWhoIsSilent() throws Exception {
        Viewer office = new Viewer("commissioner-office", Role.AUDITOR, null);
        Organisation answering = estates.organisation("Answering Council");
        Organisation declining = estates.organisation("Declining Council");
        Viewer officer = Estates.officerOf(answering);

        MvcResult soon = mvc.perform(post("/campaigns")
                        .with(as(office))
                        .with(csrf())
                        .param("title", "Camera registers 2027")
                        .param("question", "Please send your register.")
                        .params(io.camaudit.support.DateBoxes.of(
                                "deadline", LocalDate.now().plusDays(2))))
                .andReturn();
        assertThat(String.valueOf(soon.getFlashMap().get("problem"))).contains("at least a week away");
        MvcResult started = mvc.perform(post("/campaigns")
                        .with(as(office))
                        .with(csrf())
                        .param("title", "Camera registers 2027")
                        .param("question", "Please send your register.")
                        .params(io.camaudit.support.DateBoxes.of(
                                "deadline", LocalDate.now().plusDays(20)))
                        .param("sector", "LOCAL_AUTHORITY"))
                .andReturn();
        String page = started.getResponse().getRedirectedUrl();
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        Campaigns.CampaignView campaign = campaigns.campaign(office, id);
        assertThat(campaign.requests())
                .extracting(Campaigns.RequestView::body)
                .contains(answering.name(), declining.name());

        Campaigns.RequestView mine =
                campaigns.requestsOf(officer, answering.id()).get(0);
        assertThat(mvc.perform(get("/organisations/" + answering.id()).with(as(officer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Information requests")
                .contains("Camera registers 2027: due by");
        Document request =
                Jsoup.parse(mvc.perform(get("/campaign-requests/" + mine.id()).with(as(officer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(request.select("#no-imports")).isNotEmpty();

        ImportBatch preview = imports.preview(
                officer,
                answering.id(),
                "register.csv",
                new ByteArrayInputStream("Site,Manufacturer,Model,Serial number\nDepot,Axis,P3245-V,AX-1\n"
                        .getBytes(StandardCharsets.UTF_8)));
        ImportBatch committed = imports.commit(officer, preview.id());
        mvc.perform(post("/campaign-requests/" + mine.id() + "/answer")
                        .with(as(officer))
                        .with(csrf())
                        .param("batch", String.valueOf(committed.id())))
                .andReturn();
        assertThat(campaigns.request(officer, mine.id()).status()).isEqualTo("ANSWERED");
        assertThat(campaigns.request(officer, mine.id()).batchId()).isEqualTo(committed.id());
        assertThatThrownBy(() -> campaigns.answer(officer, mine.id(), committed.id()))
                .isInstanceOf(ConflictException.class);

        Viewer other = Estates.officerOf(declining);
        long theirs = campaigns.requestsOf(other, declining.id()).get(0).id();
        mvc.perform(post("/campaign-requests/" + theirs + "/decline")
                        .with(as(other))
                        .with(csrf())
                        .param("reason", "Our cameras are run by the police, who will answer"))
                .andReturn();
        Campaigns.CampaignView after = campaigns.campaign(office, id);
        assertThat(after.answered()).isEqualTo(1);
        assertThat(after.declined()).isEqualTo(1);
        assertThat(after.silent()).isEqualTo(after.requests().size() - 2);
        String csv = mvc.perform(get("/campaigns/" + id + ".csv").with(as(office)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv)
                .contains(answering.name() + ",answered,answered on " + LocalDate.now() + ",," + committed.id())
                .contains(declining.name() + ",declined");
        assertThat(Jsoup.parse(mvc.perform(get(page).with(as(office)))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("#counts")
                        .text())
                .contains("1 answered, 1 declined");

        assertThat(mvc.perform(get("/campaigns").with(as(officer)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThatThrownBy(() -> campaigns.request(other, mine.id())).isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(post("/campaign-requests/" + mine.id() + "/decline")
                                .with(as(other))
                                .with(csrf())
                                .param("reason", "hijacked"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThatThrownBy(() -> campaigns.answer(other, theirs, committed.id()))
                .as("another body's import is no answer, and is not even seen")
                .isInstanceOf(NotFoundException.class);
    }
}
