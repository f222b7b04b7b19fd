package io.camaudit.intel.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The IEEE MAC address registries, as Debian's {@code ieee-data} package installs them
 * ({@code oui.csv} for MA-L, {@code mam.csv} for MA-M, {@code oui36.csv} for MA-S and
 * {@code iab.csv} for the older IAB blocks). A lookup takes the longest assignment that holds the
 * address: a 36-bit MA-S block inside a 24-bit MA-L one names the smaller block's owner.
 */
public final class MacRegistry {

    /** The registries, each with the files Debian names it by and its prefix length in bits. */
    public enum Kind {
        MA_S("oui36.csv", 36),
        IAB("iab.csv", 36),
        MA_M("mam.csv", 28),
        MA_L("oui.csv", 24);

        private final String file;
        private final int bits;

        Kind(String file, int bits) {
            this.file = file;
            this.bits = bits;
        }

        public String file() {
            return file;
        }

        public int bits() {
            return bits;
        }

        public String label() {
            return name().replace('_', '-');
        }
    }

    /** Who holds a block: the registry, the block in hex and the organisation's name. */
    public record Registrant(Kind registry, String assignment, String organisation) {}

    /** The registries are about 6 MB in all; a file far larger is not one of them. */
    static final long MAX_FILE_BYTES = 64L << 20;

    private final Map<Integer, Map<Long, Registrant>> byLength = new HashMap<>();
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private final @Nullable String lastUpdate;

    private MacRegistry(@Nullable String lastUpdate) {
        this.lastUpdate = lastUpdate;
    }

    /** An empty registry: every lookup finds nothing. */
    public static MacRegistry empty() {
        return new MacRegistry(null);
    }

    /**
     * Loads the registry files found in {@code folder} (at least {@code oui.csv}).
     *
     * @throws IOException if a file cannot be read or is not a registry file, naming it and the line
     */
    public static MacRegistry load(Path folder) throws IOException {
        Path lastUpdateFile = folder.resolve(".lastupdate");
        String lastUpdate = Files.isRegularFile(lastUpdateFile) && Files.size(lastUpdateFile) < 100
                ? Files.readString(lastUpdateFile, StandardCharsets.UTF_8).strip()
                : null;
        MacRegistry registry = new MacRegistry(lastUpdate);
        if (!Files.isRegularFile(folder.resolve(Kind.MA_L.file()))) {
            throw new IOException(folder + " holds no " + Kind.MA_L.file() + " (install Debian's ieee-data package)");
        }
        for (Kind kind : Kind.values()) {
            Path file = folder.resolve(kind.file());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IOException(file + " is larger than " + (MAX_FILE_BYTES >> 20) + " MB");
            }
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                registry.read(kind, file.getFileName().toString(), reader);
            }
        }
        return registry;
    }

    /** Reads one registry file in the IEEE's CSV layout: Registry, Assignment, Organization Name, …. */
    void read(Kind kind, String name, Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        int hexDigits = kind.bits() / 4;
        Map<Long, Registrant> blocks = byLength.computeIfAbsent(kind.bits(), bits -> new HashMap<>());
        int count = 0;
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderNames().containsAll(List.of("Registry", "Assignment", "Organization Name"))) {
                throw new IOException(name + " line 1: not an IEEE registry file (expected the columns Registry,"
                        + " Assignment, Organization Name)");
            }
            for (CSVRecord record : parser) {
                String assignment = record.get("Assignment").strip().toUpperCase(Locale.ROOT);
                // oui36.csv also carries a few MA-L rows: each row says which registry it belongs to.
                if (assignment.length() != hexDigits || !assignment.matches("[0-9A-F]+")) {
                    if (assignment.length() == 6 && assignment.matches("[0-9A-F]+")) {
                        addBlock(24, assignment, new Registrant(Kind.MA_L, assignment, organisation(record)));
                        continue;
                    }
                    throw new IOException(name + " line " + parser.getCurrentLineNumber() + ": \"" + assignment
                            + "\" is not a " + hexDigits + "-digit assignment");
                }
                blocks.put(Long.parseLong(assignment, 16), new Registrant(kind, assignment, organisation(record)));
                count++;
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
        counts.merge(kind, count, Integer::sum);
    }

    private void addBlock(int bits, String assignment, Registrant registrant) {
        byLength.computeIfAbsent(bits, b -> new HashMap<>()).putIfAbsent(Long.parseLong(assignment, 16), registrant);
    }

    private static String organisation(CSVRecord record) {
        return record.get("Organization Name").strip();
    }

    /** The holder of the longest block that contains the address (canonical lower-case colon form). */
    public Optional<Registrant> lookUp(String mac) {
        long address = Long.parseLong(mac.replace(":", ""), 16);
        for (int bits : new int[] {36, 28, 24}) {
            Map<Long, Registrant> blocks = byLength.get(bits);
            if (blocks != null) {
                Registrant registrant = blocks.get(address >>> (48 - bits));
                if (registrant != null) {
                    return Optional.of(registrant);
                }
            }
        }
        return Optional.empty();
    }

    public int count(Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The date Debian's {@code update-ieee-data} last fetched the files, if it says. */
    public Optional<String> lastUpdate() {
        return Optional.ofNullable(lastUpdate);
    }
}
