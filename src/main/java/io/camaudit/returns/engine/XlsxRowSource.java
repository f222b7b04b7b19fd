package io.camaudit.returns.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX workbook as a stream of rows (POI opens the package; our SAX
 * handlers read the shared strings and the sheet), so memory stays flat however long the sheet is. The package is opened with POI's zip-bomb guard, and the
 * sheet XML with a parser that refuses any DOCTYPE, which rules out XXE and entity expansion.
 */
final class XlsxRowSource {

    /** POI's default: an entry that inflates more than 100 times is taken for a zip bomb. */
    private static final double MIN_INFLATE_RATIO = 0.01;

    private XlsxRowSource() {}

    static void read(Path file, ReturnLimits limits, RowHandler handler) {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(limits.maxUncompressedBytes());
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            List<String> strings = sharedStrings(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ReturnFileException("The workbook has no sheets");
            }
            try (InputStream sheet = sheets.next()) {
                RowCollector rows = new RowCollector(limits, handler);
                parse(sheet, new SheetXmlHandler(styles, strings, rows, new IsoDateFormatter()));
                rows.finish();
            }
        } catch (ReturnFileException e) {
            throw e;
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new ReturnFileException(
                    "This is an older .xls workbook or a password-protected one; save it as"
                            + " .xlsx (Excel Workbook) or as CSV UTF-8 and upload it again",
                    e);
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new ReturnFileException("The file is not a valid XLSX workbook: " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new ReturnFileException(
                    "The first sheet of the workbook is not well-formed or is hostile: " + e.getMessage(), e);
        } catch (POIXMLException | OpenXML4JException | IOException | IllegalStateException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (message.contains("Zip bomb") || message.contains("zip bomb")) {
                throw new ReturnFileException(
                        "The workbook inflates far beyond its size (a zip bomb) and was refused", e);
            }
            if (message.contains("DOCTYPE") || message.contains("DTD")) {
                throw new ReturnFileException("The workbook contains a DOCTYPE declaration (XXE) and was refused", e);
            }
            throw new ReturnFileException("The workbook could not be read: " + message, e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ReturnFileException rfe) {
                throw rfe;
            }
            throw new ReturnFileException("The workbook could not be read: " + e.getMessage(), e);
        }
    }

    /** The workbook's shared strings, read with the hardened parser; none if it has no such part. */
    private static List<String> sharedStrings(OPCPackage pkg) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return List.of();
        }
        SharedStringsHandler handler = new SharedStringsHandler();
        try (InputStream in = parts.get(0).getInputStream()) {
            parse(in, handler);
        }
        return handler.strings();
    }

    /**
     * Parses a part with our own scanner when it is UTF-8 (as Excel and LibreOffice write them),
     * about four times as fast as the JDK's parser; anything else goes to the JDK's hardened parser.
     * Both refuse a DOCTYPE.
     */
    static void parse(InputStream part, org.xml.sax.ContentHandler handler) throws IOException, SAXException {
        InputStream in = new java.io.BufferedInputStream(part, 1 << 16);
        if (SheetXmlScanner.isUtf8(in)) {
            SheetXmlScanner.scan(in, handler);
        } else {
            XMLReader parser = hardenedParser();
            parser.setContentHandler(handler);
            parser.parse(new InputSource(in));
        }
    }

    static XMLReader hardenedParser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    /** Shows date cells as ISO dates whatever the workbook's locale, so 1/2/21 is never ambiguous. */
    private static final class IsoDateFormatter extends DataFormatter {

        IsoDateFormatter() {
            super(java.util.Locale.UK);
        }

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime date = DateUtil.getLocalDateTime(value, use1904Windowing);
                return LocalDate.from(date).toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    /** Turns POI's sparse cell callbacks into dense rows, enforcing the limits as it goes. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final ReturnLimits limits;
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();
        private long rows;

        RowCollector(ReturnLimits limits, RowHandler handler) {
            this.limits = limits;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            rows++;
            if (rows > limits.maxRows()) {
                throw new ReturnFileException(
                        "The sheet has more than " + limits.maxRows() + " rows; split it into" + " smaller files");
            }
            handler.row(rowNum + 1L, List.copyOf(cells));
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = columnOf(cellReference);
            if (column >= limits.maxColumns()) {
                throw new ReturnFileException(
                        "Cell " + cellReference + " is beyond the " + limits.maxColumns() + " columns allowed");
            }
            if (formattedValue != null && formattedValue.length() > limits.maxCellLength()) {
                throw new ReturnFileException("Cell " + cellReference + " holds " + formattedValue.length()
                        + " characters; at most " + limits.maxCellLength() + " are allowed");
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }

        void finish() {}

        /** The zero-based column of a reference such as "AB12", without CellReference's allocations. */
        private static int columnOf(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
    }
}
