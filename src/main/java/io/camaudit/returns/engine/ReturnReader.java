package io.camaudit.returns.engine;

import io.camaudit.register.DeviceFacts;
import io.camaudit.register.NaturalKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a whole return: finds the header row (which may sit under a title or a note, as in many
 * Freedom of Information answers), maps the columns, parses and checks every row, gives every
 * device its natural key, and hands the devices on in chunks. It writes nothing: the caller
 * decides whether to commit.
 */
public final class ReturnReader {

    /** How far down a header row may be, under titles and notes. */
    static final int HEADER_SEARCH_ROWS = 15;

    private final ReturnLimits limits;

    public ReturnReader(ReturnLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads {@code file}, passing devices to {@code devices} in lists of at most {@code chunkSize}.
     *
     * @throws ReturnFileException if the file as a whole cannot be read
     */
    public ReturnReport read(Path file, int chunkSize, Consumer<List<ReturnDevice>> devices) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ReturnFileException("The file could not be read: " + e.getMessage(), e);
        }
        if (size > limits.maxBytes()) {
            throw new ReturnFileException(
                    "The file is " + (size >> 20) + " MB; at most " + (limits.maxBytes() >> 20) + " MB is allowed");
        }
        ReturnFormat format = ReturnFormat.detect(file);
        Reading reading = new Reading(format, chunkSize, devices);
        if (format == ReturnFormat.CSV) {
            try (InputStream check = Files.newInputStream(file)) {
                CsvRowSource.requireUtf8(check);
            } catch (IOException e) {
                throw new ReturnFileException("The file could not be read: " + e.getMessage(), e);
            }
            try (InputStream in = Files.newInputStream(file)) {
                CsvRowSource.read(in, limits, reading::row);
            } catch (IOException e) {
                throw new ReturnFileException("The file could not be read: " + e.getMessage(), e);
            }
        } else {
            // Unzipping and scanning the sheet overlaps with checking its rows.
            RowPipe.run(rows -> XlsxRowSource.read(file, limits, rows), reading::row);
        }
        return reading.finish();
    }

    /** The state of one read: before the header, then in the data. */
    private final class Reading {
        private final ReturnFormat format;
        private final int chunkSize;
        private final Consumer<List<ReturnDevice>> sink;
        private final List<List<String>> beforeHeader = new ArrayList<>();
        private final List<Issue> issues = new ArrayList<>();
        private final LongHashSet keys = new LongHashSet();
        private final Map<String, Integer> ordinals = new HashMap<>();
        private final Map<String, String> recognised = new LinkedHashMap<>();
        private final List<String> ignored = new ArrayList<>();
        private List<ReturnDevice> chunk = new ArrayList<>();
        private ReturnRowParser parser;
        private long headerRow;
        private long rows;
        private long deviceCount;
        private long errors;
        private long warnings;

        Reading(ReturnFormat format, int chunkSize, Consumer<List<ReturnDevice>> sink) {
            this.format = format;
            this.chunkSize = chunkSize;
            this.sink = sink;
        }

        void row(long rowNumber, List<String> cells) {
            if (parser == null) {
                if (HeaderMatcher.recognised(cells) >= 2) {
                    header(rowNumber, cells);
                } else if (beforeHeader.size() < HEADER_SEARCH_ROWS) {
                    beforeHeader.add(cells);
                } else {
                    throw noHeader();
                }
                return;
            }
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            rows++;
            Optional<ReturnRow> parsed = parser.parse(rowNumber, cells, this::issue);
            parsed.ifPresent(this::devicesOf);
        }

        private void header(long rowNumber, List<String> cells) {
            Map<Column, Integer> columns = new EnumMap<>(Column.class);
            for (int i = 0; i < cells.size(); i++) {
                String header = cells.get(i).strip();
                if (header.isEmpty()) {
                    continue;
                }
                Optional<Column> column = HeaderMatcher.match(header);
                if (column.isEmpty()) {
                    ignored.add(header);
                } else if (columns.containsKey(column.get())) {
                    issue(Issue.warning(
                            rowNumber,
                            column.get(),
                            "Column \"" + header + "\" repeats " + column.get().label()
                                    + "; only the first such column is read"));
                } else {
                    columns.put(column.get(), i);
                    recognised.put(header, column.get().label());
                }
            }
            for (String header : ignored) {
                issue(Issue.warning(
                        rowNumber, null, "Column \"" + header + "\" is not one camaudit reads; it was ignored"));
            }
            headerRow = rowNumber;
            parser = new ReturnRowParser(columns);
        }

        private void devicesOf(ReturnRow row) {
            DeviceFacts facts = row.facts();
            for (int i = 0; i < row.quantity(); i++) {
                String key;
                if (facts.serialNumber() == null && facts.macAddress() == null && facts.assetTag() == null) {
                    String group = NaturalKeys.device(
                            null, null, null, row.siteName(), manufacturerOf(facts), facts.model(), 0);
                    int ordinal = ordinals.merge(group, 1, Integer::sum);
                    key = NaturalKeys.device(
                            null, null, null, row.siteName(), manufacturerOf(facts), facts.model(), ordinal);
                } else {
                    key = NaturalKeys.device(
                            facts.serialNumber(), facts.macAddress(), facts.assetTag(), null, null, null, 0);
                    if (!keys.add(hash(key))) {
                        issue(Issue.error(
                                row.rowNumber(),
                                keyColumn(key),
                                "Another row has the same "
                                        + keyColumn(key).label().toLowerCase(java.util.Locale.ROOT) + " ("
                                        + key.substring(key.indexOf(':') + 1) + ")"));
                        return;
                    }
                }
                chunk.add(new ReturnDevice(row, key));
                deviceCount++;
                if (chunk.size() >= chunkSize) {
                    flush();
                }
            }
        }

        private String manufacturerOf(DeviceFacts facts) {
            return facts.manufacturer() != null ? facts.manufacturer() : facts.brand() == null ? "" : facts.brand();
        }

        private Column keyColumn(String key) {
            if (key.startsWith("serial:")) {
                return Column.SERIAL;
            }
            return key.startsWith("mac:") ? Column.MAC : Column.ASSET_TAG;
        }

        private void issue(Issue issue) {
            if (issue.isError()) {
                errors++;
            } else {
                warnings++;
            }
            if (issues.size() < ReturnReport.MAX_LISTED_ISSUES) {
                issues.add(issue);
            }
        }

        private void flush() {
            if (!chunk.isEmpty()) {
                sink.accept(chunk);
                chunk = new ArrayList<>();
            }
        }

        private ReturnFileException noHeader() {
            return new ReturnFileException("No header row was found in the first " + HEADER_SEARCH_ROWS + " rows: a"
                    + " return needs a row naming its columns, such as Site, Manufacturer, Model, Serial number");
        }

        ReturnReport finish() {
            if (parser == null) {
                throw noHeader();
            }
            flush();
            if (rows == 0) {
                issue(Issue.error(headerRow, null, "The file has a header row but no data rows"));
            }
            return new ReturnReport(
                    format,
                    headerRow,
                    recognised,
                    List.copyOf(ignored),
                    rows,
                    deviceCount,
                    errors,
                    warnings,
                    List.copyOf(issues));
        }
    }

    private static long hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xFF);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
