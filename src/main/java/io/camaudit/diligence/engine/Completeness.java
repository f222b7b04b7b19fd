package io.camaudit.diligence.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a set of answers lacks: the required questions unanswered and the answers without the
 * evidence their question requires. A submission with none lacking is complete.
 */
public record Completeness(List<String> unanswered, List<String> withoutEvidence) {

    /** One question's stored answer: its value (null when none) and how many files are attached. */
    public record Answer(@org.jspecify.annotations.Nullable String value, int files) {}

    public static Completeness of(Questionnaire questionnaire, Map<String, Answer> answers) {
        List<String> unanswered = new ArrayList<>();
        List<String> withoutEvidence = new ArrayList<>();
        for (Question q : questionnaire.questions()) {
            Answer a = answers.get(q.id());
            String value = a == null ? null : a.value();
            int files = a == null ? 0 : a.files();
            if (q.required() && !q.answeredBy(value, files)) {
                unanswered.add(q.id());
            } else if (q.evidence() == EvidenceRule.REQUIRED && q.answeredBy(value, files) && files == 0) {
                withoutEvidence.add(q.id());
            }
        }
        return new Completeness(List.copyOf(unanswered), List.copyOf(withoutEvidence));
    }

    public boolean complete() {
        return unanswered.isEmpty() && withoutEvidence.isEmpty();
    }
}
