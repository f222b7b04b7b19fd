package io.camaudit.campaign;

import io.camaudit.audit.AuditLog;
import io.camaudit.campaign.persistence.CampaignRows;
import io.camaudit.mail.Outbox;
import io.camaudit.mail.Posted;
import io.camaudit.register.Organisation;
import io.camaudit.register.Region;
import io.camaudit.register.Register;
import io.camaudit.register.Sector;
import io.camaudit.returns.ImportBatch;
import io.camaudit.returns.ImportStatus;
import io.camaudit.returns.Imports;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.ForbiddenException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Information-request campaigns: the Commissioner's office (auditors) or an administrator asks
 * bodies for their camera register; each body's officer answers with one of its committed imports
 * (the return goes through the import feature, checked as every return is) or declines with its
 * reasons; the office sees who answered, when, and who is silent past the deadline.
 */
@Service
public class Campaigns {

    private final CampaignRows rows;
    private final Register register;
    private final Imports imports;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final CampaignMail mail;
    private final Outbox outbox;
    private final Clock clock;

    Campaigns(
            CampaignRows rows,
            Register register,
            Imports imports,
            AuditLog audit,
            TransactionTemplate transactions,
            CampaignMail mail,
            Outbox outbox,
            Clock clock) {
        this.rows = rows;
        this.register = register;
        this.imports = imports;
        this.audit = audit;
        this.transactions = transactions;
        this.mail = mail;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One body's request: the campaign, the body, where it stands. */
    public record RequestView(
            long id,
            long campaignId,
            String campaign,
            String question,
            LocalDate deadline,
            long organisationId,
            String body,
            String status,
            @Nullable Long batchId,
            @Nullable String reason,
            @Nullable LocalDate answeredOn,
            @Nullable String emailedTo,
            String standing) {

        public boolean open() {
            return status.equals("ASKED");
        }
    }

    public record CampaignView(
            long id, String title, String question, LocalDate deadline, String createdBy, List<RequestView> requests) {

        public long answered() {
            return requests.stream().filter(r -> r.status().equals("ANSWERED")).count();
        }

        public long declined() {
            return requests.stream().filter(r -> r.status().equals("DECLINED")).count();
        }

        public long silent() {
            return requests.stream().filter(RequestView::open).count();
        }

        /** Bodies asked on their page only: they had no address for information requests. */
        public long notEmailed() {
            return requests.stream().filter(r -> r.emailedTo() == null).count();
        }
    }

    /** Asks every body (of the sector and region, where given) the question by the deadline. */
    public long start(
            Viewer viewer,
            String title,
            String question,
            @Nullable LocalDate deadline,
            @Nullable Sector sector,
            @Nullable Region region) {
        requireOffice(viewer);
        if (title == null || title.isBlank() || question == null || question.isBlank()) {
            throw new BadInputException("Give the campaign a title and the question it asks");
        }
        LocalDate today = LocalDate.now(clock);
        if (deadline == null || !deadline.isAfter(today.plusDays(6))) {
            throw new BadInputException("The deadline must be at least a week away");
        }
        List<Organisation> bodies = register.organisations(viewer, sector, region, null);
        if (bodies.isEmpty()) {
            throw new BadInputException("No body is in that sector and region");
        }
        return transactions.execute(status -> {
            long id = rows.insert(title.strip(), question.strip(), deadline, viewer.username(), Instant.now(clock));
            int emailed = 0;
            for (Organisation b : bodies) {
                long request = rows.ask(id, b.id(), b.contactEmail());
                if (b.contactEmail() != null) {
                    outbox.queue(mail.asked(request, b, title.strip(), question.strip(), deadline));
                    emailed++;
                }
            }
            audit.recordAlone(
                    viewer.username(),
                    "CREATE",
                    "campaign",
                    id,
                    "Asked " + bodies.size() + " bodies (" + emailed + " by email): " + title.strip() + ", by "
                            + deadline);
            return id;
        });
    }

    public List<CampaignView> campaigns(Viewer viewer) {
        requireOffice(viewer);
        Map<Long, String> names = names();
        return rows.campaigns().stream()
                .map(c -> view(c, rows.requests(c.id()), names))
                .toList();
    }

    public CampaignView campaign(Viewer viewer, long id) {
        requireOffice(viewer);
        CampaignRows.CampaignRow c = rows.campaign(id).orElseThrow(() -> new NotFoundException("Campaign " + id));
        return view(c, rows.requests(id), names());
    }

    /** Every body's name, read once for a campaign's thousands of requests. */
    private Map<Long, String> names() {
        Map<Long, String> names = new java.util.HashMap<>();
        register.organisations(Viewer.SYSTEM).forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    /** A body's requests, newest first (its officers' notices). */
    public List<RequestView> requestsOf(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        Map<Long, String> name = Map.of(
                organisationId, register.organisation(viewer, organisationId).name());
        return rows.requestsOf(organisationId).stream()
                .map(r -> request(r, rows.campaign(r.campaignId()).orElseThrow(), name))
                .toList();
    }

    public RequestView request(Viewer viewer, long requestId) {
        CampaignRows.RequestRow r =
                rows.request(requestId).orElseThrow(() -> new NotFoundException("Request " + requestId));
        Organisation body = register.organisation(viewer, r.organisationId());
        return request(r, rows.campaign(r.campaignId()).orElseThrow(), Map.of(body.id(), body.name()));
    }

    /** The mail sent to the body about its request, oldest first. */
    public List<Posted> mails(Viewer viewer, long requestId) {
        request(viewer, requestId);
        return outbox.about(CampaignMail.TOPIC, requestId);
    }

    /** Whether mail can go out: an SMTP server is configured. */
    public boolean mailConfigured() {
        return outbox.configured();
    }

    /** The body's committed imports made since the campaign began: the returns it may answer with. */
    public List<ImportBatch> answerable(Viewer viewer, long requestId) {
        CampaignRows.RequestRow r =
                rows.request(requestId).orElseThrow(() -> new NotFoundException("Request " + requestId));
        CampaignRows.CampaignRow c = rows.campaign(r.campaignId()).orElseThrow();
        return imports.recent(viewer, r.organisationId()).stream()
                .filter(b -> b.status() == ImportStatus.COMMITTED
                        && b.committedAt() != null
                        && !b.committedAt().isBefore(c.createdAt()))
                .toList();
    }

    public void answer(Viewer viewer, long requestId, long batchId) {
        CampaignRows.RequestRow r = writable(viewer, requestId);
        ImportBatch batch = imports.batch(viewer, batchId);
        if (batch.organisationId() != r.organisationId() || batch.status() != ImportStatus.COMMITTED) {
            throw new BadInputException("Answer with one of the body's committed imports");
        }
        settle(viewer, r, "ANSWERED", batchId, null, "answered with the return " + batch.fileName());
    }

    public void decline(Viewer viewer, long requestId, String reason) {
        CampaignRows.RequestRow r = writable(viewer, requestId);
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("Give the reasons for declining");
        }
        settle(viewer, r, "DECLINED", null, reason.strip(), "declined");
    }

    private void settle(
            Viewer viewer,
            CampaignRows.RequestRow r,
            String status,
            @Nullable Long batch,
            @Nullable String reason,
            String what) {
        transactions.executeWithoutResult(tx -> {
            if (!rows.answer(r.id(), status, batch, reason, viewer.username(), LocalDate.now(clock))) {
                throw new ConflictException("This request has been answered already");
            }
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "campaign_request",
                    r.id(),
                    r.organisationId(),
                    "The information request of campaign " + r.campaignId() + " was " + what,
                    null,
                    reason == null ? null : Map.of("reason", reason));
        });
    }

