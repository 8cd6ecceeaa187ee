package dev.statelab.reports.graph;

/** Escaping for text placed in SVG and HTML. */
public final class Svg {

  private Svg() {}

  /** Escapes {@code & < > " '} for element text and attribute values. */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
