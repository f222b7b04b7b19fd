package io.camaudit.compliance;

import io.camaudit.audit.AuditLog;
import io.camaudit.compliance.persistence.ComplianceRows;
import io.camaudit.diligence.engine.AnswerType;
import io.camaudit.diligence.engine.Completeness;
import io.camaudit.diligence.engine.Question;
import io.camaudit.diligence.engine.Questionnaire;
import io.camaudit.diligence.engine.QuestionnaireReader;
import io.camaudit.diligence.engine.Scores;
import io.camaudit.register.CameraSystem;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-assessment of each camera system against the Surveillance Camera Code of Practice's twelve
 * principles, on the shipped template (`compliance/*.json`, read with the due-diligence
 * questionnaire reader: a section a principle). A draft is answered and completed with a review
 * date; its action plan lists what is to be done about what is not met. Officers of the body write;
 * auditors read; every change is audit-logged.
 */
@Service
public class CodeOfPractice {

    static final int REMIND_DAYS = 30;

    private final ComplianceRows rows;
    private final Register register;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, Questionnaire> templates = new HashMap<>(); // code@version
    private final Questionnaire current;

    CodeOfPractice(
            ComplianceRows rows, Register register, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.register = register;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        Questionnaire newest = null;
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:compliance/*.json")) {
                try (InputStream in = r.getInputStream()) {
                    Questionnaire q = QuestionnaireReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    templates.put(q.code() + "@" + q.version(), q);
                    if (newest == null || q.version() > newest.version()) {
                        newest = q;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the Code of Practice templates could not be read", e);
        }
        if (newest == null) {
            throw new IllegalStateException("no Code of Practice template under compliance/");
        }
        this.current = newest;
    }

    /** One system and its latest assessment (null where none was begun). */
    public record SystemStanding(
            CameraSystem system, @Nullable AssessmentSummary latest) {}

    public record AssessmentSummary(
            long id,
            String status,
            @Nullable LocalDate reviewDate,
            boolean reviewDue,
            Scores scores,
            long openActions) {}

    public record Answered(
            Question question,
            @Nullable String answer,
            @Nullable String evidence,
            @Nullable Integer score) {}

    public record Principle(String id, String title, String quote, List<Answered> questions) {}

    public record ActionView(
            long id,
            String principle,
            String action,
            String owner,
            LocalDate due,
            @Nullable LocalDate doneOn,
            boolean overdue) {}

    public record Assessment(
            long id,
            Organisation organisation,
            CameraSystem system,
            Questionnaire template,
            String status,
            @Nullable LocalDate reviewDate,
            @Nullable String completedBy,
            List<Principle> principles,
            Scores scores,
            List<String> unanswered,
            List<ActionView> actions,
            boolean canWrite) {}

    public List<SystemStanding> systems(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        Map<Long, ComplianceRows.AssessmentRow> latest = new HashMap<>();
        for (ComplianceRows.AssessmentRow a : rows.assessments(organisationId)) {
            latest.merge(a.systemId(), a, (x, y) -> x.id() > y.id() ? x : y);
        }
        List<SystemStanding> out = new ArrayList<>();
        for (CameraSystem s : register.systems(viewer, organisationId)) {
            ComplianceRows.AssessmentRow a = latest.get(s.id());
            out.add(new SystemStanding(s, a == null ? null : summary(a)));
        }
        return out;
    }

    /** Reminders for the body: reviews due within a month or overdue, and drafts not completed. */
    public List<String> reminders(Viewer viewer, long organisationId) {
        List<String> out = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (SystemStanding s : systems(viewer, organisationId)) {
            AssessmentSummary a = s.latest();
            if (a == null) {
                out.add(s.system().name() + ": not yet assessed against the Code of Practice");
            } else if (a.status().equals("DRAFT")) {
                out.add(s.system().name() + ": a self-assessment was begun and not completed");
            } else if (a.reviewDate() != null && a.reviewDate().isBefore(today)) {
                out.add(s.system().name() + ": its review was due on " + a.reviewDate() + " and is overdue");
            } else if (a.reviewDue()) {
                out.add(s.system().name() + ": its review is due on " + a.reviewDate());
            }
        }
        return out;
    }

    /** Begins a new self-assessment of a system, on the current template. */
    public long begin(Viewer viewer, long systemId) {
        CameraSystem system = register.system(viewer, systemId);
        viewer.requireWrite(system.organisationId(), "System " + systemId);
        boolean draft = rows.assessments(system.organisationId()).stream()
                .anyMatch(a -> a.systemId() == systemId && a.status().equals("DRAFT"));
        if (draft) {
            throw new ConflictException(system.name() + " has a self-assessment under way: complete that one");
        }
        return transactions.execute(status -> {
            long id = rows.insert(
                    system.organisationId(),
                    systemId,
                    current.code(),
                    current.version(),
                    viewer.username(),
                    Instant.now(clock));
            audit.record(
                    viewer.username(),
                    "CREATE",
                    "compliance_assessment",
                    id,
                    system.organisationId(),
                    "Began a Code of Practice self-assessment of " + system.name(),
                    null,
                    null);
            return id;
        });
    }

    public Assessment assessment(Viewer viewer, long id) {
        ComplianceRows.AssessmentRow row =
                rows.assessment(id).orElseThrow(() -> new NotFoundException("Assessment " + id));
        Organisation organisation = register.organisation(viewer, row.organisationId());
        CameraSystem system = register.system(viewer, row.systemId());
        Questionnaire template = template(row);
        Map<String, String> answers = rows.answers(id);
        Map<String, Completeness.Answer> stored = new HashMap<>();
        answers.forEach((q, a) -> stored.put(q, new Completeness.Answer(a, 0)));
        List<Principle> principles = new ArrayList<>();
        for (Questionnaire.Section section : template.sections()) {
            List<Answered> answered = new ArrayList<>();
            String quote = "";
            for (Question q : section.questions()) {
                if (q.type() == AnswerType.TEXT) {
                    continue; // each question's evidence, shown with it
                }
                quote = q.hint() == null ? quote : q.hint();
                String a = answers.get(q.id());
                answered.add(new Answered(q, a, answers.get(q.id() + "-evidence"), q.suggestedScore(a, 0)));
            }
            principles.add(new Principle(section.id(), section.title(), quote, answered));
        }
        LocalDate today = LocalDate.now(clock);
        return new Assessment(
                id,
                organisation,
                system,
                template,
                row.status(),
                row.reviewDate(),
                row.completedBy(),
                principles,
                Scores.of(template, stored, Map.of()),
                Completeness.of(template, stored).unanswered(),
                rows.actions(id).stream()
                        .map(a -> new ActionView(
                                a.id(),
                                a.principle(),
                                a.action(),
                                a.owner(),
                                a.due(),
                                a.doneOn(),
                                a.doneOn() == null && a.due().isBefore(today)))
                        .toList(),
                viewer.canWrite(row.organisationId()));
    }

    /**
     * Saves answers ({@code question} and {@code question-evidence}); with {@code review} given,
     * completes the assessment (every principle answered) with that review date.
     */
    public void save(Viewer viewer, long id, Map<String, String> answers, @Nullable LocalDate review) {
        ComplianceRows.AssessmentRow row = writable(viewer, id);
        if (!row.status().equals("DRAFT")) {
            throw new BadInputException("This self-assessment is complete: begin a new one to review it");
        }
        Questionnaire template = template(row);
        Map<String, String> checked = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : answers.entrySet()) {
            Question q = template.question(e.getKey()).orElse(null);
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (q == null) {
                problems.add("there is no question " + e.getKey());
            } else if (q.type() == AnswerType.CHOICE
                    && !value.isEmpty()
                    && !q.choices().contains(value)) {
                problems.add("\"" + value + "\" is not an answer to " + q.id());
            } else if (value.length() > 4000) {
                problems.add("the answer to " + q.id() + " is longer than 4,000 characters");
            } else {
                checked.put(q.id(), value.isEmpty() ? null : value);
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(String.join("; ", problems));
        }
        LocalDate today = LocalDate.now(clock);
        if (review != null && (!review.isAfter(today) || review.isAfter(today.plusYears(3)))) {
            throw new BadInputException("The review date must be after today and within three years");
        }
        transactions.executeWithoutResult(status -> {
            Instant now = Instant.now(clock);
            checked.forEach((q, a) -> rows.saveAnswer(id, q, a, viewer.username(), now));
            if (review != null) {
                Map<String, Completeness.Answer> stored = new HashMap<>();
                rows.answers(id).forEach((q, a) -> stored.put(q, new Completeness.Answer(a, 0)));
                List<String> missing = Completeness.of(template, stored).unanswered();
                if (!missing.isEmpty()) {
                    throw new BadInputException(
                            "Answer every principle's questions before completing: " + String.join(", ", missing));
                }
                rows.complete(id, review, viewer.username(), now);
            }
            audit.record(
                    viewer.username(),
                    review == null ? "UPDATE" : "COMPLETE",
                    "compliance_assessment",
                    id,
                    row.organisationId(),
                    (review == null ? "Saved " : "Completed ") + "the Code of Practice" + " self-assessment " + id
                            + (review == null ? "" : ", to be reviewed by " + review),
                    null,
                    null);
        });
    }

    public long addAction(
            Viewer viewer, long id, String principle, String action, String owner, @Nullable LocalDate due) {
        ComplianceRows.AssessmentRow row = writable(viewer, id);
        Questionnaire template = template(row);
        if (template.sections().stream().noneMatch(s -> s.id().equals(principle))) {
            throw new BadInputException("Choose the principle the action is for");
        }
        if (action == null || action.isBlank() || owner == null || owner.isBlank() || due == null) {
            throw new BadInputException("Give the action, its owner and its due date");
        }
        return transactions.execute(status -> {
            long actionId = rows.insertAction(
                    id, principle, action.strip(), owner.strip(), due, viewer.username(), Instant.now(clock));
            audit.record(
                    viewer.username(),
                    "CREATE",
                    "compliance_action",
                    actionId,
                    row.organisationId(),
                    "Planned for principle " + principle + " of self-assessment " + id + ": " + action.strip(),
                    null,
                    null);
            return actionId;
        });
    }

    public void actionDone(Viewer viewer, long actionId) {
        ComplianceRows.ActionRow a =
                rows.action(actionId).orElseThrow(() -> new NotFoundException("Action " + actionId));
        ComplianceRows.AssessmentRow row = writable(viewer, a.assessmentId());
        transactions.executeWithoutResult(status -> {
            rows.done(actionId, LocalDate.now(clock));
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "compliance_action",
                    actionId,
                    row.organisationId(),
                    "Done: " + a.action(),
                    null,
                    null);
        });
    }

