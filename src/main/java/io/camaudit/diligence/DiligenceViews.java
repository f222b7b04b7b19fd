package io.camaudit.diligence;

import io.camaudit.diligence.engine.Question;
import io.camaudit.diligence.engine.Questionnaire;
import io.camaudit.diligence.engine.Scores;
import io.camaudit.diligence.engine.Standing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the due-diligence pages, API and exports show. */
public final class DiligenceViews {

    private DiligenceViews() {}

    public record SupplierView(
            long id,
            String name,
            @Nullable String companyId,
            @Nullable String companyName,
            @Nullable String contactName,
            String contactEmail,
            List<String> accounts) {}

    public record QuestionnaireView(
            long id, String code, int version, String title, int questions, Instant createdAt) {}

    /** One request as a row of a list: who was asked, by whom, when, and where it stands. */
    public record RequestSummary(
            long id,
            long supplierId,
            String supplier,
            String requester,
            @Nullable Long organisationId,
            LocalDate askedOn,
            LocalDate deadline,
            Standing standing,
            @Nullable String outcome,
            boolean published) {

        public String state() {
            return standing.state().label();
        }
    }

    /** One question with what the supplier answered, its files, and the reviewer's score. */
    public record AnsweredQuestion(
            Question question,
            @Nullable String answer,
            List<FileView> files,
            @Nullable Integer score,
            @Nullable String scoreComment,
            @Nullable String scoredBy,
            @Nullable Integer suggested) {

        public List<String> chosen() {
            return answer == null || answer.isBlank() ? List.of() : List.of(answer.split("\n"));
        }
    }

    public record FileView(long id, String questionId, String name, String mediaType, int size, String sha256) {}

    public record MessageView(String author, boolean fromSupplier, String body, Instant at) {}

    /** Everything about one request, for the requester's page and (less the scores and mail) the supplier's. */
    public record RequestDetail(
            RequestSummary summary,
            SupplierView supplier,
            Questionnaire questionnaire,
            long questionnaireId,
            String access,
            List<AnsweredQuestion> questions,
            List<MessageView> messages,
            List<io.camaudit.mail.Posted> mails,
            Scores scores,
            List<String> unanswered,
            List<String> withoutEvidence,
            @Nullable String refusal,
            @Nullable String outcomeReasons,
            @Nullable String outcomeBy,
            boolean open,
            boolean canManage) {}
}
