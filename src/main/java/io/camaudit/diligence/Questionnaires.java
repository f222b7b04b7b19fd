package io.camaudit.diligence;

import io.camaudit.audit.AuditLog;
import io.camaudit.diligence.DiligenceViews.QuestionnaireView;
import io.camaudit.diligence.engine.Questionnaire;
import io.camaudit.diligence.engine.QuestionnaireException;
import io.camaudit.diligence.engine.QuestionnaireReader;
import io.camaudit.diligence.persistence.DiligenceRows;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ForbiddenException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Questionnaire templates: the shipped ones ({@code diligence/questionnaires/*.json}, loaded at
 * start-up where their version is not stored yet) and administrators' new versions. A version is
 * never changed once stored, so a request keeps the questions it was sent with.
 */
@Service
public class Questionnaires {

    private static final Logger LOG = LoggerFactory.getLogger(Questionnaires.class);

    private final DiligenceRows rows;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<Long, Questionnaire> parsed = new ConcurrentHashMap<>();

    Questionnaires(DiligenceRows rows, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadShipped() {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver()
                    .getResources("classpath:diligence/questionnaires/*.json")) {
                try (InputStream in = r.getInputStream()) {
                    String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    Questionnaire q = QuestionnaireReader.read(json);
                    if (rows.latestVersion(q.code()) < q.version()) {
                        transactions.executeWithoutResult(status -> store(q, json, "system"));
                    }
                }
            }
        } catch (IOException e) {
            LOG.error("the shipped questionnaires could not be read", e);
        }
    }

    public List<QuestionnaireView> all() {
        return rows.questionnaires().stream()
                .map(r -> new QuestionnaireView(
                        r.id(),
                        r.code(),
                        r.version(),
                        r.title(),
                        of(r.id()).questions().size(),
                        r.createdAt()))
                .toList();
    }

    /** The newest version of each questionnaire: the ones a new request may use. */
    public List<QuestionnaireView> current() {
        Map<String, QuestionnaireView> newest = new java.util.LinkedHashMap<>();
        for (QuestionnaireView v : all()) {
            newest.merge(v.code(), v, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return List.copyOf(newest.values());
    }

    public Questionnaire of(long id) {
        return parsed.computeIfAbsent(id, k -> QuestionnaireReader.read(row(k).body()));
    }

    public String json(long id) {
        return row(id).body();
    }

    DiligenceRows.QuestionnaireRow row(long id) {
        return rows.questionnaire(id).orElseThrow(() -> new NotFoundException("Questionnaire " + id));
    }

    /**
     * Stores an administrator's questionnaire as the next version of its code (or the first of a
     * new one): the version in the text must be exactly that.
     *
     * @throws BadInputException naming every problem with it
     */
    public long add(Viewer viewer, String json) {
        if (!viewer.isAdministrator()) {
            throw new ForbiddenException("Only an administrator changes questionnaires");
        }
        Questionnaire q;
        try {
            q = QuestionnaireReader.read(json);
        } catch (QuestionnaireException e) {
            throw new BadInputException(String.join("; ", e.problems()));
        }
        int next = rows.latestVersion(q.code()) + 1;
        if (q.version() != next) {
            throw new BadInputException("This would be version " + next + " of " + q.code() + ": set \"version\" to "
                    + next + " (a stored version never changes)");
        }
        return transactions.execute(status -> store(q, json, viewer.username()));
    }

    private long store(Questionnaire q, String json, String by) {
        long id = rows.insertQuestionnaire(q.code(), q.version(), q.title(), json, by, Instant.now(clock));
        audit.recordAlone(
                by,
                "CREATE",
                "questionnaire",
                id,
                "Added questionnaire " + q.code() + " version " + q.version() + " ("
                        + q.questions().size() + " questions)");
        return id;
    }
}
