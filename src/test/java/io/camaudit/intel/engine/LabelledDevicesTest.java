package io.camaudit.intel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The resolver against a labelled set of messy strings, model numbers and MAC addresses as they
 * appear in returns and scans ({@code intel/labelled-devices.csv}, each row with the maker a person
 * who knows the sources would name, or "unknown"). Reports precision and recall, overall and per
 * maker, to {@code target/resolver-report.txt}.
 */
class LabelledDevicesTest {

    private static final Set<String> LISTED = Set.of("hikvision", "dahua");

    record Labelled(DeviceEvidence device, String expected, String note) {}

    record Outcome(Labelled labelled, Resolution resolution) {
        String got() {
            return resolution.maker() == null ? "unknown" : resolution.maker();
        }

        boolean correct() {
            return got().equals(labelled.expected());
        }
    }

    static List<Labelled> labelled() throws IOException {
        List<Labelled> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(
                        LabelledDevicesTest.class.getResourceAsStream("/intel/labelled-devices.csv"),
                        StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(
                        reader,
                        CSVFormat.DEFAULT
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .get())) {
            for (CSVRecord record : parser) {
                rows.add(new Labelled(
                        new DeviceEvidence(
                                blankToNull(record.get("manufacturer")),
                                blankToNull(record.get("brand")),
                                blankToNull(record.get("model")),
                                blankToNull(record.get("mac"))),
                        record.get("expected"),
                        record.get("note")));
            }
        }
        return rows;
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    static Resolver resolver() throws IOException {
        Path fixture = Path.of("src/test/resources/ieee");
        return new Resolver(BundleReader.builtIn(), List.of(), MacRegistry.load(fixture));
    }

    @Test
    void precisionAndRecallOnTheLabelledSet() throws IOException {
        Resolver resolver = resolver();
        List<Labelled> rows = labelled();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(300);
        List<Outcome> outcomes = rows.stream()
                .map(row -> new Outcome(row, resolver.resolve(row.device())))
                .toList();

        long claimed = outcomes.stream().filter(o -> o.resolution().resolved()).count();
        long claimedRight = outcomes.stream()
                .filter(o -> o.resolution().resolved() && o.correct())
                .count();
        long known = outcomes.stream()
                .filter(o -> !o.labelled().expected().equals("unknown"))
                .count();
        double precision = (double) claimedRight / claimed;
        double recall = (double) claimedRight / known;

        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "Labelled set: %d rows, %d with a known maker, %d must stay unknown%n",
                rows.size(),
                known,
                rows.size() - known));
        report.append(String.format(
                Locale.ROOT,
                "Overall: precision %.3f (%d of %d claims right), recall %.3f (%d of %d known makers found)%n%n",
                precision,
                claimedRight,
                claimed,
                recall,
                claimedRight,
                known));
        Map<String, int[]> perMaker = new TreeMap<>();
        for (Outcome o : outcomes) {
            // [expected, claimed, right]
            if (!o.labelled().expected().equals("unknown")) {
                perMaker.computeIfAbsent(o.labelled().expected(), k -> new int[3])[0]++;
            }
            if (o.resolution().resolved()) {
                int[] counts = perMaker.computeIfAbsent(o.got(), k -> new int[3]);
                counts[1]++;
                if (o.correct()) {
                    counts[2]++;
                }
            }
        }
        report.append(String.format(
                Locale.ROOT,
                "%-12s %8s %8s %8s %9s %7s%n",
                "maker",
                "labelled",
                "claimed",
                "right",
                "precision",
                "recall"));
        perMaker.forEach((maker, c) -> report.append(String.format(
                Locale.ROOT,
                "%-12s %8d %8d %8d %9s %7s%n",
                maker,
                c[0],
                c[1],
                c[2],
                c[1] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) c[2] / c[1]),
                c[0] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) c[2] / c[0]))));
        report.append(System.lineSeparator())
                .append("Rows not resolved as labelled:")
                .append(System.lineSeparator());
        outcomes.stream()
                .filter(o -> !o.correct())
                .forEach(o -> report.append(String.format(
                        Locale.ROOT,
                        "  %s -> %s (expected %s; %s)%n",
                        o.labelled().device(),
                        o.got(),
                        o.labelled().expected(),
                        o.labelled().note())));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/resolver-report.txt"), report);
        System.out.print(report);

        assertThat(outcomes)
                .as("a maker the sources do not name as Hikvision or Dahua is never called either")
                .filteredOn(o -> !LISTED.contains(o.labelled().expected()) && LISTED.contains(o.got()))
                .isEmpty();
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.98);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.90);
    }
}
