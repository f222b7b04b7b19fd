package io.camaudit.diligence;

import io.camaudit.account.Accounts;
import io.camaudit.account.NewSecret;
import io.camaudit.audit.AuditLog;
import io.camaudit.diligence.DiligenceViews.AnsweredQuestion;
import io.camaudit.diligence.DiligenceViews.FileView;
import io.camaudit.diligence.DiligenceViews.MessageView;
import io.camaudit.diligence.DiligenceViews.RequestDetail;
import io.camaudit.diligence.DiligenceViews.RequestSummary;
import io.camaudit.diligence.DiligenceViews.SupplierView;
import io.camaudit.diligence.engine.Completeness;
import io.camaudit.diligence.engine.Question;
import io.camaudit.diligence.engine.Questionnaire;
import io.camaudit.diligence.engine.Scores;
import io.camaudit.diligence.engine.Standing;
import io.camaudit.diligence.persistence.DiligenceRows;
import io.camaudit.diligence.persistence.DiligenceRows.RequestRow;
import io.camaudit.intel.Intel;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.ForbiddenException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Due diligence for the people who ask: suppliers, sending requests for a body or for the
 * Commissioner's office, the request's page (answers, files, messages, mail, the clock), scores
 * and the outcome, one-time links, and the list of who was asked. An officer sees and manages
 * only their body's requests; the Commissioner's office (auditors) manages its own and reads
 * every one; administrators do everything. Every change is audit-logged.
 */
@Service
public class Diligence {

    /** A deadline is at least a week and at most a year from the day asked. */
    static final int MIN_DAYS = 7;

    static final int MAX_DAYS = 366;
    static final String COMMISSIONER = "The Biometrics and Surveillance Camera Commissioner's office";

    private final DiligenceRows rows;
    private final Questionnaires questionnaires;
    private final Register register;
    private final Intel intel;
    private final Accounts accounts;
    private final AuditLog audit;
    private final DiligenceMail mail;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Diligence(
            DiligenceRows rows,
            Questionnaires questionnaires,
            Register register,
            Intel intel,
            Accounts accounts,
            AuditLog audit,
            DiligenceMail mail,
            TransactionTemplate transactions,
            Clock clock) {
        this.rows = rows;
        this.questionnaires = questionnaires;
        this.register = register;
        this.intel = intel;
        this.accounts = accounts;
        this.audit = audit;
        this.mail = mail;
        this.transactions = transactions;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // -- suppliers --------------------------------------------------------------------------------

    public List<SupplierView> suppliers(Viewer viewer) {
        requireStaff(viewer);
        return rows.suppliers().stream().map(this::view).toList();
    }

    public SupplierView supplier(Viewer viewer, long id) {
        requireStaff(viewer);
        return view(rows.supplier(id).orElseThrow(() -> new NotFoundException("Supplier " + id)));
    }

    /** The intel bundle's companies, for linking a supplier to the company the procurement check knows. */
    public Map<String, String> companies() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        intel.bundle().companies().stream()
                .sorted(java.util.Comparator.comparing(c -> c.name().toLowerCase(java.util.Locale.ROOT)))
                .forEach(c -> out.put(c.id(), c.name()));
        return out;
    }

    public long addSupplier(
            Viewer viewer, String name, @Nullable String companyId, @Nullable String contactName, String email) {
        requireStaff(viewer); // every staff role may add a supplier to ask
        String n = required(name, "Enter the supplier's name", 200);
        String e = required(email, "Enter the contact's email address", 320);
        if (!io.camaudit.shared.EmailAddresses.looksValid(e)) {
            throw new BadInputException(io.camaudit.shared.EmailAddresses.FORMAT);
        }
        String company = companyId == null || companyId.isBlank() ? null : companyId.strip();
        if (company != null && intel.bundle().company(company).isEmpty()) {
            throw new BadInputException("The company \"" + company + "\" is not in the reference data");
        }
        String contact = contactName == null || contactName.isBlank() ? null : contactName.strip();
        return transactions.execute(status -> {
            long id = rows.insertSupplier(n, company, contact, e, viewer.username(), Instant.now(clock));
            audit.recordAlone(
                    viewer.username(),
                    "CREATE",
                    "supplier",
                    id,
                    "Added supplier " + n + (company == null ? "" : " (the company " + company + ")"));
            return id;
        });
    }

