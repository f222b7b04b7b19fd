package io.camaudit.compliance;

import io.camaudit.compliance.persistence.ComplianceRows;
import io.camaudit.mail.DueMail;
import io.camaudit.mail.Letter;
import io.camaudit.mail.Outbox;
import io.camaudit.register.CameraSystem;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.Viewer;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Code of Practice review reminders by email, to the body's address for information requests:
 * one a month before a completed self-assessment's review date, one the day after it if no review
 * was begun. The same reminders are on the body's page whether or not it has an address.
 */
@Component
class ReviewMail implements DueMail {

    static final String TOPIC = "compliance";

    private final ComplianceRows rows;
    private final Register register;

    ReviewMail(ComplianceRows rows, Register register) {
        this.rows = rows;
        this.register = register;
    }

    @Override
    public void queueDue(Outbox outbox, LocalDate today) {
        for (ComplianceRows.AssessmentRow a : rows.reviewsToMail(today.plusDays(CodeOfPractice.REMIND_DAYS), false)) {
            if (!a.reviewDate().isBefore(today)) {
                queue(outbox, a, "REMINDER", "is due for review by " + a.reviewDate());
            }
            rows.reviewMailQueued(a.id(), false);
        }
        for (ComplianceRows.AssessmentRow a : rows.reviewsToMail(today, true)) {
            queue(outbox, a, "OVERDUE", "was due for review on " + a.reviewDate() + " and no review has begun");
            rows.reviewMailQueued(a.id(), true);
        }
    }

    private void queue(Outbox outbox, ComplianceRows.AssessmentRow a, String kind, String words) {
        Organisation body = register.organisation(Viewer.SYSTEM, a.organisationId());
        if (body.contactEmail() == null) {
            return; // the reminder is on the body's page
        }
        CameraSystem system = register.system(Viewer.SYSTEM, a.systemId());
        String what = "The Surveillance Camera Code of Practice self-assessment of " + system.name();
        outbox.queue(new Letter(
                TOPIC,
                a.id(),
                body.id(),
                kind,
                "compliance-assessment:" + a.id() + ":" + kind.toLowerCase(java.util.Locale.ROOT),
                Objects.requireNonNull(body.contactEmail()),
                (kind.equals("OVERDUE") ? "Overdue: " : "Reminder: ")
                        + "review the Code of Practice self-assessment of " + system.name(),
                "Dear " + body.name() + ",\n\n" + what + " " + words + ". Reviewing it begins a new assessment,"
                        + " answered against the twelve guiding principles: "
                        + outbox.link("/organisations/" + body.id() + "/compliance") + "\n"));
    }
}
