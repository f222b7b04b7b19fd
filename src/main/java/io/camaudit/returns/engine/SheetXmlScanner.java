package io.camaudit.returns.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * A small, strict XML scanner for the parts of an XLSX package that carry the data (the sheet and
 * the shared strings), about four times as fast as the JDK's SAX parser on them. It reads UTF-8
 * only (the caller hands anything else to the JDK's parser), reports elements, attributes and text
 * to a SAX {@link ContentHandler} with their namespaces, and refuses what a workbook never needs: a
 * DOCTYPE (so no entity can be declared, expanded or fetched: no XXE, no billion laughs), an
 * undefined entity, a mismatched or unclosed tag, malformed UTF-8.
 */
final class SheetXmlScanner {

    /** Deeper nesting than any workbook has; a file nested deeper is hostile. */
    static final int MAX_DEPTH = 256;

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final ContentHandler handler;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private long consumed;
    private char[] text = new char[1024];
    private int textLength;
    private final AttributesImpl attributes = new AttributesImpl();
    private final Deque<String> open = new ArrayDeque<>();
    private final Map<String, String> namespaces = new HashMap<>();
    /** Namespace bindings to undo when an element closes: depth, prefix, the uri it hid (or null). */
    private final Deque<Object[]> bindings = new ArrayDeque<>();

    /** The URI of unprefixed element names where the scan is. */
    private String defaultNamespace = "";

    private SheetXmlScanner(InputStream in, ContentHandler handler) {
        this.in = in;
        this.handler = handler;
        namespaces.put("xml", "http://www.w3.org/XML/1998/namespace");
    }

    /** Scans a whole document, which must be UTF-8. */
    static void scan(InputStream in, ContentHandler handler) throws IOException, SAXException {
        new SheetXmlScanner(in, handler).document();
    }

    /**
     * True if the document declares no encoding, or UTF-8 (with or without a byte-order mark). Reads
     * only the first bytes; the stream must support mark and reset.
     */
    static boolean isUtf8(InputStream in) throws IOException {
        in.mark(512);
        byte[] head = in.readNBytes(512);
        in.reset();
        int start = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        if (head.length >= 2
                && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                        || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return false; // UTF-16 with a byte-order mark
        }
        String ascii = new String(head, start, head.length - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!ascii.startsWith("<?xml")) {
            return ascii.isEmpty() || ascii.charAt(0) != 0; // no declaration: UTF-8 unless it looks like UTF-16
        }
        int end = ascii.indexOf("?>");
        String declaration = end < 0 ? ascii : ascii.substring(0, end);
        java.util.regex.Matcher encoding = java.util.regex.Pattern.compile("encoding\\s*=\\s*[\"']([^\"']+)[\"']")
                .matcher(declaration);
        return !encoding.find()
                || encoding.group(1).equalsIgnoreCase("UTF-8")
                || encoding.group(1).equalsIgnoreCase("UTF8");
    }

    private void document() throws IOException, SAXException {
        handler.startDocument();
        skipByteOrderMark();
        boolean rootSeen = false;
        while (true) {
            int b = peek();
            if (b < 0) {
                break;
            }
            if (b == '<') {
                flushText();
                position++;
                consumed++;
                int next = peek();
                if (next == '/') {
                    next();
                    endTag();
                } else if (next == '?') {
                    next();
                    skipUntil("?>");
                } else if (next == '!') {
                    next();
                    markup();
                } else {
                    if (open.isEmpty() && rootSeen) {
                        throw error("a second root element");
                    }
                    rootSeen = true;
                    startTag();
                }
            } else {
                if (open.isEmpty()) {
                    if (!isSpace(b)) {
                        throw error("text outside the root element");
                    }
                    next();
                } else {
                    asciiText();
                    if (peek() >= 0 && peek() != '<') {
                        textByte();
                    }
                }
            }
        }
        if (!open.isEmpty()) {
            throw error("the document ends inside <" + open.peek() + ">");
        }
        if (!rootSeen) {
            throw error("no root element");
        }
        handler.endDocument();
    }

    private void skipByteOrderMark() throws IOException {
        if (fill(3)
                && (buffer[position] & 0xFF) == 0xEF
                && (buffer[position + 1] & 0xFF) == 0xBB
                && (buffer[position + 2] & 0xFF) == 0xBF) {
            position += 3;
            consumed += 3;
        }
    }

    /** After {@code <!}: a comment, CDATA; nothing else (above all no DOCTYPE) is allowed. */
    private void markup() throws IOException, SAXException {
        if (startsWith("--")) {
            skip(2);
            skipUntil("-->");
        } else if (startsWith("[CDATA[")) {
            if (open.isEmpty()) {
                throw error("CDATA outside the root element");
            }
            skip(7);
            cdata();
        } else {
            throw error("a DOCTYPE or other declaration, which a workbook never needs (XXE is refused)");
        }
    }

    private void cdata() throws IOException, SAXException {
        while (true) {
            if (startsWith("]]>")) {
                skip(3);
                flushText();
                return;
            }
            int b = peek();
            if (b < 0) {
                throw error("unterminated CDATA section");
            }
            decodeUtf8Into();
        }
    }

    private void startTag() throws IOException, SAXException {
        String qName = name();
        if (open.size() >= MAX_DEPTH) {
            throw error("elements nested more than " + MAX_DEPTH + " deep");
        }
        attributes.clear();
        boolean declares = false;
        boolean empty = false;
        while (true) {
            skipSpaces();
            int b = next();
            if (b == '>') {
                break;
            }
            if (b == '/') {
                if (next() != '>') {
                    throw error("'/' not followed by '>' in <" + qName + ">");
                }
                empty = true;
                break;
            }
            if (b < 0) {
                throw error("the document ends inside <" + qName + ">");
            }
            position--;
            consumed--;
            String attribute = name();
            skipSpaces();
            if (next() != '=') {
                throw error("attribute " + attribute + " of <" + qName + "> has no value");
            }
            skipSpaces();
            int quote = next();
            if (quote != '"' && quote != '\'') {
                throw error("attribute " + attribute + " of <" + qName + "> is not quoted");
            }
            declares |= attribute.startsWith("xmlns");
            // Namespaces are filled in below once the element's own declarations are known.
            attributes.addAttribute("", attribute, attribute, "CDATA", attributeValue(quote));
        }
        int depth = open.size() + 1;
        if (declares || hasPrefixedAttribute()) {
            resolveAttributeNamespaces(depth);
        }
        int colon = qName.indexOf(':');
        String uri = colon < 0 ? defaultNamespace : uriOf(qName.substring(0, colon), qName);
        String local = colon < 0 ? qName : qName.substring(colon + 1);
        open.push(qName);
        handler.startElement(uri, local, qName, attributes);
        if (empty) {
            close(qName);
        }
    }

    private boolean hasPrefixedAttribute() {
        for (int i = 0; i < attributes.getLength(); i++) {
            if (attributes.getQName(i).indexOf(':') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Binds the element's namespace declarations, drops them from its attributes and gives the rest their URIs. */
    private void resolveAttributeNamespaces(int depth) throws SAXException {
        List<String[]> all = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            all.add(new String[] {attributes.getQName(i), attributes.getValue(i)});
        }
        attributes.clear();
        for (String[] attribute : all) {
            if (attribute[0].equals("xmlns")) {
                bind(depth, "", attribute[1]);
            } else if (attribute[0].startsWith("xmlns:")) {
                bind(depth, attribute[0].substring(6), attribute[1]);
            }
        }
        for (String[] attribute : all) {
            String name = attribute[0];
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                continue;
            }
            int colon = name.indexOf(':');
            String uri = colon < 0 ? "" : uriOf(name.substring(0, colon), name);
            attributes.addAttribute(uri, colon < 0 ? name : name.substring(colon + 1), name, "CDATA", attribute[1]);
        }
    }

    private String uriOf(String prefix, String name) throws SAXException {
        String uri = namespaces.get(prefix);
        if (uri == null) {
            throw error("the prefix of " + name + " is not declared");
        }
        return uri;
    }

    private void bind(int depth, String prefix, String uri) {
        bindings.push(new Object[] {depth, prefix, namespaces.get(prefix)});
        namespaces.put(prefix, uri);
        defaultNamespace = namespaces.getOrDefault("", "");
    }

    private void endTag() throws IOException, SAXException {
        String qName = name();
        skipSpaces();
        if (next() != '>') {
            throw error("end tag </" + qName + "> is not closed with '>'");
        }
        if (open.isEmpty() || !open.peek().equals(qName)) {
            throw error(
                    "</" + qName + "> does not close " + (open.isEmpty() ? "any element" : "<" + open.peek() + ">"));
        }
        close(qName);
    }

    private void close(String qName) throws SAXException {
        int colon = qName.indexOf(':');
        String uri = colon < 0 ? defaultNamespace : namespaces.get(qName.substring(0, colon));
        handler.endElement(uri, colon < 0 ? qName : qName.substring(colon + 1), qName);
        int depth = open.size();
        open.pop();
        while (!bindings.isEmpty() && (int) bindings.peek()[0] == depth) {
            Object[] binding = bindings.pop();
            if (binding[2] == null) {
                namespaces.remove((String) binding[1]);
            } else {
                namespaces.put((String) binding[1], (String) binding[2]);
            }
            defaultNamespace = namespaces.getOrDefault("", "");
        }
    }

    /**
     * A tag or attribute name: bytes up to a space, '=', '/' or '>'. ASCII names of up to seven
     * bytes ("c", "row", "is") are shared strings, looked up by their bytes packed into a long.
     */
    private String name() throws IOException, SAXException {
        fill(16);
        // Fast path: a short ASCII name wholly in the buffer, as nearly every name in a sheet is.
        long key = 0;
        int i = position;
        int end = Math.min(limit, position + 8);
        while (i < end) {
            int b = buffer[i] & 0xFF;
            if (isSpace(b) || b == '=' || b == '/' || b == '>') {
                break;
            }
            if (b >= 0x80 || b == '<' || b == '"' || b == '\'' || b == '&') {
                key = -1;
                break;
            }
            key = (key << 8) | b;
            i++;
        }
        int length = i - position;
        if (key >= 0 && length > 0 && length <= 7 && i < limit) {
            position = i;
            consumed += length;
            return sharedName(key, length);
        }
        return slowName();
    }

    /** A name by its bytes packed into a long, from a small cache: no allocation for "c", "v", "row". */
    private String sharedName(long key, int length) {
        long packed = key * 8 + length;
        int slot = (int) (packed ^ (packed >>> 21)) & (NAME_SLOTS - 1);
        if (nameKeys[slot] == packed && nameValues[slot] != null) {
            return nameValues[slot];
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ((key >>> (8 * (length - 1 - i))) & 0xFF);
        }
        String name = new String(chars);
        nameKeys[slot] = packed;
        nameValues[slot] = name;
        return name;
    }

    private static final int NAME_SLOTS = 256;
    private final long[] nameKeys = new long[NAME_SLOTS];
    private final String[] nameValues = new String[NAME_SLOTS];

    private String slowName() throws IOException, SAXException {
        StringBuilder name = new StringBuilder();
        while (true) {
            int b = peek();
            if (b < 0 || isSpace(b) || b == '=' || b == '/' || b == '>') {
                break;
            }
            if (b == '<' || b == '"' || b == '\'' || b == '&') {
                throw error("'" + (char) b + "' in a name");
            }
            if (b >= 0x80) {
                name.append(utf8Char());
            } else {
                next();
                name.append((char) b);
            }
            if (name.length() > 1_000) {
                throw error("a name longer than 1,000 characters");
            }
        }
        if (name.length() == 0) {
            throw error("a missing name");
        }
        return name.toString();
    }

    private String attributeValue(int quote) throws IOException, SAXException {
        fill(64);
        // Fast path: plain ASCII up to the closing quote, in the buffer ("A1", "inlineStr").
        for (int i = position; i < limit; i++) {
            int b = buffer[i] & 0xFF;
            if (b == quote) {
                String value = new String(buffer, position, i - position, java.nio.charset.StandardCharsets.ISO_8859_1);
                consumed += i + 1 - position;
                position = i + 1;
                return value;
            }
            if (b >= 0x80 || b == '&' || b == '<' || b == '\t' || b == '\n' || b == '\r') {
                break;
            }
        }
        StringBuilder value = new StringBuilder();
        while (true) {
            int b = peek();
            if (b < 0) {
                throw error("an attribute value is not closed");
            }
            if (b == quote) {
                next();
                return value.toString();
            }
            if (b == '<') {
                throw error("'<' in an attribute value");
            }
            if (b == '&') {
                next();
                value.append(entity());
            } else if (b < 0x80) {
                next();
                // Attribute-value normalisation: white space characters become spaces.
                value.append(b == '\t' || b == '\n' || b == '\r' ? ' ' : (char) b);
            } else {
                value.append(utf8Char());
            }
        }
    }

    /** Copies plain ASCII text straight from the buffer, up to anything that needs a closer look. */
    private void asciiText() {
        int i = position;
        while (i < limit) {
            int b = buffer[i];
            if (b < 0 || b == '<' || b == '&' || b == '\r' || b == '>' || b == ']') {
                break;
            }
            if (textLength == text.length) {
                text = java.util.Arrays.copyOf(text, text.length * 2);
            }
            text[textLength++] = (char) b;
            i++;
        }
        consumed += i - position;
        position = i;
    }

    private void textByte() throws IOException, SAXException {
        int b = peek();
        if (b == '&') {
            next();
            appendText(entity());
        } else if (b == '\r') {
            next();
            if (peek() == '\n') {
                next();
            }
            appendText('\n');
        } else if (b == '>' && textLength >= 2 && text[textLength - 1] == ']' && text[textLength - 2] == ']') {
            throw error("']]>' in text");
        } else {
            decodeUtf8Into();
        }
    }

    /** After '&': a predefined or character entity; anything else is undefined (there is no DTD). */
    private String entity() throws IOException, SAXException {
        StringBuilder name = new StringBuilder(8);
        while (true) {
            int b = next();
            if (b == ';') {
                break;
            }
            if (b < 0 || name.length() > 10) {
                throw error("an entity reference is not closed with ';'");
            }
            name.append((char) b);
        }
        String entity = name.toString();
        switch (entity) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            default:
                break;
        }
        if (entity.startsWith("#")) {
            try {
                int code = entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1));
                if (!isXmlChar(code)) {
                    throw error("&" + entity + "; is not a character XML allows");
                }
                return new String(Character.toChars(code));
            } catch (NumberFormatException e) {
                throw error("&" + entity + "; is not a character reference");
            }
        }
        throw error("the entity &" + entity + "; is not defined (a workbook has no DTD to define it)");
    }

    private static boolean isXmlChar(int code) {
        return code == 0x9
                || code == 0xA
                || code == 0xD
                || (code >= 0x20 && code <= 0xD7FF)
                || (code >= 0xE000 && code <= 0xFFFD)
                || (code >= 0x10000 && code <= 0x10FFFF);
    }

    private void decodeUtf8Into() throws IOException, SAXException {
        int b = peek();
        if (b < 0x80) {
            next();
            appendText((char) b);
        } else {
            appendText(utf8Char());
        }
    }

    /** One UTF-8 encoded character (one or two chars); malformed input is an error. */
    private String utf8Char() throws IOException, SAXException {
        int b = next();
        int count;
        int code;
        if (b < 0x80) {
            return String.valueOf((char) b);
        } else if ((b & 0xE0) == 0xC0) {
            count = 1;
            code = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            count = 2;
            code = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            count = 3;
            code = b & 0x07;
        } else {
            throw error("malformed UTF-8");
        }
        for (int i = 0; i < count; i++) {
            int c = next();
            if (c < 0 || (c & 0xC0) != 0x80) {
                throw error("malformed UTF-8");
            }
            code = (code << 6) | (c & 0x3F);
        }
        int minimum = count == 1 ? 0x80 : count == 2 ? 0x800 : 0x10000;
        if (code < minimum || !isXmlChar(code)) {
            throw error("malformed UTF-8");
        }
        return new String(Character.toChars(code));
    }

    private void appendText(char c) {
        if (textLength == text.length) {
            text = java.util.Arrays.copyOf(text, text.length * 2);
        }
        text[textLength++] = c;
    }

    private void appendText(String s) {
        for (int i = 0; i < s.length(); i++) {
            appendText(s.charAt(i));
        }
    }

    /** Hands the text so far to the handler, in pieces of at most 64K characters. */
    private void flushText() throws SAXException {
        if (textLength > 0) {
            handler.characters(text, 0, textLength);
            textLength = 0;
            if (text.length > BUFFER) {
                text = new char[1024];
            }
        }
    }

    private void skipUntil(String end) throws IOException, SAXException {
        while (!startsWith(end)) {
            if (next() < 0) {
                throw error("'" + end + "' expected before the end of the document");
            }
        }
        skip(end.length());
    }

    private void skipSpaces() throws IOException {
        while (isSpace(peek())) {
            position++;
            consumed++;
        }
    }

    private static boolean isSpace(int b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private boolean startsWith(String s) throws IOException {
        if (!fill(s.length())) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buffer[position + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void skip(int n) throws IOException {
        fill(n);
        position += n;
        consumed += n;
    }

    private int peek() throws IOException {
        if (position >= limit && !fill(1)) {
            return -1;
        }
        return buffer[position] & 0xFF;
    }

    private int next() throws IOException {
        int b = peek();
        if (b >= 0) {
            position++;
            consumed++;
        }
        return b;
    }

    /** Makes at least {@code n} bytes available from {@code position}, if the input has them. */
    private boolean fill(int n) throws IOException {
        if (limit - position >= n) {
            return true;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < n) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                return false;
            }
            limit += read;
        }
        return true;
    }

    private SAXException error(String what) {
        return new SAXException(what + " (at byte " + consumed + " of the part)");
    }
}
