package dev.statelab.asl.jsonata;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A lexical pass over a JSONata expression that finds the {@code $name} references it makes,
 * skipping string literals, quoted names, regular expressions and comments.
 *
 * <p>Names bound inside the expression ({@code $x := ...}, lambda parameters, {@code @$v} and
 * {@code #$i} path bindings) are local and reported separately.
 */
final class ExpressionScanner {

  /** What a scan found; all sets keep first-appearance order. */
  record Result(
      Set<String> references,
      Set<String> invoked,
      Set<String> localNames,
      Set<String> statesFields,
      boolean wholeStates,
      Set<String> comparisonOperators) {

    /** References that are not bound inside the expression, excluding {@code $states}. */
    Set<String> freeReferences() {
      Set<String> free = new LinkedHashSet<>(references);
      free.removeAll(localNames);
      free.remove("states");
      return Collections.unmodifiableSet(free);
    }

    /** Free references that are only ever called ({@code $f(...)}), so name functions, not data. */
    Set<String> functionsOnly() {
      Set<String> names = new LinkedHashSet<>(freeReferences());
      names.retainAll(invoked);
      return Collections.unmodifiableSet(names);
    }

    /** True when the expression refers to {@code $states} at all. */
    boolean usesStates() {
      return wholeStates || !statesFields.isEmpty();
    }
  }

  private final String text;
  private int pos;

  /**
   * Whether the previous significant token ends a value, which makes a following '/' a division.
   */
  private boolean afterValue;

  private final Set<String> references = new LinkedHashSet<>();
  private final Set<String> invoked = new LinkedHashSet<>();
  private final Set<String> localNames = new LinkedHashSet<>();
  private final Set<String> statesFields = new LinkedHashSet<>();
  private final Set<String> comparisons = new LinkedHashSet<>();
  private boolean wholeStates;

  private ExpressionScanner(String text) {
    this.text = text;
  }

  /** Scans an expression (the text between the delimiters). */
  static Result scan(String expression) {
    ExpressionScanner scanner = new ExpressionScanner(expression);
    scanner.run();
    return new Result(
        Collections.unmodifiableSet(scanner.references),
        Collections.unmodifiableSet(scanner.invoked),
        Collections.unmodifiableSet(scanner.localNames),
        Collections.unmodifiableSet(scanner.statesFields),
        scanner.wholeStates,
        Collections.unmodifiableSet(scanner.comparisons));
  }

  private void run() {
    int n = text.length();
    while (pos < n) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '/' && pos + 1 < n && text.charAt(pos + 1) == '*') {
        int end = text.indexOf("*/", pos + 2);
        pos = end < 0 ? n : end + 2;
      } else if (c == '"' || c == '\'') {
        skipQuoted(c);
        afterValue = true;
      } else if (c == '`') {
        int end = text.indexOf('`', pos + 1);
        pos = end < 0 ? n : end + 1;
        afterValue = true;
      } else if (c == '/' && !afterValue) {
        skipRegex();
        afterValue = true;
      } else if (c == '$') {
        variable();
      } else if (isNameChar(c)) {
        int start = pos;
        while (pos < n && isNameChar(text.charAt(pos))) {
          pos++;
        }
        String word = text.substring(start, pos);
        if (word.equals("function")) {
          lambdaParameters();
          afterValue = false;
        } else {
          afterValue = !(word.equals("and") || word.equals("or") || word.equals("in"));
        }
      } else if (c == '\u03bb') {
        pos++;
        lambdaParameters();
        afterValue = false;
      } else {
        operator(c);
      }
    }
  }

  private void operator(char c) {
    int n = text.length();
    char next = pos + 1 < n ? text.charAt(pos + 1) : '\0';
    if (c == '~' && next == '>') {
      pos += 2;
      afterValue = false;
      return;
    }
    if (c == '<' || c == '>') {
      comparisons.add(next == '=' ? c + "=" : String.valueOf(c));
    }
    pos += (next == '=' && (c == '<' || c == '>' || c == '!' || c == ':')) ? 2 : 1;
    afterValue = c == ')' || c == ']' || c == '}';
  }

  private void variable() {
    int n = text.length();
    char before = previousSignificant();
    int start = ++pos;
    if (pos < n && text.charAt(pos) == '$') {
      pos++;
      afterValue = true;
      return;
    }
    while (pos < n && isNameChar(text.charAt(pos))) {
      pos++;
    }
    afterValue = true;
    if (pos == start) {
      return;
    }
    String name = text.substring(start, pos);
    if (before == '@' || before == '#' || nextSignificantIs(":=")) {
      localNames.add(name);
      return;
    }
    references.add(name);
    if (nextSignificantIs("(")) {
      invoked.add(name);
    }
    if (name.equals("states")) {
      statesAccess();
    }
  }

  private void statesAccess() {
    int n = text.length();
    int p = skipWhitespace(pos);
    if (p < n && text.charAt(p) == '.') {
      p = skipWhitespace(p + 1);
      int start = p;
      if (p < n && text.charAt(p) == '`') {
        int end = text.indexOf('`', p + 1);
        if (end > 0) {
          statesFields.add(text.substring(p + 1, end));
          return;
        }
      }
      while (p < n && isNameChar(text.charAt(p))) {
        p++;
      }
      if (p > start) {
        statesFields.add(text.substring(start, p));
        return;
      }
    }
    wholeStates = true;
  }

  private void lambdaParameters() {
    int n = text.length();
    int p = skipWhitespace(pos);
    if (p >= n || text.charAt(p) != '(') {
      return;
    }
    p++;
    while (p < n && text.charAt(p) != ')') {
      if (text.charAt(p) == '$') {
        int start = ++p;
        while (p < n && isNameChar(text.charAt(p))) {
          p++;
        }
        if (p > start) {
          localNames.add(text.substring(start, p));
        }
      } else {
        p++;
      }
    }
    pos = Math.min(n, p + 1);
  }

  private void skipQuoted(char quote) {
    int n = text.length();
    pos++;
    while (pos < n) {
      char c = text.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (c == quote) {
        pos++;
        return;
      } else {
        pos++;
      }
    }
  }

  private void skipRegex() {
    int n = text.length();
    pos++;
    while (pos < n) {
      char c = text.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (c == '/') {
        pos++;
        while (pos < n && Character.isLetter(text.charAt(pos))) {
          pos++;
        }
        return;
      } else {
        pos++;
      }
    }
  }

  private char previousSignificant() {
    int p = pos - 1;
    while (p >= 0 && Character.isWhitespace(text.charAt(p))) {
      p--;
    }
    return p >= 0 ? text.charAt(p) : '\0';
  }

  private boolean nextSignificantIs(String token) {
    return text.startsWith(token, skipWhitespace(pos));
  }

  private int skipWhitespace(int from) {
    int p = from;
    while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
      p++;
    }
    return p;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || (c > 127 && c != '\u03bb');
  }
}
