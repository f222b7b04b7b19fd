package io.camaudit.discovery.engine;

import java.util.List;

/** A fingerprint rules file that cannot be used, with every problem found in it. */
public final class FingerprintException extends java.io.IOException {

    private final List<String> problems;

    public FingerprintException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
