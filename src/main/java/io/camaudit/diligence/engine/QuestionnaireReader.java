package io.camaudit.diligence.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a questionnaire from its JSON (the shipped ones under {@code diligence/questionnaires/},
 * or an administrator's edit) and checks it whole: every problem is reported at once, naming the
 * question or field. Bounded: at most {@link #MAX_BYTES} of text, {@link #MAX_QUESTIONS} questions.
 */
public final class QuestionnaireReader {

    public static final int MAX_BYTES = 512 * 1024;
    static final int MAX_QUESTIONS = 400;
    private static final String ID = "[a-z0-9][a-z0-9-]{0,79}";

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxStringLength(MAX_BYTES)
                            .build())
                    .build())
            .build();

    private QuestionnaireReader() {}

    public static Questionnaire read(String json) {
        if (json.length() > MAX_BYTES) {
            throw new QuestionnaireException(List.of("the questionnaire is longer than " + MAX_BYTES + " characters"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new QuestionnaireException(List.of("not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new QuestionnaireException(List.of("not a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        String code = text(root, "code", "the questionnaire", problems);
        if (code != null && !code.matches(ID)) {
            problems.add("the code \"" + code + "\" must be lower-case letters, digits and hyphens");
        }
        int version = root.path("version").asInt(0);
        if (version < 1) {
            problems.add("the version must be a whole number from 1");
        }
        String title = text(root, "title", "the questionnaire", problems);
        String description = root.path("description").asString("");
        List<Questionnaire.Source> sources = new ArrayList<>();
        for (JsonNode s : root.path("sources")) {
            String t = text(s, "title", "a source", problems);
            String u = text(s, "url", "a source", problems);
            if (u != null && !u.matches("https?://\\S+")) {
                problems.add("the source \"" + t + "\" has no web address");
            }
            if (t != null && u != null) {
                sources.add(new Questionnaire.Source(t, u));
            }
        }
        List<Questionnaire.Section> sections = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int count = 0;
        for (JsonNode s : root.path("sections")) {
            String sectionId = text(s, "id", "a section", problems);
            String sectionTitle = text(s, "title", "section " + sectionId, problems);
            List<Question> questions = new ArrayList<>();
            for (JsonNode q : s.path("questions")) {
                if (++count > MAX_QUESTIONS) {
                    problems.add("more than " + MAX_QUESTIONS + " questions");
                    throw new QuestionnaireException(problems);
                }
                Question question = question(q, sectionId == null ? "" : sectionId, count, ids, problems);
                if (question != null) {
                    questions.add(question);
                }
            }
            if (questions.isEmpty()) {
                problems.add("section " + sectionId + " has no questions");
            }
            sections.add(new Questionnaire.Section(
                    sectionId == null ? "" : sectionId, sectionTitle == null ? "" : sectionTitle, questions));
        }
        if (sections.isEmpty()) {
            problems.add("the questionnaire has no sections");
        }
        if (!problems.isEmpty()) {
            throw new QuestionnaireException(problems);
        }
        return new Questionnaire(code, version, title, description, sources, sections);
    }

    private static @Nullable Question question(
            JsonNode q, String section, int number, Set<String> ids, List<String> problems) {
        String id = q.path("id").asString("");
        String name = id.isEmpty() ? "question " + number : "question " + id;
        if (!id.matches(ID)) {
            problems.add(name + ": the id must be lower-case letters, digits and hyphens");
        } else if (!ids.add(id)) {
            problems.add(name + ": the id is used twice");
        }
        String text = text(q, "text", name, problems);
        AnswerType type = constant(AnswerType.class, q.path("type").asString(""), name, "type", problems);
        EvidenceRule evidence =
                constant(EvidenceRule.class, q.path("evidence").asString("NONE"), name, "evidence", problems);
        List<String> choices = new ArrayList<>();
        q.path("choices").forEach(c -> choices.add(c.asString("")));
        if (type == AnswerType.CHOICE && choices.size() < 2) {
            problems.add(name + ": a choice question needs at least two choices");
        }
        if (type != AnswerType.CHOICE && !choices.isEmpty()) {
            problems.add(name + ": only a choice question has choices");
        }
        if (type == AnswerType.FILE && evidence == EvidenceRule.NONE) {
            problems.add(name + ": a file question must ask for evidence");
        }
        JsonNode score = q.path("score");
        int max = score.path("max").asInt(-1);
        if (max < 0 || max > 100) {
            problems.add(name + ": score.max must be a whole number from 0 to 100");
        }
        Map<String, Integer> answerScores = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> a : score.path("answers").properties()) {
            String answer = a.getKey().strip().toLowerCase(Locale.ROOT);
            int points = a.getValue().asInt(-1);
            boolean known = type == AnswerType.YES_NO
                    ? answer.equals("yes") || answer.equals("no")
                    : choices.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals(answer));
            if (!known) {
                problems.add(name + ": score.answers names \"" + a.getKey() + "\", which is not an answer to it");
            } else if (points < 0 || points > max) {
                problems.add(name + ": the score for \"" + a.getKey() + "\" must be from 0 to " + max);
            }
            answerScores.put(answer, points);
        }
        if (text == null || type == null || evidence == null || max < 0 || !id.matches(ID)) {
            return null;
        }
        return new Question(
                id,
                section,
                text,
                q.path("hint").isString() ? q.path("hint").asString() : null,
                type,
                q.path("required").asBoolean(false),
                evidence,
                choices,
                q.path("multiple").asBoolean(false),
                max,
                score.path("guide").isString() ? score.path("guide").asString() : null,
                answerScores,
                q.path("source").isString() ? q.path("source").asString() : null);
    }

    private static @Nullable String text(JsonNode node, String field, String where, List<String> problems) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            problems.add(where + ": " + field + " is missing");
            return null;
        }
        return value.asString().strip();
    }

    private static <E extends Enum<E>> @Nullable E constant(
            Class<E> type, String value, String where, String field, List<String> problems) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            problems.add(where + ": " + field + " \"" + value + "\" is not one of " + String.join(", ", names));
            return null;
        }
    }
}
