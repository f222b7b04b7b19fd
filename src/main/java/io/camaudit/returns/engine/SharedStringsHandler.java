package io.camaudit.returns.engine;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a workbook's shared strings ({@code <si>} items, plain or in rich-text runs, without
 * phonetic runs) as plain strings, in order: cells of type {@code s} refer to them by index.
 */
final class SharedStringsHandler extends DefaultHandler {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean inText;
    private boolean inPhonetic;

    List<String> strings() {
        return strings;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (!MAIN.equals(uri)) {
            return;
        }
        switch (localName) {
            case "si" -> text.setLength(0);
            case "rPh" -> inPhonetic = true;
            case "t" -> inText = !inPhonetic;
            default -> {}
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (!MAIN.equals(uri)) {
            return;
        }
        switch (localName) {
            case "si" -> strings.add(text.toString());
            case "rPh" -> inPhonetic = false;
            case "t" -> inText = false;
            default -> {}
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inText) {
            text.append(ch, start, length);
        }
    }
}
