package io.camaudit.returns.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a worksheet's XML ({@code <row>}, {@code <c r t s>}, {@code <v>}, {@code <is><t>}) into
 * cell values as text, like POI's {@code XSSFSheetXMLHandler} but without building a rich-text
 * object (an XMLBeans tree) for every string cell, which made reading a 100,000-row return take
 * several seconds. Numbers go through the {@link DataFormatter} with their cell's number format,
 * as POI's handler does; whole numbers in the General format skip it.
 */
final class SheetXmlHandler extends DefaultHandler {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private final StylesTable styles;
    private final List<String> sharedStrings;
    private final SheetContentsHandler output;
    private final DataFormatter formatter;
    private final Map<Integer, NumberFormat> formats = new HashMap<>();
    private final StringBuilder text = new StringBuilder();

    private int nextRow;
    private boolean inRow;
    private String cellReference;
    private String cellType;
    private String cellStyle;
    private boolean inValue;
    private boolean inInlineString;
    private boolean inInlineText;
    private boolean inPhonetic;

    private record NumberFormat(int index, String pattern) {}

    SheetXmlHandler(
            StylesTable styles, List<String> sharedStrings, SheetContentsHandler output, DataFormatter formatter) {
        this.styles = styles;
        this.sharedStrings = sharedStrings;
        this.output = output;
        this.formatter = formatter;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (!MAIN.equals(uri) && !uri.isEmpty()) {
            return;
        }
        switch (localName) {
            case "row" -> {
                String r = attributes.getValue("r");
                int row = r == null ? nextRow : Integer.parseInt(r) - 1;
                nextRow = row + 1;
                inRow = true;
                output.startRow(row);
            }
            case "c" -> {
                cellReference = attributes.getValue("r");
                cellType = attributes.getValue("t");
                cellStyle = attributes.getValue("s");
                text.setLength(0);
            }
            case "v" -> inValue = true;
            case "is" -> inInlineString = true;
            case "rPh" -> inPhonetic = true;
            case "t" -> inInlineText = inInlineString && !inPhonetic;
            default -> {}
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (!MAIN.equals(uri) && !uri.isEmpty()) {
            return;
        }
        switch (localName) {
            case "v" -> inValue = false;
            case "t" -> inInlineText = false;
            case "rPh" -> inPhonetic = false;
            case "is" -> inInlineString = false;
            case "c" -> {
                if (cellReference == null) {
                    throw new SAXException("a cell in row " + nextRow + " has no reference");
                }
                output.cell(cellReference, value(), null);
            }
            case "row" -> {
                if (inRow) {
                    output.endRow(nextRow - 1);
                    inRow = false;
                }
            }
            default -> {}
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue || inInlineText) {
            text.append(ch, start, length);
        }
    }

    private String value() throws SAXException {
        String raw = text.toString();
        if (cellType == null || cellType.equals("n")) {
            return raw.isEmpty() ? "" : number(raw);
        }
        return switch (cellType) {
            case "s" -> sharedString(raw);
            case "inlineStr", "str" -> raw;
            case "b" -> raw.equals("1") ? "TRUE" : "FALSE";
            case "e" -> "ERROR:" + raw;
            default -> raw;
        };
    }

    private String sharedString(String raw) throws SAXException {
        try {
            return sharedStrings.get(Integer.parseInt(raw.strip()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new SAXException("cell " + cellReference + " names shared string " + raw + ", which does not exist");
        }
    }

    private String number(String raw) throws SAXException {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new SAXException("cell " + cellReference + " holds \"" + raw + "\", which is not a number");
        }
        NumberFormat format = format();
        if (format.index() == 0 && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return formatter.formatRawCellContents(value, format.index(), format.pattern());
    }

    private NumberFormat format() {
        int style = cellStyle == null ? 0 : Integer.parseInt(cellStyle);
        return formats.computeIfAbsent(style, s -> {
            if (styles == null || s >= styles.getNumCellStyles()) {
                return new NumberFormat(0, "General");
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(s);
            String pattern = cellStyle.getDataFormatString();
            return new NumberFormat(cellStyle.getDataFormat(), pattern == null ? "General" : pattern);
        });
    }
}
