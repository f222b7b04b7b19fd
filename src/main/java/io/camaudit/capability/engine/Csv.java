package io.camaudit.capability.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a rules file whose header must be exactly the expected columns, each record with its line. */
final class Csv {

    record Line(String where, CSVRecord record) {
        String get(String column) {
            return record.get(column).strip();
        }
    }

    private Csv() {}

    static List<Line> read(Reader reader, String fileName, List<String> columns, List<String> problems) {
        List<Line> lines = new ArrayList<>();
        try {
            CSVParser parser = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .get()
                    .parse(reader);
            if (!parser.getHeaderNames().equals(columns)) {
                problems.add(fileName + " line 1: the columns must be " + String.join(",", columns) + " but are "
                        + String.join(",", parser.getHeaderNames()));
                return lines;
            }
            for (CSVRecord record : parser) {
                String where = fileName + " line " + parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    problems.add(where + ": " + record.size() + " values for " + columns.size() + " columns");
                    continue;
                }
                lines.add(new Line(where, record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            problems.add(fileName + ": " + e.getMessage());
        }
        return lines;
    }

    static Reader resource(String name) {
        InputStream in = Csv.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the class path");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static String version(String name) {
        try (Reader reader = resource(name)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