    /** Gives a supplier an account (an administrator's act): its one-time password is returned once. */
    public NewSecret addAccount(Viewer viewer, long supplierId, String username) {
        if (!viewer.isAdministrator()) {
            throw new ForbiddenException("Only an administrator gives a supplier an account");
        }
        SupplierView supplier = supplier(viewer, supplierId);
        return transactions.execute(status -> {
            NewSecret secret;
            try {
                secret = accounts.create(viewer, username, supplier.name(), Role.SUPPLIER, null);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            rows.linkAccount(secret.id(), supplierId);
            audit.recordAlone(
                    viewer.username(),
                    "UPDATE",
                    "supplier",
                    supplierId,
                    "Gave supplier " + supplier.name() + " the account " + username.strip());
            return secret;
        });
    }

    // -- sending ----------------------------------------------------------------------------------

    /** Where the request comes from: a body, or the Commissioner's office (organisation null). */
    public record Ask(
            long supplierId,
            long questionnaireId,
            @Nullable Long organisationId,
            @Nullable LocalDate askedOn,
            LocalDate deadline,
            String access,
            boolean published,
            boolean email) {}

    public long send(Viewer viewer, Ask ask) {
        requireStaff(viewer);
        if (ask.organisationId() == null) {
            if (viewer.role() == Role.OFFICER) {
                throw new ForbiddenException("Only the Commissioner's office asks on its own behalf");
            }
        } else {
            register.organisation(viewer, ask.organisationId());
            viewer.requireWrite(ask.organisationId(), "Organisation " + ask.organisationId());
        }
        SupplierView supplier = supplier(viewer, ask.supplierId());
        DiligenceRows.QuestionnaireRow template = questionnaires.row(ask.questionnaireId());
        LocalDate today = today();
        LocalDate asked = ask.askedOn() == null ? today : ask.askedOn();
        if (asked.isAfter(today)) {
            throw new BadInputException("The date asked must be today or in the past");
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(asked, ask.deadline());
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new BadInputException(
                    "The deadline must be between " + MIN_DAYS + " and " + MAX_DAYS + " days after the date asked");
        }
        if (!Set.of("LINK", "ACCOUNT").contains(ask.access())) {
            throw new BadInputException("Choose how the supplier answers: a one-time link or its account");
        }
        if (ask.access().equals("ACCOUNT") && rows.accountsOf(supplier.id()).isEmpty()) {
            throw new BadInputException(supplier.name() + " has no supplier account yet: ask an administrator for one,"
                    + " or send a one-time link");
        }
        String requester = requesterName(ask.organisationId());
        return transactions.execute(status -> {
            long id = rows.insertRequest(
                    supplier.id(),
                    template.id(),
                    ask.organisationId(),
                    viewer.username(),
                    asked,
                    ask.deadline(),
                    ask.access(),
                    ask.published(),
                    ask.email(),
                    Instant.now(clock));
            audit.record(
                    viewer.username(),
                    "CREATE",
                    "diligence_request",
                    id,
                    ask.organisationId(),
                    requester + " asked " + supplier.name() + " for due diligence (" + template.title() + ", version "
                            + template.version() + "), due by " + ask.deadline(),
                    null,
                    Map.of(
                            "supplier",
                            supplier.name(),
                            "deadline",
                            ask.deadline().toString(),
                            "access",
                            ask.access()));
            if (ask.email()) {
                mail.queueRequest(
                        id, ask.organisationId(), supplier, requester, template.title(), ask.deadline(), ask.access());
            }
            return id;
        });
    }

    /** A fresh one-time link for the request (earlier unused ones end), returned once for the requester to pass on. */
    public String newLink(Viewer viewer, long requestId) {
        RequestRow row = manageable(viewer, requestId);
        requireOpen(row);
        return transactions.execute(status -> {
            String link = mail.link(row.id(), row.deadline());
            audit.record(
                    viewer.username(),
                    "CREATE",
                    "diligence_link",
                    requestId,
                    row.organisationId(),
                    "Made a new one-time link for request " + requestId,
                    null,
                    null);
            return link;
        });
    }

    public void withdraw(Viewer viewer, long requestId) {
        RequestRow row = manageable(viewer, requestId);
        transactions.executeWithoutResult(status -> {
            if (!rows.withdraw(requestId, today())) {
                throw new ConflictException("Request " + requestId + " is already withdrawn");
            }
            rows.expireLinks(requestId, Instant.now(clock));
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "diligence_request",
                    requestId,
                    row.organisationId(),
                    "Withdrew request " + requestId,
                    null,
                    null);
        });
    }

