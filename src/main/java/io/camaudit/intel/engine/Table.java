package io.camaudit.intel.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * One CSV file of a bundle: its header must name exactly the expected columns (in any order), and
 * each row reports its problems with the file, line and column.
 */
final class Table implements Iterable<Table.Row> {

    private final List<Row> rows;

    private Table(List<Row> rows) {
        this.rows = rows;
    }

    static Table parse(String file, String text, List<String> columns, List<String> problems) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : columns) {
                if (!header.contains(column)) {
                    problems.add(file + " line 1: no column \"" + column + "\"");
                }
            }
            for (String column : header) {
                if (!columns.contains(column)) {
                    problems.add(file + " line 1: unknown column \"" + column + "\"; expected " + columns);
                }
            }
            if (header.size() != columns.size() || !header.containsAll(columns)) {
                return new Table(List.of());
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != columns.size()) {
                    problems.add(file + " line " + line + ": " + record.size() + " cells where the header has "
                            + columns.size());
                    continue;
                }
                rows.add(new Row(file, line, record, problems));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // commons-csv reports a broken quote or a duplicate header this way.
            problems.add(file + ": " + e.getMessage());
        }
        return new Table(rows);
    }

    @Override
    public Iterator<Row> iterator() {
        return rows.iterator();
    }

    /** One data row. */
    static final class Row {
        private final String file;
        private final long line;
        private final CSVRecord record;
        private final List<String> problems;

        Row(String file, long line, CSVRecord record, List<String> problems) {
            this.file = file;
            this.line = line;
            this.record = record;
            this.problems = problems;
        }

        void problem(String column, String message) {
            problems.add(file + " line " + line + ", " + column + ": " + message);
        }

        String required(String column) {
            String value = record.get(column).strip();
            if (value.isEmpty()) {
                problem(column, "is empty");
            }
            return value;
        }

        @Nullable
        String optional(String column) {
            String value = record.get(column).strip();
            return value.isEmpty() ? null : value;
        }

        List<String> list(String column, String separator) {
            String value = record.get(column).strip();
            if (value.isEmpty()) {
                return List.of();
            }
            return Arrays.stream(value.split(separator))
                    .map(String::strip)
                    .filter(part -> !part.isEmpty())
                    .toList();
        }
    }
}
