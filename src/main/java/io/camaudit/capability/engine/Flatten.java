package io.camaudit.capability.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Turns what a device sent into the paths and values indicator rules read, within fixed bounds (a
 * hostile document cannot make more than {@link #MAX_ENTRIES} entries or go deeper than {@link
 * #MAX_DEPTH}).
 */
final class Flatten {

    static final int MAX_ENTRIES = 5_000;
    static final int MAX_DEPTH = 48;

    private static final Pattern KEY_PART = Pattern.compile("([^.\\[\\]]+)|\\[(\\d{1,6})\\]");
    private static final Pattern RULE_KEY =
            Pattern.compile("^table\\.VideoAnalyseRule\\[(\\d{1,4})\\]\\[(\\d{1,4})\\]\\.(Type|Enable)$");

    private Flatten() {}

    /** An XML element and everything below it, by local names; attributes as {@code path@name}. */
    static List<Document.Entry> xml(Element root) {
        List<Document.Entry> entries = new ArrayList<>();
        xml(root, root.getLocalName() == null ? root.getNodeName() : root.getLocalName(), 0, entries);
        return entries;
    }

    private static void xml(Element element, String path, int depth, List<Document.Entry> entries) {
        if (entries.size() >= MAX_ENTRIES || depth > MAX_DEPTH) {
            return;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength() && entries.size() < MAX_ENTRIES; i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (!"xmlns".equals(attribute.getPrefix()) && !"xmlns".equals(name)) {
                entries.add(new Document.Entry(path + "@" + name, attribute.getValue()));
            }
        }
        boolean hasChildren = false;
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                hasChildren = true;
                String name = child.getLocalName() == null ? child.getNodeName() : child.getLocalName();
                xml(child, path + "/" + name, depth + 1, entries);
            }
        }
        if (entries.size() < MAX_ENTRIES) {
            entries.add(new Document.Entry(
                    path, hasChildren ? "" : element.getTextContent().strip()));
        }
    }

    /**
     * Dahua's configuration reply, one {@code key=value} a line ({@code
     * table.Encode[0].MainFormat[0].AudioEnable=true} becomes {@code
     * table/Encode/0/MainFormat/0/AudioEnable}). Video analysis rules, whose type and switch are two
     * lines of the same rule, are also given as {@code rule/TYPE/Enable}.
     */
    static List<Document.Entry> keyValues(String text) {
        List<Document.Entry> entries = new ArrayList<>();
        Map<String, String[]> rules = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            if (entries.size() >= MAX_ENTRIES) {
                break;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || eq > 256) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            StringBuilder path = new StringBuilder();
            Matcher part = KEY_PART.matcher(key);
            while (part.find()) {
                path.append(path.length() == 0 ? "" : "/")
                        .append(part.group(1) != null ? part.group(1) : part.group(2));
            }
            if (path.length() > 0) {
                entries.add(new Document.Entry(path.toString(), value));
            }
            Matcher rule = RULE_KEY.matcher(key);
            if (rule.matches()) {
                String[] typeAndSwitch = rules.computeIfAbsent(rule.group(1) + "/" + rule.group(2), k -> new String[2]);
                typeAndSwitch[rule.group(3).equals("Type") ? 0 : 1] = value;
            }
        }
        for (String[] rule : rules.values()) {
            if (rule[0] != null && rule[0].matches("[A-Za-z0-9]{1,64}") && entries.size() < MAX_ENTRIES) {
                entries.add(new Document.Entry("rule/" + rule[0] + "/Enable", rule[1] == null ? "" : rule[1]));
            }
        }
        return entries;
    }
}