    // -- reading ----------------------------------------------------------------------------------

    /** The requests the viewer may see, newest first. */
    public List<RequestSummary> requests(Viewer viewer) {
        requireStaff(viewer);
        List<RequestRow> list = viewer.seesEverything() ? rows.requests(null) : rows.requests(viewer.organisationId());
        return summaries(list);
    }

    /** The requests a body made, newest first (for its transparency statement). */
    public List<RequestSummary> requestsOf(Viewer viewer, long organisationId) {
        requireStaff(viewer);
        register.organisation(viewer, organisationId);
        return summaries(rows.requests(organisationId));
    }

    public RequestDetail request(Viewer viewer, long id) {
        RequestRow row = visible(viewer, id);
        return detail(row, manages(viewer, row), true);
    }

    RequestDetail detail(RequestRow row, boolean canManage, boolean forStaff) {
        Questionnaire questionnaire = questionnaires.of(row.questionnaireId());
        Map<String, String> answers = new HashMap<>();
        rows.answers(row.id()).forEach(a -> answers.put(a.questionId(), a.answer()));
        Map<String, List<FileView>> files = rows.files(row.id()).stream()
                .map(f -> new FileView(f.id(), f.questionId(), f.fileName(), f.mediaType(), f.sizeBytes(), f.sha256()))
                .collect(Collectors.groupingBy(FileView::questionId));
        Map<String, DiligenceRows.ScoreRow> scores = new HashMap<>();
        rows.scores(row.id()).forEach(s -> scores.put(s.questionId(), s));
        Map<String, Completeness.Answer> stored = new HashMap<>();
        List<AnsweredQuestion> questions = new ArrayList<>();
        for (Question q : questionnaire.questions()) {
            String answer = answers.get(q.id());
            List<FileView> attached = files.getOrDefault(q.id(), List.of());
            stored.put(q.id(), new Completeness.Answer(answer, attached.size()));
            DiligenceRows.ScoreRow s = forStaff ? scores.get(q.id()) : null;
            questions.add(new AnsweredQuestion(
                    q,
                    answer,
                    attached,
                    s == null ? null : s.score(),
                    s == null ? null : s.comment(),
                    s == null ? null : s.scoredBy(),
                    forStaff ? q.suggestedScore(answer, attached.size()) : null));
        }
        Map<String, Integer> reviewed = new HashMap<>();
        scores.forEach((q, s) -> reviewed.put(q, s.score()));
        Completeness completeness = Completeness.of(questionnaire, stored);
        SupplierView supplier = view(rows.supplier(row.supplierId()).orElseThrow());
        return new RequestDetail(
                summary(row, supplier.name()),
                supplier,
                questionnaire,
                row.questionnaireId(),
                row.access(),
                questions,
                rows.messages(row.id()).stream()
                        .map(m -> new MessageView(m.author(), m.fromSupplier(), m.body(), m.createdAt()))
                        .toList(),
                forStaff ? mail.mails(row.id()) : List.of(),
                Scores.of(questionnaire, stored, forStaff ? reviewed : Map.of()),
                completeness.unanswered(),
                completeness.withoutEvidence(),
                row.refusal(),
                forStaff ? row.outcomeReasons() : null,
                forStaff ? row.outcomeBy() : null,
                open(row),
                canManage);
    }

    /** A file of evidence, for a viewer who may see its request. */
    public StoredFile file(Viewer viewer, long requestId, long fileId) {
        visible(viewer, requestId);
        return storedFile(requestId, fileId);
    }

    /** An evidence file's name, type and bytes. */
    public record StoredFile(String name, String mediaType, byte[] content) {}

