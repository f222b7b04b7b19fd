package io.camaudit.intel.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed between two bundles, file by file: the rows one has and the other lacks. Each row
 * of a bundle file is one fact, so a changed fact shows as its old row removed and its new row
 * added, as in a review of the change under version control.
 */
public final class BundleDiff {

    /** One file's changes; a file in neither bundle, or unchanged, is not listed. */
    public record FileChanges(String file, List<String> removed, List<String> added) {}

    private BundleDiff() {}

    public static List<FileChanges> between(IntelBundle from, IntelBundle to) {
        TreeSet<String> names = new TreeSet<>(from.files().keySet());
        names.addAll(to.files().keySet());
        List<FileChanges> changes = new ArrayList<>();
        for (String name : names) {
            List<String> before = lines(from.files().get(name));
            List<String> after = lines(to.files().get(name));
            List<String> removed = missingFrom(before, after);
            List<String> added = missingFrom(after, before);
            if (!removed.isEmpty() || !added.isEmpty()) {
                changes.add(new FileChanges(name, removed, added));
            }
        }
        return changes;
    }

    private static List<String> lines(byte[] content) {
        return content == null
                ? List.of()
                : new String(content, StandardCharsets.UTF_8).lines().toList();
    }

    /** The lines of {@code these} not matched by a line of {@code others}, counting repeats. */
    private static List<String> missingFrom(List<String> these, List<String> others) {
        Map<String, Integer> available = new HashMap<>();
        others.forEach(line -> available.merge(line, 1, Integer::sum));
        List<String> missing = new ArrayList<>();
        for (String line : these) {
            Integer left = available.get(line);
            if (left == null || left == 0) {
                missing.add(line);
            } else {
                available.put(line, left - 1);
            }
        }
        return missing;
    }
}
