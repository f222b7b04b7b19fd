package io.camaudit.capability.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The known exploited vulnerabilities of these makers' devices, from {@code
 * capability/vulnerabilities.csv} (ADR 009), and the match of a device's maker, model and firmware
 * against them. A file is checked whole, each problem named by line and column.
 */
public final class Vulnerabilities {

    static final List<String> COLUMNS = List.of(
            "id",
            "cve",
            "maker",
            "models",
            "from",
            "to",
            "built_before",
            "basis",
            "kev_added",
            "title",
            "example",
            "source",
            "note");

    private final String version;
    private final List<Vulnerability> entries;

    public Vulnerabilities(String version, List<Vulnerability> entries) {
        this.version = version;
        this.entries = List.copyOf(entries);
    }

    public String version() {
        return version;
    }

    public List<Vulnerability> entries() {
        return entries;
    }

    public static Vulnerabilities bundled() {
        try (Reader csv = Csv.resource("capability/vulnerabilities.csv")) {
            return read(csv, Csv.version("capability/rules.properties"), "vulnerabilities.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The vulnerabilities a device matches. {@code maker} is the resolver's maker id (a relabelled
     * product runs its maker's firmware, so it carries its maker's vulnerabilities).
     */
    public List<VulnerabilityMatch> match(@Nullable String maker, @Nullable String model, @Nullable String firmware) {
        if (maker == null || model == null || model.isBlank()) {
            return List.of();
        }
        String bareModel = model.strip().toUpperCase(Locale.ROOT);
        Firmware read = firmware == null || firmware.isBlank() ? null : Firmware.parse(firmware);
        List<VulnerabilityMatch> matches = new ArrayList<>();
        for (Vulnerability v : entries) {
            if (!v.maker().equals(maker) || !v.models().matcher(bareModel).matches()) {
                continue;
            }
            judge(v, model, read).ifPresent(matches::add);
        }
        return matches;
    }

    private static Optional<VulnerabilityMatch> judge(Vulnerability v, String model, @Nullable Firmware firmware) {
        String models = "the model " + model + " is among those " + v.cve() + " affects";
        if (v.basis() == Vulnerability.Basis.MODEL_ONLY) {
            return Optional.of(new VulnerabilityMatch(v, Exposure.POSSIBLE, models + "; its record names no versions"));
        }
        if (firmware == null || !firmware.known()) {
            return Optional.of(new VulnerabilityMatch(
                    v, Exposure.POSSIBLE, models + "; the firmware could not be read, so it may be affected"));
        }
        if (v.from() != null && v.to() != null) {
            if (firmware.version().isEmpty()) {
                return Optional.of(new VulnerabilityMatch(
                        v, Exposure.POSSIBLE, models + "; the firmware \"" + firmware.text() + "\" gives no version"));
            }
            boolean within = firmware.compareTo(v.from()) >= 0 && firmware.compareTo(v.to()) <= 0;
            return within
                    ? Optional.of(new VulnerabilityMatch(
                            v,
                            Exposure.AFFECTED,
                            models + "; firmware " + firmware.text() + " is within the affected range "
                                    + v.from().text() + " to " + v.to().text()))
                    : Optional.empty();
        }
        LocalDate before = v.builtBefore();
        if (before == null) {
            return Optional.empty();
        }
        if (firmware.built() == null) {
            return Optional.of(new VulnerabilityMatch(
                    v,
                    Exposure.POSSIBLE,
                    models + "; the build date of firmware \"" + firmware.text() + "\" could not be read"));
        }
        if (!firmware.built().isBefore(before)) {
            return Optional.empty();
        }
        boolean published = v.basis() == Vulnerability.Basis.PUBLISHED;
        return Optional.of(new VulnerabilityMatch(
                v,
                published ? Exposure.AFFECTED : Exposure.LIKELY,
                models + "; firmware " + firmware.text() + " was built on " + firmware.built()
                        + (published
                                ? ", before " + before + ", the date from which the record says builds are fixed"
                                : ", before " + before + ", when the vendor published the fix")));
    }

    /**
     * Reads and checks a vulnerability file.
     *
     * @throws RulesException naming every problem with its file, line and column
     */
    public static Vulnerabilities read(Reader reader, String version, String fileName) {
        List<String> problems = new ArrayList<>();
        List<Vulnerability> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Csv.Line line : Csv.read(reader, fileName, COLUMNS, problems)) {
            int before = problems.size();
            Vulnerability entry = entry(line, problems);
            if (entry != null && problems.size() == before) {
                if (!ids.add(entry.id())) {
                    problems.add(line.where() + ", column id: \"" + entry.id() + "\" is used twice");
                }
                entries.add(entry);
            }
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(fileName + ": no entries");
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return new Vulnerabilities(version, entries);
    }

    private static @Nullable Vulnerability entry(Csv.Line line, List<String> problems) {
        String where = line.where();
        String id = line.get("id");
        if (!id.matches("[a-z0-9][a-z0-9-]{1,60}")) {
            problems.add(where + ", column id: \"" + id + "\" is not a lower-case id of letters, digits and hyphens");
        }
        String cve = line.get("cve");
        if (!cve.matches("CVE-\\d{4}-\\d{4,7}")) {
            problems.add(where + ", column cve: \"" + cve + "\" is not a CVE id");
        }
        String maker = line.get("maker");
        if (!maker.matches("[a-z0-9-]+")) {
            problems.add(where + ", column maker: \"" + maker + "\" is not a maker id of the intel bundle");
        }
        Pattern models;
        try {
            models = Pattern.compile(line.get("models"), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            problems.add(where + ", column models: " + e.getDescription());
            return null;
        }
        Firmware from = firmware(line, "from", problems);
        Firmware to = firmware(line, "to", problems);
        if ((from == null) != (to == null)) {
            problems.add(where + ", columns from and to: a range needs both ends");
        }
        LocalDate builtBefore = date(line, "built_before", problems);
        Vulnerability.Basis basis;
        try {
            basis = Vulnerability.Basis.valueOf(line.get("basis").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(where + ", column basis: \"" + line.get("basis") + "\" is not one of "
                    + java.util.Arrays.toString(Vulnerability.Basis.values()));
            return null;
        }
        boolean bounded = from != null || builtBefore != null;
        if (basis == Vulnerability.Basis.MODEL_ONLY && bounded) {
            problems.add(where + ", column basis: MODEL_ONLY takes no range or build date");
        } else if (basis != Vulnerability.Basis.MODEL_ONLY && !bounded) {
            problems.add(where + ", column basis: " + basis + " needs a range (from, to) or a built_before date");
        }
        LocalDate kev = date(line, "kev_added", problems);
        String example = line.get("example");
        if (!models.matcher(example).matches()) {
            problems.add(
                    where + ", column example: the models pattern does not match its own example \"" + example + "\"");
        }
        String source = line.get("source");
        if (!source.startsWith("https://")) {
            problems.add(where + ", column source: every entry names the public https:// source it was written from");
        }
        return new Vulnerability(
                id, cve, maker, models, from, to, builtBefore, basis, kev, line.get("title"), source, line.get("note"));
    }

    private static @Nullable Firmware firmware(Csv.Line line, String column, List<String> problems) {
        String text = line.get(column);
        if (text.isEmpty()) {
            return null;
        }
        Firmware firmware = Firmware.parse(text);
        if (firmware.version().isEmpty()) {
            problems.add(line.where() + ", column " + column + ": \"" + text + "\" is not a firmware version");
        }
        return firmware;
    }

    private static @Nullable LocalDate date(Csv.Line line, String column, List<String> problems) {
        String text = line.get(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(line.where() + ", column " + column + ": \"" + text + "\" is not a date (yyyy-mm-dd)");
            return null;
        }
    }
}
