package io.camaudit.risk.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The risk model: factors with their weights, titles and sources (the reference data file
 * {@code risk/factors.csv}), and a device's score as the sum of the weights of the factors that
 * hold for it, at most 100: high from 60, medium from 30, low above 0.
 */
public final class RiskModel {

    /** One documented factor. */
    public record Factor(String id, int weight, String title, String source) {}

    /** A factor that holds for a device, with what shows it. */
    public record Applied(Factor factor, String evidence) {}

    public enum Band {
        NONE("None"),
        LOW("Low"),
        MEDIUM("Medium"),
        HIGH("High");

        private final String label;

        Band(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A score and the factors that made it, highest weight first. */
    public record Score(int score, Band band, List<Applied> factors) {}

    static final Set<String> KNOWN = Set.of(
            "maker-listed",
            "policy-ineligible",
            "policy-conditional",
            "site-sensitive",
            "site-school",
            "face-on",
            "face-present",
            "audio-on",
            "cloud-on",
            "services-on",
            "known-exploited",
            "egress-open",
            "egress-high");

    private final Map<String, Factor> factors;

    private RiskModel(Map<String, Factor> factors) {
        this.factors = factors;
    }

    public static RiskModel bundled() {
        try (InputStream in = RiskModel.class.getResourceAsStream("/risk/factors.csv")) {
            if (in == null) {
                throw new IllegalStateException("risk/factors.csv is missing from the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code id,weight,title,source} lines (titles and sources without commas), checking each.
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static RiskModel read(InputStream in) throws IOException {
        Map<String, Factor> factors = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || !line.equals("id,weight,title,source")) {
            throw new IllegalArgumentException("risk factors: the header must be id,weight,title,source");
        }
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalArgumentException("risk factors line " + number + ": 4 cells, not " + cells.length);
            }
            if (!KNOWN.contains(cells[0])) {
                throw new IllegalArgumentException("risk factors line " + number + ": no factor " + cells[0]);
            }
            int weight;
            try {
                weight = Integer.parseInt(cells[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("risk factors line " + number + ": the weight is not a number");
            }
            if (weight < 0 || weight > 100 || !cells[3].startsWith("https://")) {
                throw new IllegalArgumentException(
                        "risk factors line " + number + ": a weight of 0 to 100 and a source");
            }
            factors.put(cells[0], new Factor(cells[0], weight, cells[2], cells[3]));
        }
        if (!factors.keySet().equals(KNOWN)) {
            throw new IllegalArgumentException("risk factors: missing "
                    + KNOWN.stream().filter(k -> !factors.containsKey(k)).toList());
        }
        return new RiskModel(Map.copyOf(factors));
    }

    public List<Factor> factors() {
        return factors.values().stream()
                .sorted(java.util.Comparator.comparingInt(Factor::weight).reversed())
                .toList();
    }

    /** The score of the facts: the factors named (with their evidence) that the model knows. */
    public Score score(Map<String, String> holding) {
        List<Applied> applied = new ArrayList<>();
        int sum = 0;
        for (Map.Entry<String, String> h : holding.entrySet()) {
            Factor f = factors.get(h.getKey());
            if (f != null) {
                applied.add(new Applied(f, h.getValue()));
                sum += f.weight();
            }
        }
        applied.sort(java.util.Comparator.comparingInt((Applied a) -> a.factor().weight())
                .reversed());
        int score = Math.min(100, sum);
        Band band = score >= 60 ? Band.HIGH : score >= 30 ? Band.MEDIUM : score > 0 ? Band.LOW : Band.NONE;
        return new Score(score, band, List.copyOf(applied));
    }
}
