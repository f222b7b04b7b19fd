package io.camaudit.diligence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a submission lacks, and its score against the rubric. */
class ScoresTest {

    @Test
    void requiredAnswersAndEvidenceMakeASubmissionCompleteAndScoreIt() throws Exception {
        Questionnaire q = QuestionnaireReader.read(QuestionnaireReaderTest.shipped());
        Map<String, Completeness.Answer> some = Map.of(
                "ownership-state", new Completeness.Answer("no", 0),
                "firmware-signing", new Completeness.Answer("yes", 0),
                "vulnerabilities-policy", new Completeness.Answer(null, 1));
        Completeness c = Completeness.of(q, some);
        assertThat(c.complete()).isFalse();
        assertThat(c.withoutEvidence()).containsExactly("firmware-signing");
        assertThat(c.unanswered()).contains("ownership-owners").doesNotContain("ownership-state", "minorities-review");

        Scores suggested = Scores.of(q, some, Map.of());
        assertThat(suggested.scored())
                .as("no state holding 2; signing without its evidence 0")
                .isEqualTo(2);
        assertThat(suggested.judged()).isEqualTo(2);
        Scores reviewed =
                Scores.of(q, some, Map.of("vulnerabilities-policy", 2, "firmware-signing", 2, "ownership-state", 99));
        assertThat(reviewed.scored())
                .as("a reviewer's score is capped at the question's most; evidence missing still scores nothing")
                .isEqualTo(2 + 2);
        assertThat(reviewed.max()).isEqualTo(q.maxScore());
        assertThat(reviewed.percent()).isEqualTo(Math.round(100f * 4 / q.maxScore()));
    }
}
