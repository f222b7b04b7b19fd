package io.camaudit.intel.engine;

import java.util.List;

/** A bundle that cannot be used, with every problem found, each naming its file, line and column. */
public class IntelBundleException extends IllegalArgumentException {

    private final List<String> problems;

    public IntelBundleException(List<String> problems) {
        super("The intel bundle has " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ")
                + String.join("; ", problems.subList(0, Math.min(problems.size(), 10)))
                + (problems.size() > 10 ? "; …" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
