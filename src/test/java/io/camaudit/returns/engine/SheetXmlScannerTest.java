package io.camaudit.returns.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** Our scanner against the JDK's SAX parser: the same events for every document, or a refusal. */
class SheetXmlScannerTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path temp;

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** Every event as text, with the text between elements joined (parsers may split it differently). */
    static final class Recorder extends DefaultHandler {
        final List<String> events = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        private void flush() {
            if (text.length() > 0) {
                events.add("text " + text);
                text.setLength(0);
            }
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flush();
            StringBuilder event = new StringBuilder("start {" + uri + "}" + localName + " " + qName);
            for (int i = 0; i < attributes.getLength(); i++) {
                event.append(" {")
                        .append(attributes.getURI(i))
                        .append('}')
                        .append(attributes.getLocalName(i))
                        .append('|')
                        .append(attributes.getQName(i))
                        .append("=")
                        .append(attributes.getValue(i));
            }
            events.add(event.toString());
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flush();
            events.add("end {" + uri + "}" + localName + " " + qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endDocument() {
            flush();
        }
    }

    private static List<String> sax(byte[] xml) throws Exception {
        Recorder recorder = new Recorder();
        XMLReader parser = XlsxRowSource.hardenedParser();
        parser.setContentHandler(recorder);
        parser.parse(new InputSource(new ByteArrayInputStream(xml)));
        return recorder.events;
    }

    private static List<String> ours(byte[] xml) throws Exception {
        Recorder recorder = new Recorder();
        SheetXmlScanner.scan(new ByteArrayInputStream(xml), recorder);
        return recorder.events;
    }

    private static void same(String xml) throws Exception {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(ours(bytes)).isEqualTo(sax(bytes));
    }

    @Test
    void givesTheSameEventsAsTheJdkParser() throws Exception {
        same("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetData>"
                + "<row r=\"1\" spans=\"1:2\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t='inlineStr'><is><t>Caf\u00e9"
                + " \u4e2d\u6587 \ud83d\ude00</t></is></c></row>\r\n<row r=\"2\"><c r=\"A2\"/></row></sheetData>"
                + "<hyperlinks><hyperlink ref=\"A1\" r:id=\"rId1\"/></hyperlinks></worksheet>");
        same("<x:worksheet xmlns:x=\"" + MAIN + "\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\">"
                + "<x:is><x:t xml:space=\"preserve\"> a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#10;&#x1F600;</x:t>"
                + "</x:is></x:c></x:row></x:sheetData></x:worksheet>");
        same("<worksheet xmlns=\"" + MAIN + "\"><!-- a comment with <tags> --><?pi some data?><sheetData>"
                + "<row><c><v><![CDATA[<not a tag> & not an entity]]></v></c></row></sheetData>"
                + "<extLst><ext xmlns:x14=\"urn:x14\" uri=\"{x}\"><x14:c a=\"1&#9;2\">\r\nline\rend</x14:c></ext>"
                + "</extLst></worksheet>");
        same("<a xmlns=\"urn:one\"><b xmlns=\"urn:two\"><c/></b><d xmlns=\"\"/><e/></a>");
    }

    @Test
    void readsRealWorkbooksAsTheJdkParserDoes() throws Exception {
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            var sheet = book.createSheet("Return");
            for (int r = 0; r < 300; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("Site " + r + " & <annex> \u00e9\u00e8");
                row.createCell(1).setCellValue(r * 1.5);
                row.createCell(2).setCellValue(r % 2 == 0);
            }
            book.write(streamed);
            book.dispose();
        }
        ByteArrayOutputStream shared = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("Return");
            for (int r = 0; r < 300; r++) {
                sheet.createRow(r).createCell(0).setCellValue("Hikvision \"DS-2CD\" " + (r % 7) + " \u2013 \u4e2d");
            }
            book.write(shared);
        }
        int parts = 0;
        for (byte[] workbook : List.of(
                streamed.toByteArray(),
                shared.toByteArray(),
                Xlsx.of(List.of(List.of("Site", "Manufacturer"), List.of("Town Hall", "HIK VISION"))))) {
            java.nio.file.Path file = java.nio.file.Files.createTempFile(temp, "workbook", ".xlsx");
            java.nio.file.Files.write(file, workbook);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    if (entry.getName().endsWith(".xml")) {
                        byte[] xml;
                        try (InputStream in = zip.getInputStream(entry)) {
                            xml = in.readAllBytes();
                        }
                        assertThat(ours(xml)).as(entry.getName()).isEqualTo(sax(xml));
                        parts++;
                    }
                }
            }
        }
        assertThat(parts).isGreaterThan(10);
    }

    @Test
    void refusesWhatAWorkbookNeverHoldsNamingItAndWhere() {
        String[][] hostile = {
            {"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "DOCTYPE"},
            {"<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><lolz>&lol2;</lolz>", "DOCTYPE"},
            {"<x>&nbsp;</x>", "the entity &nbsp; is not defined"},
            {"<x><y></x></y>", "</x> does not close <y>"},
            {"<x><y>", "the document ends inside <y>"},
            {"<x/><y/>", "a second root element"},
            {"<p:x/>", "the prefix of p:x is not declared"},
            {"<x a=b/>", "attribute a of <x> is not quoted"},
            {"<x>&#0;</x>", "&#0; is not a character XML allows"},
            {"text<x/>", "text outside the root element"},
            {"", "no root element"},
        };
        for (String[] document : hostile) {
            assertThatThrownBy(() -> ours(document[0].getBytes(StandardCharsets.UTF_8)))
                    .as(document[0])
                    .isInstanceOf(SAXException.class)
                    .hasMessageContaining(document[1])
                    .hasMessageContaining("(at byte ");
        }
        byte[] badUtf8 = {'<', 'x', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'x', '>'};
        assertThatThrownBy(() -> ours(badUtf8)).hasMessageContaining("malformed UTF-8");
        byte[] overlong = {'<', 'x', '>', (byte) 0xC0, (byte) 0xAF, '<', '/', 'x', '>'};
        assertThatThrownBy(() -> ours(overlong)).hasMessageContaining("malformed UTF-8");
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            deep.append("<d>");
        }
        assertThatThrownBy(() -> ours(deep.toString().getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("nested more than 256 deep");
    }

    @Test
    void onlyUtf8PartsAreScannedByUs() throws IOException {
        assertThat(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>")).isTrue();
        assertThat(utf8("<?xml version='1.0' encoding='utf-8'?><x/>")).isTrue();
        assertThat(utf8("<?xml version=\"1.0\"?><x/>")).isTrue();
        assertThat(utf8("<x/>")).isTrue();
        assertThat(utf8("\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>")).isTrue();
        assertThat(utf8("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><x/>")).isFalse();
        byte[] utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><x/>".getBytes(StandardCharsets.UTF_16);
        assertThat(SheetXmlScanner.isUtf8(new java.io.BufferedInputStream(new ByteArrayInputStream(utf16))))
                .isFalse();
    }

    private static boolean utf8(String xml) throws IOException {
        InputStream in =
                new java.io.BufferedInputStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        boolean result = SheetXmlScanner.isUtf8(in);
        assertThat(in.readAllBytes())
                .as("the stream is left where it was")
                .isEqualTo(xml.getBytes(StandardCharsets.UTF_8));
        return result;
    }
}
