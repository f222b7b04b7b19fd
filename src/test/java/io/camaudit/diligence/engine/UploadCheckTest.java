package io.camaudit.diligence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Evidence files are typed by their content, limited in size, and refused as archive bombs. */
class UploadCheckTest {

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] zip(String... namesAndContents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A Word document's shape whose one part expands to {@code megabytes} of zeros. */
    static byte[] bomb(int megabytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void eachAcceptedTypeIsKnownByItsContent() throws Exception {
        assertThat(UploadCheck.check("report.pdf", pdf())).isEqualTo(UploadCheck.Kind.PDF);
        assertThat(UploadCheck.check("scan.PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}))
                .isEqualTo(UploadCheck.Kind.PNG);
        assertThat(UploadCheck.check("photo.jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .isEqualTo(UploadCheck.Kind.JPEG);
        assertThat(UploadCheck.check("notes.txt", "Ownership: 42% state-held\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(UploadCheck.Kind.TEXT);
        assertThat(UploadCheck.check(
                        "policy.docx", zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w/>")))
                .isEqualTo(UploadCheck.Kind.DOCX);
        assertThat(UploadCheck.check(
                        "register.xlsx", zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<x/>")))
                .isEqualTo(UploadCheck.Kind.XLSX);
    }

    @Test
    void aWrongTypeByExtensionAnOversizedFileAndArchiveBombsAreRefusedByName() throws Exception {
        assertThatThrownBy(() -> UploadCheck.check("invoice.pdf", new byte[] {'M', 'Z', 0, 0, 3}))
                .isInstanceOf(UploadCheck.Refused.class)
                .hasMessageContaining("\"invoice.pdf\" is not a type camaudit accepts");
        assertThatThrownBy(() -> UploadCheck.check("report.txt", pdf()))
                .hasMessageContaining("is a PDF document by its content, but its name ends in \".txt\"");
        assertThatThrownBy(() -> UploadCheck.check("big.pdf", new byte[UploadCheck.MAX_BYTES + 1]))
                .hasMessage("\"big.pdf\" is larger than 10 MB");
        assertThatThrownBy(() -> UploadCheck.check("empty.pdf", new byte[0])).hasMessage("\"empty.pdf\" is empty");
        byte[] bomb = bomb(200);
        assertThat(bomb.length).as("small on the wire").isLessThan(1 << 20);
        assertThatThrownBy(() -> UploadCheck.check("policy.docx", bomb))
                .hasMessageContaining("\"policy.docx\" expands to more than")
                .hasMessageContaining("an archive that large is refused");
        assertThatThrownBy(() -> UploadCheck.check("evidence.docx", zip("a.txt", "hello")))
                .hasMessageContaining("a ZIP archive, not a Word or Excel document");
        assertThatThrownBy(() -> UploadCheck.check("x.docx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}))
                .as("a truncated archive")
                .hasMessageContaining("not a Word or Excel document");
    }
}
