package io.camaudit.capability.engine;

import java.util.List;

/** A rules file (indicators or vulnerabilities) that does not pass its checks; every problem is named by line and column. */
public final class RulesException extends RuntimeException {

    private final List<String> problems;

    public RulesException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
