package io.camaudit.diligence.engine;

import java.util.List;

/** A questionnaire that cannot be used, with every problem found, each naming the question or field. */
public final class QuestionnaireException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public QuestionnaireException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
