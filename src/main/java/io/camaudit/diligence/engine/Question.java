package io.camaudit.diligence.engine;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One question of a questionnaire: its words, how it is answered, whether an answer and evidence
 * are required, and its rubric: the most it scores, the reviewer's guide, and for yes/no and choice
 * questions the score each answer suggests.
 */
public record Question(
        String id,
        String section,
        String text,
        @Nullable String hint,
        AnswerType type,
        boolean required,
        EvidenceRule evidence,
        List<String> choices,
        boolean multiple,
        int maxScore,
        @Nullable String guide,
        Map<String, Integer> answerScores,
        @Nullable String source) {

    public Question {
        choices = List.copyOf(choices);
        answerScores = Map.copyOf(answerScores);
    }

    /** Whether a stored answer to this question says something (a file question is answered by its file). */
    public boolean answeredBy(@Nullable String value, int files) {
        return type == AnswerType.FILE ? files > 0 : value != null && !value.isBlank();
    }

    /** The score the answer suggests (yes/no and choice questions with scores), or null where a reviewer must judge. */
    public @Nullable Integer suggestedScore(@Nullable String value, int files) {
        if (evidence == EvidenceRule.REQUIRED && files == 0) {
            return answeredBy(value, files) ? 0 : null;
        }
        if (value == null || answerScores.isEmpty()) {
            return null;
        }
        if (type == AnswerType.CHOICE && multiple) {
            return null; // a list of several choices is for the reviewer to weigh
        }
        return answerScores.get(value.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
