package dev.statelab.junit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${Name}} placeholders in a definition, as CloudFormation's, SAM's and CDK's
 * {@code DefinitionSubstitutions} do: the value goes in as text, so a placeholder inside a JSON
 * string yields a string. A placeholder with no value is an error naming it and where it is.
 */
public final class DefinitionSubstitutions {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  private DefinitionSubstitutions() {}

  /**
   * The definition with every placeholder replaced.
   *
   * @param source names the definition in error messages (a file or resource)
   * @throws IllegalArgumentException naming every placeholder that has no value, with its line
   */
  public static String apply(String definition, Map<String, String> values, String source) {
    Matcher m = PLACEHOLDER.matcher(definition);
    StringBuilder out = new StringBuilder();
    Set<String> unknown = new LinkedHashSet<>();
    List<String> where = new ArrayList<>();
    while (m.find()) {
      String name = m.group(1);
      String value = values.get(name);
      if (value == null) {
        if (unknown.add(name)) {
          where.add("${" + name + "} (line " + line(definition, m.start()) + ")");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
      } else {
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("No definition substitution for " + String.join(", ", where)
          + " in " + source + "; substitutions given: " + new TreeSet<>(values.keySet()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static int line(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
