package io.camaudit.diligence.engine;

import java.util.List;
import java.util.Optional;

/**
 * A questionnaire template at one version: a sent request keeps the version it was sent with, so
 * a later edit never changes what a supplier was asked.
 */
public record Questionnaire(
        String code, int version, String title, String description, List<Source> sources, List<Section> sections) {

    /** Where the questionnaire's questions come from. */
    public record Source(String title, String url) {}

    public record Section(String id, String title, List<Question> questions) {
        public Section {
            questions = List.copyOf(questions);
        }
    }

    public Questionnaire {
        sources = List.copyOf(sources);
        sections = List.copyOf(sections);
    }

    public List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    public Optional<Question> question(String id) {
        return questions().stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** The most the questionnaire scores: every question's most, added up. */
    public int maxScore() {
        return questions().stream().mapToInt(Question::maxScore).sum();
    }
}
