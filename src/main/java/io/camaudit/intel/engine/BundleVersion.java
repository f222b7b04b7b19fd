package io.camaudit.intel.engine;

import java.util.Arrays;

/** A bundle version such as {@code 2026.11.22.1}, compared number by number. */
public record BundleVersion(String text) implements Comparable<BundleVersion> {

    public BundleVersion {
        if (!text.matches("\\d{1,9}(\\.\\d{1,9}){0,5}")) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" is not a bundle version; use dotted numbers such as 2026.11.22.1");
        }
    }

    private int[] parts() {
        return Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public int compareTo(BundleVersion other) {
        return Arrays.compare(parts(), other.parts());
    }

    public boolean isNewerThan(BundleVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
