package io.camaudit.shared.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A plain A4 report drawn with PDFBox: headings, wrapped paragraphs, tables (a header row and
 * rows, broken across pages) and bar charts, in Helvetica. Text a standard font cannot show is
 * replaced by "?" rather than failing the report.
 */
public final class PdfDocument implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument document = new PDDocument();
    private PDPageContentStream page;
    private float y;

    public PdfDocument(String title, String subject) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setCreator("camaudit");
        newPage();
    }

    public PdfDocument heading(String text) {
        space(40);
        write(BOLD, 15, text, MARGIN, y);
        y -= 24;
        return this;
    }

    public PdfDocument paragraph(String text) {
        for (String line : wrap(clean(text), REGULAR, 10, WIDTH)) {
            space(14);
            write(REGULAR, 10, line, MARGIN, y);
            y -= 14;
        }
        y -= 6;
        return this;
    }

    /** A table: the header row in bold, columns of equal share of the width unless {@code widths} says. */
    public PdfDocument table(List<String> header, List<List<String>> rows, float... widths) {
        float[] w = widths.length == header.size() ? widths : even(header.size());
        row(header, w, BOLD);
        for (List<String> r : rows) {
            row(r, w, REGULAR);
        }
        y -= 10;
        return this;
    }

    /** A horizontal bar chart of the bars (values on a scale to {@code max}), with its title. */
    public PdfDocument chart(String title, List<BarChart.Bar> bars, double max) {
        space(30);
        write(BOLD, 11, title, MARGIN, y);
        y -= 18;
        float label = 180;
        float scale = max <= 0 ? 0 : (float) ((WIDTH - label - 60) / max);
        for (BarChart.Bar bar : bars) {
            space(16);
            write(REGULAR, 9, shorten(bar.label(), 36), MARGIN, y);
            float w = (float) Math.max(0, Math.min(max, bar.value())) * scale;
            try {
                page.setNonStrokingColor(0x1d / 255f, 0x70 / 255f, 0xb8 / 255f);
                page.addRect(MARGIN + label, y - 2, Math.max(w, 0.5f), 10);
                page.fill();
                page.setNonStrokingColor(0f, 0f, 0f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write(REGULAR, 9, bar.shown(), MARGIN + label + w + 4, y);
            y -= 16;
        }
        y -= 8;
        return this;
    }

    public byte[] bytes() {
        try {
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(List<String> cells, float[] widths, PDType1Font font) {
        List<List<String>> wrapped = new java.util.ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> w = wrap(clean(cells.get(i)), font, 9, widths[i] * WIDTH - 6);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        space(12 * lines + 4);
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            float ly = y;
            for (String line : wrapped.get(i)) {
                write(font, 9, line, x, ly);
                ly -= 12;
            }
            x += widths[i] * WIDTH;
        }
        y -= 12 * lines + 4;
    }

    private static float[] even(int n) {
        float[] w = new float[n];
        java.util.Arrays.fill(w, 1f / n);
        return w;
    }

    /** A new page when fewer than {@code needed} points are left on this one. */
    private void space(float needed) {
        if (y - needed < MARGIN) {
            try {
                page.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            newPage();
        }
    }

    private void newPage() {
        PDPage p = new PDPage(PDRectangle.A4);
        document.addPage(p);
        try {
            page = new PDPageContentStream(document, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void write(PDType1Font font, float size, String text, float x, float at) {
        try {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, at);
            page.showText(clean(text));
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (widthOf(font, size, candidate) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static float widthOf(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return text.length() * size * 0.6f;
        }
    }

    /** Only what WinAnsi (the standard fonts' encoding) can show; line breaks become spaces. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c :
                text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ').toCharArray()) {
            boolean shown = (c >= 0x20 && c < 0x7F)
                    || (c >= 0xA0 && c <= 0xFF)
                    || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".indexOf(c) >= 0;
            out.append(shown ? c : '?');
        }
        return out.toString();
    }

    private static String shorten(String label, int max) {
        return label.length() > max ? label.substring(0, max - 1) + "…" : label;
    }

    /** A count as the report writes it: 1,234. */
    public static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }
}
