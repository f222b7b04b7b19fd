package io.camaudit.discovery.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Parses XML from devices (ONVIF SOAP, WS-Discovery, Hikvision ISAPI and SADP) with everything a
 * hostile reply could abuse turned off: no DOCTYPE at all (so no entity expansion and no external
 * entities), no XInclude, secure processing limits. Input is already bounded by the reply limit.
 */
public final class SafeXml {

    private SafeXml() {}

    /** Thrown for XML that is malformed or carries a DOCTYPE; the message says which. */
    public static final class BadXmlException extends Exception {
        public BadXmlException(String message) {
            super(message);
        }
    }

    public static Element parse(byte[] xml) throws BadXmlException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new BadXmlException("the reply carries a DOCTYPE, which is refused");
            }
            throw new BadXmlException("malformed XML: " + Wire.printable(message));
        } catch (ParserConfigurationException | IOException e) {
            throw new BadXmlException("the XML could not be read: " + e.getMessage());
        }
    }

    /** The first element anywhere below (or at) this one with the local name, or null. */
    public static @Nullable Element find(Element from, String localName) {
        if (localName.equals(from.getLocalName())) {
            return from;
        }
        NodeList all = from.getElementsByTagNameNS("*", localName);
        return all.getLength() == 0 ? null : (Element) all.item(0);
    }

    public static List<Element> findAll(Element from, String localName) {
        NodeList all = from.getElementsByTagNameNS("*", localName);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            found.add((Element) all.item(i));
        }
        return found;
    }

    /** The trimmed text of the first such element, or null where there is none or it is empty. */
    public static @Nullable String text(Element from, String localName) {
        Element element = find(from, localName);
        if (element == null) {
            return null;
        }
        String text = element.getTextContent();
        return text == null || text.isBlank() ? null : text.strip();
    }

    public static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }
}
