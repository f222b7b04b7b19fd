package io.camaudit.diligence;

import io.camaudit.audit.AuditLog;
import io.camaudit.diligence.DiligenceViews.RequestDetail;
import io.camaudit.diligence.DiligenceViews.RequestSummary;
import io.camaudit.diligence.engine.Completeness;
import io.camaudit.diligence.engine.Question;
import io.camaudit.diligence.engine.Questionnaire;
import io.camaudit.diligence.engine.UploadCheck;
import io.camaudit.diligence.persistence.DiligenceRows;
import io.camaudit.diligence.persistence.DiligenceRows.RequestRow;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.NotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Due diligence for the supplier: its requests, answering (drafts, files, submitting or
 * refusing), and follow-up messages. A supplier is an outsider: it reaches only the requests its
 * account speaks for, or those a one-time link let it into, and everything it sends is checked
 * (answers against the questions, files by content) before anything is stored.
 */
@Service
public class SupplierPortal {

    static final int MAX_TEXT = 20_000;
    static final int MAX_FILES = 100;

    /** Who is answering: a supplier account (its supplier), or whoever holds one-time-link grants to some requests. */
    public record Answerer(String actor, @Nullable Long supplierId, Set<Long> granted) {

        public Answerer {
            granted = Set.copyOf(granted);
        }

        boolean may(RequestRow r) {
            return (supplierId != null && r.supplierId() == supplierId) || granted.contains(r.id());
        }
    }

    /** What a one-time link gave: the request it opens, or why it opens nothing. */
    public record Redeemed(
            @Nullable Long requestId, @Nullable String refusal) {}

    private final DiligenceRows rows;
    private final Diligence diligence;
    private final Questionnaires questionnaires;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final DiligenceMail mail;
    private final Clock clock;

    SupplierPortal(
            DiligenceRows rows,
            Diligence diligence,
            Questionnaires questionnaires,
            AuditLog audit,
            TransactionTemplate transactions,
            DiligenceMail mail,
            Clock clock) {
        this.rows = rows;
        this.diligence = diligence;
        this.questionnaires = questionnaires;
        this.audit = audit;
        this.transactions = transactions;
        this.mail = mail;
        this.clock = clock;
    }

    public Optional<Long> supplierOf(String username) {
        return rows.supplierOfAccount(username);
    }

    public List<RequestSummary> requests(Answerer a) {
        List<RequestRow> list = new ArrayList<>();
        if (a.supplierId() != null) {
            list.addAll(rows.requestsOfSupplier(a.supplierId()));
        }
        for (long id : a.granted()) {
            rows.request(id)
                    .filter(r -> list.stream().noneMatch(x -> x.id() == r.id()))
                    .ifPresent(list::add);
        }
        list.removeIf(r -> r.withdrawnOn() != null);
        return diligence.summaries(list);
    }

    public RequestDetail request(Answerer a, long id) {
        return diligence.detail(own(a, id), false, false);
    }

    /**
     * Uses a one-time link: it opens its request once, then never again (a replay is refused), and
     * not after it expires or its request is withdrawn.
     */
    public Redeemed redeem(String token) {
        if (!token.matches("[A-Za-z0-9_-]{20,100}")) {
            return new Redeemed(null, "This link is not one camaudit made.");
        }
        String hash = DiligenceMail.hash(token);
        Optional<DiligenceRows.LinkRow> link = rows.link(hash);
        Instant now = Instant.now(clock);
        if (link.isEmpty()) {
            return new Redeemed(null, "This link is not one camaudit made.");
        }
        DiligenceRows.LinkRow l = link.get();
        if (l.usedAt() != null) {
            return new Redeemed(
                    null,
                    "This link has already been used, and works only once. Ask the requester for" + " a new one.");
        }
        if (!now.isBefore(l.expiresAt())) {
            return new Redeemed(
                    null,
                    "This link expired on " + l.expiresAt().toString().substring(0, 10)
                            + ". Ask the requester for a new one.");
        }
        RequestRow r = rows.request(l.requestId()).orElseThrow();
        if (r.withdrawnOn() != null) {
            return new Redeemed(null, "This request was withdrawn on " + r.withdrawnOn() + ".");
        }
        return transactions.execute(status -> {
            if (!rows.useLink(hash, now)) {
                return new Redeemed(null, "This link has already been used, and works only once.");
            }
            audit.record(
                    "one-time link",
                    "UPDATE",
                    "diligence_link",
                    r.id(),
                    r.organisationId(),
                    "A one-time link to request " + r.id() + " was used",
                    null,
                    null);
            return new Redeemed(r.id(), null);
        });
    }