    StoredFile storedFile(long requestId, long fileId) {
        DiligenceRows.FileRow f = rows.file(fileId)
                .filter(r -> r.requestId() == requestId)
                .orElseThrow(() -> new NotFoundException("File " + fileId));
        return new StoredFile(f.fileName(), f.mediaType(), rows.content(fileId));
    }

    // -- reviewing --------------------------------------------------------------------------------

    public void score(Viewer viewer, long requestId, String questionId, int score, @Nullable String comment) {
        RequestRow row = manageable(viewer, requestId);
        Question question = questionnaires
                .of(row.questionnaireId())
                .question(questionId)
                .orElseThrow(() -> new BadInputException("Request " + requestId + " has no question " + questionId));
        if (row.submittedOn() == null && row.refusedOn() == null) {
            throw new BadInputException("Score the answers once the supplier has submitted them");
        }
        if (score < 0 || score > question.maxScore()) {
            throw new BadInputException("The score for " + questionId + " must be from 0 to " + question.maxScore());
        }
        String why = comment == null || comment.isBlank() ? null : comment.strip();
        transactions.executeWithoutResult(status -> {
            rows.saveScore(requestId, questionId, score, why, viewer.username(), Instant.now(clock));
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "diligence_score",
                    requestId,
                    row.organisationId(),
                    "Scored " + questionId + " of request " + requestId + ": " + score + " of " + question.maxScore(),
                    null,
                    Map.of("score", score, "comment", why == null ? "" : why));
        });
    }

    public enum Outcome {
        ACCEPTED("Accepted"),
        ACCEPTED_WITH_CONDITIONS("Accepted with conditions"),
        REJECTED("Rejected");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public void decide(Viewer viewer, long requestId, Outcome outcome, String reasons) {
        RequestRow row = manageable(viewer, requestId);
        if (row.withdrawnOn() != null) {
            throw new BadInputException("Request " + requestId + " was withdrawn");
        }
        boolean silent = row.submittedOn() == null && row.refusedOn() == null;
        if (silent && outcome != Outcome.REJECTED) {
            throw new BadInputException("A supplier that has not answered can only be rejected");
        }
        String why = required(reasons, "Give the reasons for the outcome", 4000);
        transactions.executeWithoutResult(status -> {
            rows.decide(requestId, outcome.name(), why, viewer.username(), Instant.now(clock));
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "diligence_request",
                    requestId,
                    row.organisationId(),
                    "Decided request " + requestId + ": " + outcome.label(),
                    null,
                    Map.of("reasons", why));
        });
    }

    /** A follow-up question (or answer) from the requester, on the record and by email to the supplier. */
    public void message(Viewer viewer, long requestId, String text) {
        RequestRow row = manageable(viewer, requestId);
        String body = required(text, "Write the message", 8000);
        SupplierView supplier = view(rows.supplier(row.supplierId()).orElseThrow());
        transactions.executeWithoutResult(status -> {
            rows.insertMessage(requestId, viewer.username(), false, body, Instant.now(clock));
            audit.record(
                    viewer.username(),
                    "CREATE",
                    "diligence_message",
                    requestId,
                    row.organisationId(),
                    "Wrote to " + supplier.name() + " on request " + requestId,
                    null,
                    null);
            mail.queueMessage(row, supplier, requesterName(row.organisationId()));
        });
    }

    /** Opens a submitted request again, so the supplier can answer what a follow-up asked. */
    public void reopen(Viewer viewer, long requestId) {
        RequestRow row = manageable(viewer, requestId);
        if (row.submittedOn() == null) {
            throw new BadInputException("Request " + requestId + " has not been submitted");
        }
        transactions.executeWithoutResult(status -> {
            rows.reopen(requestId);
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "diligence_request",
                    requestId,
                    row.organisationId(),
                    "Opened request " + requestId + " again for the supplier to add to its answers",
                    null,
                    null);
        });
    }

    // -- the public list --------------------------------------------------------------------------

    /** Every published request: who was asked, by whom, when, and where it stands. */
    public List<RequestSummary> published() {
        return summaries(rows.published());
    }

    /** One line of the public list: who was asked, by whom, when, and where it stands; nothing else. */
    public record PublicEntry(
            String supplier, String askedBy, LocalDate askedOn, LocalDate deadline, String state, String standing) {}

    public List<PublicEntry> publicList() {
        return published().stream()
                .map(s -> new PublicEntry(
                        s.supplier(),
                        s.requester(),
                        s.askedOn(),
                        s.deadline(),
                        s.state(),
                        s.standing().words()))
                .toList();
    }

    /** The published list as CSV, for a body or the Commissioner to publish. */
    public String publishedCsv() {
        StringBuilder out = new StringBuilder("supplier,asked by,asked on,deadline,state,standing\n");
        for (PublicEntry e : publicList()) {
            out.append(io.camaudit.shared.SpreadsheetCells.csv(e.supplier()))
                    .append(',')
                    .append(io.camaudit.shared.SpreadsheetCells.csv(e.askedBy()))
                    .append(',')
                    .append(e.askedOn())
                    .append(',')
                    .append(e.deadline())
                    .append(',')
                    .append(io.camaudit.shared.SpreadsheetCells.csv(e.state()))
                    .append(',')
                    .append(io.camaudit.shared.SpreadsheetCells.csv(e.standing()))
                    .append('\n');
        }
        return out.toString();
    }

    // -- helpers ----------------------------------------------------------------------------------

    List<RequestSummary> summaries(List<RequestRow> list) {
        Map<Long, String> names = new HashMap<>();
        rows.suppliers().forEach(s -> names.put(s.id(), s.name()));
        return list.stream()
                .map(r -> summary(r, names.getOrDefault(r.supplierId(), "?")))
                .toList();
    }

    RequestSummary summary(RequestRow r, String supplier) {
        return new RequestSummary(
                r.id(),
                r.supplierId(),
                supplier,
                requesterName(r.organisationId()),
                r.organisationId(),
                r.askedOn(),
                r.deadline(),
                standing(r),
                r.outcome(),
                r.published());
    }

    Standing standing(RequestRow r) {
        return Standing.of(
                new Standing.Dates(
                        r.askedOn(), r.deadline(), r.submittedOn(), r.complete(), r.refusedOn(), r.withdrawnOn()),
                today());
    }

    String requesterName(@Nullable Long organisationId) {
        return mail.requesterName(organisationId);
    }

    static boolean open(RequestRow r) {
        return r.submittedOn() == null && r.refusedOn() == null && r.withdrawnOn() == null;
    }

    private static void requireOpen(RequestRow r) {
        if (!open(r)) {
            throw new BadInputException("Request " + r.id() + " is no longer open");
        }
    }

    private RequestRow visible(Viewer viewer, long id) {
        requireStaff(viewer);
        RequestRow row = rows.request(id).orElseThrow(() -> new NotFoundException("Request " + id));
        boolean sees =
                viewer.seesEverything() || (row.organisationId() != null && viewer.canRead(row.organisationId()));
        if (!sees) {
            throw new NotFoundException("Request " + id);
        }
        return row;
    }

    private RequestRow manageable(Viewer viewer, long id) {
        RequestRow row = visible(viewer, id);
        if (!manages(viewer, row)) {
            throw new ForbiddenException(viewer.username() + " may not change request " + id);
        }
        return row;
    }

    /** The requester's side: the body's officers, or the Commissioner's office for its own; administrators for all. */
    static boolean manages(Viewer viewer, RequestRow row) {
        if (viewer.isAdministrator()) {
            return true;
        }
        return row.organisationId() == null ? viewer.role() == Role.AUDITOR : viewer.canWrite(row.organisationId());
    }

    static void requireStaff(Viewer viewer) {
        if (viewer.role() == Role.SUPPLIER) {
            throw new NotFoundException("This page");
        }
    }

    private SupplierView view(DiligenceRows.SupplierRow s) {
        String company = s.companyId() == null
                ? null
                : intel.bundle()
                        .company(s.companyId())
                        .map(io.camaudit.intel.engine.Company::name)
                        .orElse(s.companyId());
        return new SupplierView(
                s.id(), s.name(), s.companyId(), company, s.contactName(), s.contactEmail(), rows.accountsOf(s.id()));
    }

    static String required(@Nullable String value, String message, int max) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(message);
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new BadInputException(message + " in at most " + max + " characters");
        }
        return v;
    }
}
