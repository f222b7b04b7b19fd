package io.camaudit.diligence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shipped questionnaire reads and checks whole; a broken one is refused with every problem named. */
class QuestionnaireReaderTest {

    static String shipped() throws Exception {
        try (InputStream in = QuestionnaireReaderTest.class.getResourceAsStream(
                "/diligence/questionnaires/surveillance-supplier-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedQuestionnaireCoversWhatTheIssueAsksWithSourcesAndRubrics() throws Exception {
        Questionnaire q = QuestionnaireReader.read(shipped());
        assertThat(q.code()).isEqualTo("surveillance-supplier");
        assertThat(q.version()).isEqualTo(1);
        assertThat(q.sections())
                .extracting(Questionnaire.Section::id)
                .containsExactly(
                        "ownership",
                        "intelligence-law",
                        "minorities",
                        "capabilities",
                        "data",
                        "firmware",
                        "vulnerabilities",
                        "supply-chain");
        assertThat(q.sources()).extracting(Questionnaire.Source::url).allMatch(u -> u.startsWith("http"));
        assertThat(q.question("minorities-camps").orElseThrow().text())
                .as("the Commissioner's question to Hikvision")
                .contains("Uyghur internment camps");
        assertThat(q.questions()).allMatch(x -> x.maxScore() > 0);
        assertThat(q.questions()).extracting(Question::type).contains(AnswerType.values());
        assertThat(q.question("firmware-signing").orElseThrow().suggestedScore("yes", 1))
                .isEqualTo(2);
        assertThat(q.question("firmware-signing").orElseThrow().suggestedScore("yes", 0))
                .as("evidence required and missing")
                .isZero();
        assertThat(q.maxScore())
                .isEqualTo(q.questions().stream().mapToInt(Question::maxScore).sum());
    }

    @Test
    void everyProblemIsNamedByItsQuestionOrField() {
        String broken = """
                {"code": "Bad Code", "version": 0, "title": "t", "sources": [{"title": "s", "url": "nowhere"}],
                 "sections": [{"id": "a", "title": "A", "questions": [
                   {"id": "q1", "type": "MAYBE", "text": "?", "score": {"max": 2}},
                   {"id": "q1", "type": "CHOICE", "text": "?", "choices": ["only"], "score": {"max": 1}},
                   {"id": "q3", "type": "YES_NO", "text": "?", "score": {"max": 2, "answers": {"perhaps": 1, "yes": 5}}},
                   {"id": "q4", "type": "FILE", "text": "?", "evidence": "NONE", "score": {"max": 1}},
                   {"id": "q5", "type": "TEXT", "score": {"max": 500}}
                 ]}]}""";
        assertThatThrownBy(() -> QuestionnaireReader.read(broken))
                .isInstanceOfSatisfying(
                        QuestionnaireException.class,
                        e -> assertThat(e.problems())
                                .contains(
                                        "the code \"Bad Code\" must be lower-case letters, digits and hyphens",
                                        "the version must be a whole number from 1",
                                        "the source \"s\" has no web address",
                                        "question q1: type \"MAYBE\" is not one of YES_NO, CHOICE, TEXT, FILE",
                                        "question q1: the id is used twice",
                                        "question q1: a choice question needs at least two choices",
                                        "question q3: score.answers names \"perhaps\", which is not an answer to it",
                                        "question q3: the score for \"yes\" must be from 0 to 2",
                                        "question q4: a file question must ask for evidence",
                                        "question q5: text is missing",
                                        "question q5: score.max must be a whole number from 0 to 100"));
    }

    @Test
    void hostileTextIsBounded() {
        assertThatThrownBy(() -> QuestionnaireReader.read("[".repeat(10_000)))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> QuestionnaireReader.read(" ".repeat(QuestionnaireReader.MAX_BYTES + 1)))
                .hasMessageContaining("longer than");
        assertThatThrownBy(() -> QuestionnaireReader.read("\"a string\"")).hasMessage("not a JSON object");
    }
}
