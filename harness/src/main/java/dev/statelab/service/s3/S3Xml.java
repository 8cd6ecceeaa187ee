package dev.statelab.service.s3;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** S3's XML: a small writer for response documents and a reader for request bodies. */
final class S3Xml {

  /** S3's document namespace. */
  static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

  private final StringBuilder out = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  private S3Xml() {}

  /** A document whose root element carries S3's namespace. */
  static S3Xml document(String root) {
    S3Xml xml = new S3Xml();
    xml.out.append('<').append(root).append(" xmlns=\"").append(NAMESPACE).append("\">");
    return xml;
  }

  /** A document whose root element has no namespace (S3's error document). */
  static S3Xml bare(String root) {
    S3Xml xml = new S3Xml();
    xml.out.append('<').append(root).append('>');
    return xml;
  }

  /** Opens a child element. */
  S3Xml open(String name) {
    out.append('<').append(name).append('>');
    return this;
  }

  /** Closes an element. */
  S3Xml close(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  /** A text element; nothing for a null value. */
  S3Xml element(String name, Object value) {
    if (value != null) {
      out.append('<').append(name).append('>').append(escape(value.toString())).append("</").append(name).append('>');
    }
    return this;
  }

  /** Text elements from a map, in its order. */
  S3Xml elements(Map<String, String> values) {
    values.forEach(this::element);
    return this;
  }

  /** Closes the root and returns the UTF-8 bytes. */
  byte[] bytes(String root) {
    close(root);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        case '\r' -> escaped.append("&#13;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /**
   * Parses a request body.
   *
   * @throws S3Exception {@code MalformedXML}
   */
  static Element parse(byte[] body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
      return doc.getDocumentElement();
    } catch (Exception e) {
      throw S3Exception.malformedXml();
    }
  }

  /** The child elements of a node with a local name. */
  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
        found.add(e);
      }
    }
    return found;
  }

  /** The text of the first child element with a local name, or null. */
  static String childText(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0).getTextContent();
  }
}
