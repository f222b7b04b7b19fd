package io.camaudit.campaign;

import io.camaudit.campaign.persistence.CampaignRows;
import io.camaudit.mail.DueMail;
import io.camaudit.mail.Letter;
import io.camaudit.mail.Outbox;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.Viewer;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A campaign's mail to each body with an address for information requests: the request as the
 * campaign starts, one reminder a set number of days before the deadline, and one notice the day
 * after it to a body still silent. Bodies without an address see the request on their page only,
 * and the campaign page says which those are.
 */
@Component
class CampaignMail implements DueMail {

    static final String TOPIC = "campaign";
    private static final String OFFICE = "The Biometrics and Surveillance Camera Commissioner's office";

    private final CampaignRows rows;
    private final Register register;
    private final Outbox outbox;
    private final int remindDays;

    CampaignMail(
            CampaignRows rows,
            Register register,
            Outbox outbox,
            @Value("${camaudit.campaign.remind-days:7}") int remindDays) {
        this.rows = rows;
        this.register = register;
        this.outbox = outbox;
        this.remindDays = remindDays;
    }

    /** The request to one body, queued in the campaign's own transaction. */
    Letter asked(long requestId, Organisation body, String title, String question, LocalDate deadline) {
        return letter(
                requestId,
                body,
                "REQUEST",
                "Information request: " + title,
                OFFICE + " asks " + body.name() + " for information about its surveillance cameras:\n\n" + question
                        + "\n\nPlease answer by " + deadline + ". " + how(requestId)
                        + "\n\nWhich bodies answered, declined or did not answer is reported to the Commissioner.\n");
    }

    @Override
    public void queueDue(Outbox outbox, LocalDate today) {
        for (CampaignRows.RequestRow r : rows.toMail(today.plusDays(remindDays), false)) {
            CampaignRows.CampaignRow c = rows.campaign(r.campaignId()).orElseThrow();
            if (!today.isAfter(c.deadline())) {
                queue(
                        outbox,
                        r,
                        "REMINDER",
                        "Reminder: information request due by " + c.deadline(),
                        c.title() + " is due by " + c.deadline() + " and has not been answered yet. " + how(r.id()));
            }
            rows.mailQueued(r.id(), false);
        }
        for (CampaignRows.RequestRow r : rows.toMail(today, true)) {
            CampaignRows.CampaignRow c = rows.campaign(r.campaignId()).orElseThrow();
            queue(
                    outbox,
                    r,
                    "OVERDUE",
                    "Overdue: information request " + c.title(),
                    "The deadline of " + c.deadline()
                            + " for " + c.title() + " has passed with no answer, and the Commissioner's office sees the"
                            + " request as unanswered. " + how(r.id()));
            rows.mailQueued(r.id(), true);
        }
    }

    private void queue(Outbox outbox, CampaignRows.RequestRow r, String kind, String subject, String text) {
        Organisation body = register.organisation(Viewer.SYSTEM, r.organisationId());
        if (body.contactEmail() != null) {
            outbox.queue(letter(r.id(), body, kind, subject, text + "\n"));
        }
    }

    private Letter letter(long requestId, Organisation body, String kind, String subject, String text) {
        return new Letter(
                TOPIC,
                requestId,
                body.id(),
                kind,
                "campaign-request:" + requestId + ":" + kind.toLowerCase(java.util.Locale.ROOT),
                java.util.Objects.requireNonNull(body.contactEmail()),
                subject,
                "Dear " + body.name() + ",\n\n" + text);
    }

    private String how(long requestId) {
        return "Sign in to camaudit to answer it with a return loaded through the import feature, or to decline"
                + " with your reasons: " + outbox.link("/campaign-requests/" + requestId);
    }
}
