package io.camaudit.diligence.engine;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request's score against its questionnaire's rubric: each question's reviewer score (or, where
 * none is given yet, the score its answer suggests), capped at the question's most, and nothing
 * for an answer that lacks the evidence its question requires.
 */
public record Scores(int scored, int max, int judged, int questions) {

    public static Scores of(
            Questionnaire questionnaire, Map<String, Completeness.Answer> answers, Map<String, Integer> reviewed) {
        int scored = 0;
        int judged = 0;
        for (Question q : questionnaire.questions()) {
            Completeness.Answer a = answers.get(q.id());
            String value = a == null ? null : a.value();
            int files = a == null ? 0 : a.files();
            Integer score = reviewed.containsKey(q.id()) ? reviewed.get(q.id()) : q.suggestedScore(value, files);
            if (q.evidence() == EvidenceRule.REQUIRED && files == 0) {
                score = score == null ? null : 0;
            }
            if (score != null) {
                judged++;
                scored += Math.max(0, Math.min(q.maxScore(), score));
            }
        }
        return new Scores(
                scored,
                questionnaire.maxScore(),
                judged,
                questionnaire.questions().size());
    }

    /** The score as a share of the most, in whole per cent; null when the rubric scores nothing. */
    public @Nullable Integer percent() {
        return max == 0 ? null : Math.round(100f * scored / max);
    }
}
