package io.camaudit.diligence.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Whether an evidence file a supplier uploads may be kept: its type is read from its content
 * (never taken from its name or the browser), must be one camaudit accepts, and must agree with
 * its name's extension; its size is limited; an Office document (a ZIP archive) is expanded
 * entry by entry, counting what comes out, and refused beyond a limit (an archive bomb).
 */
public final class UploadCheck {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_EXPANDED = 50L * 1024 * 1024;
    static final int MAX_ENTRIES = 2_000;
    static final int MAX_RATIO = 100;

    /** A type camaudit keeps: its name, its media type, and the extensions a file of it may have. */
    public enum Kind {
        PDF("PDF document", "application/pdf", "pdf"),
        PNG("PNG image", "image/png", "png"),
        JPEG("JPEG image", "image/jpeg", "jpg", "jpeg"),
        TEXT("Text", "text/plain; charset=utf-8", "txt", "csv", "md"),
        DOCX("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String label;
        private final String mediaType;
        private final Set<String> extensions;

        Kind(String label, String mediaType, String... extensions) {
            this.label = label;
            this.mediaType = mediaType;
            this.extensions = Set.of(extensions);
        }

        public String label() {
            return label;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /** Why a file was refused, in words for the supplier. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private UploadCheck() {}

    /** What the file is, or why it is refused. {@code name} is the file's own name, as uploaded. */
    public static Kind check(String name, byte[] content) throws Refused {
        String shown = name.isBlank() ? "The file" : "\"" + name + "\"";
        if (content.length == 0) {
            throw new Refused(shown + " is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new Refused(shown + " is larger than " + (MAX_BYTES >> 20) + " MB");
        }
        String extension = extension(name);
        Kind kind = sniff(shown, content);
        if (!kind.extensions.contains(extension)) {
            throw new Refused(shown + " is a " + kind.label() + " by its content, but its name ends in \"." + extension
                    + "\": rename it ." + kind.extensions.iterator().next() + " if that is what it is");
        }
        return kind;
    }

    private static Kind sniff(String shown, byte[] b) throws Refused {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Kind.PDF;
        }
        if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Kind.PNG;
        }
        if (starts(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Kind.JPEG;
        }
        if (starts(b, new byte[] {'P', 'K', 3, 4})) {
            return office(shown, b);
        }
        if (text(b)) {
            return Kind.TEXT;
        }
        throw new Refused(shown + " is not a type camaudit accepts: send a PDF, PNG or JPEG image, text, Word (.docx)"
                + " or Excel (.xlsx) file");
    }

    /** An Office document is a ZIP archive: expanded here entry by entry, within limits, to see which it is. */
    private static Kind office(String shown, byte[] b) throws Refused {
        Set<String> names = new HashSet<>();
        long expanded = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (names.size() >= MAX_ENTRIES) {
                    throw new Refused(shown + " holds more than " + MAX_ENTRIES + " files");
                }
                names.add(entry.getName());
                for (int n = read(zip, buffer); n > 0; n = read(zip, buffer)) {
                    expanded += n;
                    if (expanded > MAX_EXPANDED || expanded > (long) MAX_RATIO * b.length) {
                        throw new Refused(shown + " expands to more than "
                                + Math.min(MAX_EXPANDED >> 20, (long) MAX_RATIO * b.length >> 20)
                                + " MB: an archive that large is refused");
                    }
                }
            }
        } catch (IOException e) {
            throw new Refused(shown + " is a damaged archive: " + e.getMessage());
        }
        if (!names.contains("[Content_Types].xml")) {
            throw new Refused(shown + " is a ZIP archive, not a Word or Excel document: archives are not accepted");
        }
        if (names.stream().anyMatch(n -> n.startsWith("word/"))) {
            return Kind.DOCX;
        }
        if (names.stream().anyMatch(n -> n.startsWith("xl/"))) {
            return Kind.XLSX;
        }
        throw new Refused(shown + " is an Office file camaudit does not accept: send Word (.docx) or Excel (.xlsx)");
    }

    private static int read(InputStream in, byte[] buffer) throws IOException {
        return in.read(buffer, 0, buffer.length);
    }

    /** UTF-8 text without control characters other than tab, line ends and form feed. */
    private static boolean text(byte[] b) {
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
            return s.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