    private CampaignRows.RequestRow writable(Viewer viewer, long requestId) {
        CampaignRows.RequestRow r =
                rows.request(requestId).orElseThrow(() -> new NotFoundException("Request " + requestId));
        viewer.requireWrite(r.organisationId(), "Request " + requestId);
        return r;
    }

    private CampaignView view(
            CampaignRows.CampaignRow c, List<CampaignRows.RequestRow> requests, Map<Long, String> names) {
        return new CampaignView(
                c.id(),
                c.title(),
                c.question(),
                c.deadline(),
                c.createdBy(),
                requests.stream().map(r -> request(r, c, names)).toList());
    }

    private RequestView request(CampaignRows.RequestRow r, CampaignRows.CampaignRow c, Map<Long, String> names) {
        LocalDate asked = LocalDate.ofInstant(c.createdAt(), java.time.ZoneOffset.UTC);
        LocalDate today = LocalDate.now(clock);
        String standing = switch (r.status()) {
            case "ANSWERED" -> "answered on " + r.answeredOn();
            case "DECLINED" -> "declined on " + r.answeredOn();
            default ->
                today.isAfter(c.deadline())
                        ? "no answer after " + ChronoUnit.DAYS.between(asked, today) + " days (due " + c.deadline()
                                + ")"
                        : "due by " + c.deadline();
        };
        return new RequestView(
                r.id(),
                c.id(),
                c.title(),
                c.question(),
                c.deadline(),
                r.organisationId(),
                names.get(r.organisationId()),
                r.status(),
                r.batchId(),
                r.reason(),
                r.answeredOn(),
                r.emailedTo(),
                standing);
    }

    private static void requireOffice(Viewer viewer) {
        if (!viewer.seesEverything()) {
            throw new ForbiddenException("Campaigns are run by the Commissioner's office and administrators");
        }
    }
}