    /** Saves answers (a draft), and submits them when {@code submit}. Unknown questions or answers are refused whole. */
    public void save(Answerer a, long id, Map<String, String> answers, boolean submit) {
        RequestRow r = open(a, id);
        Questionnaire q = questionnaires.of(r.questionnaireId());
        Map<String, String> checked = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : answers.entrySet()) {
            Optional<Question> question = q.question(e.getKey());
            if (question.isEmpty()) {
                problems.add("there is no question " + e.getKey());
                continue;
            }
            String value = check(question.get(), e.getValue(), problems);
            checked.put(e.getKey(), value);
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(String.join("; ", problems));
        }
        transactions.executeWithoutResult(status -> {
            Instant now = Instant.now(clock);
            checked.forEach((question, value) -> rows.saveAnswer(id, question, value, now));
            String summary = "Saved " + checked.size() + " answers to request " + id;
            if (submit) {
                Map<String, Completeness.Answer> stored = stored(id);
                Completeness c = Completeness.of(q, stored);
                if (!rows.submit(id, diligence.today(), c.complete())) {
                    throw new BadInputException("Request " + id + " is no longer open");
                }
                summary += " and submitted them"
                        + (c.complete()
                                ? ""
                                : " with "
                                        + (c.unanswered().size()
                                                + c.withoutEvidence().size()) + " required answers or files missing");
                mail.tellRequester(
                        r,
                        supplierName(r),
                        "NOTICE",
                        "submitted",
                        "Due diligence answered: " + supplierName(r),
                        c.complete()
                                ? "has answered your due-diligence questionnaire (request " + id + ")"
                                : "has submitted its answers to your due-diligence questionnaire (request " + id
                                        + ") with required answers or files missing");
            }
            audit.record(
                    a.actor(),
                    submit ? "SUBMIT" : "UPDATE",
                    "diligence_request",
                    id,
                    r.organisationId(),
                    summary,
                    null,
                    null);
        });
    }

    private static @Nullable String check(Question q, @Nullable String raw, List<String> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        switch (q.type()) {
            case YES_NO -> {
                String v = value.toLowerCase(Locale.ROOT);
                if (!v.equals("yes") && !v.equals("no")) {
                    problems.add("answer " + q.id() + " with yes or no");
                }
                return v;
            }
            case CHOICE -> {
                List<String> chosen = value.lines()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
                if (!q.multiple() && chosen.size() > 1) {
                    problems.add("choose one answer to " + q.id());
                }
                for (String c : chosen) {
                    if (!q.choices().contains(c)) {
                        problems.add("\"" + c + "\" is not a choice of " + q.id());
                    }
                }
                return String.join("\n", chosen);
            }
            case TEXT -> {
                if (value.length() > MAX_TEXT) {
                    problems.add("the answer to " + q.id() + " is longer than " + MAX_TEXT + " characters");
                }
                return value;
            }
            default -> {
                problems.add(q.id() + " is answered with a file");
                return null;
            }
        }
    }

    private Map<String, Completeness.Answer> stored(long id) {
        Map<String, Integer> files = new HashMap<>();
        rows.files(id).forEach(f -> files.merge(f.questionId(), 1, Integer::sum));
        Map<String, Completeness.Answer> stored = new HashMap<>();
        rows.answers(id).forEach(a -> stored.put(a.questionId(), new Completeness.Answer(a.answer(), 0)));
        files.forEach((question, n) -> stored.merge(
                question, new Completeness.Answer(null, n), (x, y) -> new Completeness.Answer(x.value(), n)));
        return stored;
    }

    /**
     * Keeps an evidence file for one question, once its content is checked.
     *
     * @throws BadInputException saying why the file was refused; nothing is stored then
     */
    public long upload(Answerer a, long id, String questionId, String name, byte[] content) {
        RequestRow r = open(a, id);
        Question q = questionnaires
                .of(r.questionnaireId())
                .question(questionId)
                .orElseThrow(() -> new BadInputException("there is no question " + questionId));
        if (q.evidence() == io.camaudit.diligence.engine.EvidenceRule.NONE) {
            throw new BadInputException("Question " + questionId + " takes no files");
        }
        String fileName = safeName(name);
        UploadCheck.Kind kind;
        try {
            kind = UploadCheck.check(fileName, content);
        } catch (UploadCheck.Refused e) {
            throw new BadInputException(e.getMessage());
        }
        if (rows.files(id).size() >= MAX_FILES) {
            throw new BadInputException("A request takes at most " + MAX_FILES + " files");
        }
        return transactions.execute(status -> {
            long fileId = rows.insertFile(
                    id,
                    questionId,
                    fileName,
                    kind.mediaType(),
                    content,
                    sha256(content),
                    a.actor(),
                    Instant.now(clock));
            audit.record(
                    a.actor(),
                    "CREATE",
                    "diligence_file",
                    id,
                    r.organisationId(),
                    "Attached " + fileName + " (" + kind.label() + ", " + content.length + " bytes) to " + questionId
                            + " of request " + id,
                    null,
                    null);
            return fileId;
        });
    }

    public void removeFile(Answerer a, long id, long fileId) {
        RequestRow r = open(a, id);
        DiligenceRows.FileRow f = rows.file(fileId)
                .filter(x -> x.requestId() == id)
                .orElseThrow(() -> new NotFoundException("File " + fileId));
        transactions.executeWithoutResult(status -> {
            rows.deleteFile(fileId);
            audit.record(
                    a.actor(),
                    "DELETE",
                    "diligence_file",
                    id,
                    r.organisationId(),
                    "Removed " + f.fileName() + " from request " + id,
                    null,
                    null);
        });
    }

    public Diligence.StoredFile file(Answerer a, long id, long fileId) {
        own(a, id);
        return diligence.storedFile(id, fileId);
    }

    public void refuse(Answerer a, long id, String reason) {
        RequestRow r = open(a, id);
        String why = Diligence.required(reason, "Say why you will not answer", 8000);
        transactions.executeWithoutResult(status -> {
            if (!rows.refuse(id, diligence.today(), why)) {
                throw new BadInputException("Request " + id + " is no longer open");
            }
            mail.tellRequester(
                    r,
                    supplierName(r),
                    "NOTICE",
                    "refused",
                    "Due diligence refused: " + supplierName(r),
                    "has refused to answer your due-diligence questionnaire (request " + id + "), saying: " + why);
            audit.record(
                    a.actor(),
                    "REFUSE",
                    "diligence_request",
                    id,
                    r.organisationId(),
                    "The supplier refused" + " request " + id,
                    null,
                    Map.of("reason", why));
        });
    }

    public void message(Answerer a, long id, String text) {
        RequestRow r = own(a, id);
        String body = Diligence.required(text, "Write the message", 8000);
        transactions.executeWithoutResult(status -> {
            Instant now = Instant.now(clock);
            rows.insertMessage(id, a.actor(), true, body, now);
            mail.tellRequester(
                    r,
                    supplierName(r),
                    "NOTICE",
                    "supplier-message:" + now.toEpochMilli(),
                    "A message from " + supplierName(r) + " about due diligence",
                    "has written about your due-diligence request " + id);
            audit.record(
                    a.actor(),
                    "CREATE",
                    "diligence_message",
                    id,
                    r.organisationId(),
                    "The supplier wrote on" + " request " + id,
                    null,
                    null);
        });
    }

    private String supplierName(RequestRow r) {
        return rows.supplier(r.supplierId())
                .map(DiligenceRows.SupplierRow::name)
                .orElse("The supplier");
    }

    private RequestRow own(Answerer a, long id) {
        RequestRow r = rows.request(id).orElseThrow(() -> new NotFoundException("Request " + id));
        if (!a.may(r) || r.withdrawnOn() != null) {
            throw new NotFoundException("Request " + id);
        }
        return r;
    }

    private RequestRow open(Answerer a, long id) {
        RequestRow r = own(a, id);
        if (!Diligence.open(r)) {
            throw new BadInputException("Request " + id + " has been "
                    + (r.refusedOn() != null ? "refused" : "submitted") + ": it can no longer be changed");
        }
        return r;
    }

    /** The file's own name without any folder or control characters, at most 200 characters. */
    static String safeName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"<>|*?:]", "_")
                .strip();
        if (n.length() > 200) {
            n = n.substring(n.length() - 200);
        }
        return n.isEmpty() ? "evidence" : n;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
