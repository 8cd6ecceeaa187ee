package dev.statelab.asl.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@code StringMatches} pattern: {@code *} matches any run of characters (also empty,
 * also across line breaks); every other character stands for itself. {@code \*} is a literal
 * asterisk and {@code \\} a literal backslash (in JSON text: {@code "\\*"} and {@code "\\\\"}).
 * Unlike shell globs, {@code ?} and {@code [...]} have no special meaning.
 *
 * <p>A backslash before any other character makes that character literal too, and a trailing lone
 * backslash is a literal backslash.
 *
 * @param source the pattern as written in the definition
 * @param segments the literal runs between stars; a pattern of n stars has n + 1 segments
 */
public record WildcardPattern(String source, List<String> segments) {

  /** Copies the segment list. */
  public WildcardPattern {
    segments = List.copyOf(segments);
  }

  /** Compiles a pattern. */
  public static WildcardPattern compile(String source) {
    List<String> segments = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\' && i + 1 < source.length()) {
        literal.append(source.charAt(++i));
      } else if (c == '*') {
        segments.add(literal.toString());
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    segments.add(literal.toString());
    return new WildcardPattern(source, segments);
  }

  /** True when the whole text matches the pattern. */
  public boolean matches(String text) {
    int last = segments.size() - 1;
    String first = segments.get(0);
    if (last == 0) {
      return text.equals(first);
    }
    String end = segments.get(last);
    if (!text.startsWith(first) || text.length() < first.length() + end.length()) {
      return false;
    }
    int from = first.length();
    int limit = text.length() - end.length();
    for (int i = 1; i < last; i++) {
      String segment = segments.get(i);
      int at = text.indexOf(segment, from);
      if (at < 0 || at + segment.length() > limit) {
        return false;
      }
      from = at + segment.length();
    }
    return text.endsWith(end);
  }
}
