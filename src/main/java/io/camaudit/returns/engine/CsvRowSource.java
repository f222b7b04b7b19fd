package io.camaudit.returns.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV (RFC 4180, with comma, semicolon or tab between cells) as strict UTF-8: a file saved
 * in another encoding is refused with the row where decoding failed, rather than imported with
 * mangled names.
 */
final class CsvRowSource {

    private static final int SNIFF_BYTES = 8192;

    private CsvRowSource() {}

    static void read(InputStream raw, ReturnLimits limits, RowHandler handler) {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        char delimiter = sniffDelimiter(in);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setMaxRows(limits.maxRows() + 1)
                .get();
        long rowNumber = 0;
        try (Reader reader = new InputStreamReader(in, decoder);
                CSVParser parser = CSVParser.builder()
                        .setReader(skipBom(reader))
                        .setFormat(format)
                        .get()) {
            for (CSVRecord record : parser) {
                rowNumber = record.getRecordNumber();
                if (rowNumber > limits.maxRows()) {
                    throw new ReturnFileException(
                            "The file has more than " + limits.maxRows() + " rows; split it into" + " smaller files");
                }
                if (record.size() > limits.maxColumns()) {
                    throw new ReturnFileException("Row " + rowNumber + " has " + record.size() + " columns; at most "
                            + limits.maxColumns() + " are allowed");
                }
                List<String> cells = new ArrayList<>(record.size());
                for (int i = 0; i < record.size(); i++) {
                    String cell = record.get(i);
                    if (cell.length() > limits.maxCellLength()) {
                        throw new ReturnFileException("Row " + rowNumber + ", column " + (i + 1) + " holds "
                                + cell.length() + " characters; at most " + limits.maxCellLength() + " are allowed");
                    }
                    cells.add(cell);
                }
                handler.row(rowNumber, cells);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports a malformed file (an unterminated quote, a stray character after a
            // closing quote) as a CSVException, sometimes wrapped; the encoding was checked before.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof org.apache.commons.csv.CSVException csv) {
                    throw new ReturnFileException(
                            "The CSV file is malformed near row " + (rowNumber + 1) + ": " + csv.getMessage(), e);
                }
                if (cause instanceof CharacterCodingException) {
                    throw notUtf8(rowNumber + 1);
                }
            }
            throw new ReturnFileException(
                    "The CSV file could not be read after row " + rowNumber + ": " + e.getMessage(), e);
        }
    }

    private static ReturnFileException notUtf8(long line) {
        return new ReturnFileException(
                "The file is not UTF-8 text (line " + line + "). Save it as" + " \"CSV UTF-8\" and upload it again");
    }

    /**
     * Checks the whole file is UTF-8 before parsing, so that the error can name the line: the CSV
     * parser reads ahead, and by the time the decoder fails it cannot say where.
     */
    static void requireUtf8(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
        long line = 1;
        boolean end = false;
        while (!end) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                end = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            while (true) {
                int start = bytes.position();
                java.nio.charset.CoderResult result = decoder.decode(bytes, chars, end);
                line += newlines(bytes.array(), start, bytes.position());
                if (result.isError()) {
                    throw notUtf8(line);
                }
                chars.clear();
                if (result.isUnderflow()) {
                    break;
                }
            }
            bytes.compact();
        }
    }

    private static int newlines(byte[] bytes, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Picks the delimiter that appears most in the first lines: comma unless semicolons or tabs win. */
    private static char sniffDelimiter(BufferedInputStream in) {
        try {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            int commas = 0;
            int semicolons = 0;
            int tabs = 0;
            boolean quoted = false;
            for (byte b : head) {
                if (b == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    if (b == ',') {
                        commas++;
                    } else if (b == ';') {
                        semicolons++;
                    } else if (b == '\t') {
                        tabs++;
                    }
                }
            }
            if (tabs > commas && tabs > semicolons) {
                return '\t';
            }
            return semicolons > commas ? ';' : ',';
        } catch (IOException e) {
            throw new ReturnFileException("The file could not be read: " + e.getMessage(), e);
        }
    }

    private static Reader skipBom(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }
}