    private ComplianceRows.AssessmentRow writable(Viewer viewer, long id) {
        ComplianceRows.AssessmentRow row =
                rows.assessment(id).orElseThrow(() -> new NotFoundException("Assessment " + id));
        viewer.requireWrite(row.organisationId(), "Assessment " + id);
        return row;
    }

    private Questionnaire template(ComplianceRows.AssessmentRow row) {
        Questionnaire q = templates.get(row.templateCode() + "@" + row.templateVersion());
        if (q == null) {
            throw new IllegalStateException("the template " + row.templateCode() + " version " + row.templateVersion()
                    + " is no longer shipped");
        }
        return q;
    }

    private AssessmentSummary summary(ComplianceRows.AssessmentRow a) {
        Questionnaire template = template(a);
        Map<String, Completeness.Answer> stored = new HashMap<>();
        rows.answers(a.id()).forEach((q, v) -> stored.put(q, new Completeness.Answer(v, 0)));
        LocalDate today = LocalDate.now(clock);
        boolean due = a.reviewDate() != null && !a.reviewDate().isAfter(today.plusDays(REMIND_DAYS));
        long open =
                rows.actions(a.id()).stream().filter(x -> x.doneOn() == null).count();
        return new AssessmentSummary(
                a.id(), a.status(), a.reviewDate(), due, Scores.of(template, stored, Map.of()), open);
    }
}
