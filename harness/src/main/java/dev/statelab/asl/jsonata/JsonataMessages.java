package dev.statelab.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders com.dashjoin.jsonata's errors as jsonata-js (the JavaScript reference implementation that
 * Step Functions' messages come from) phrases them: {@code CODE: message}.
 *
 * <p>dashjoin's message catalogue is jsonata-js's with the word "function" replaced by "Object" and
 * with every inserted value wrapped in double quotes; jsonata-js inserts {@code {{x}}} values as
 * JSON and {@code {{{x}}}} values as they are. Both are undone here.
 */
final class JsonataMessages {

  private static final Pattern CODE = Pattern.compile("[A-Z]\\d{4}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\{(\\w+)}}}|\\{\\{(\\w+)}}");
  private static final Pattern ARGUMENT_ERROR =
      Pattern.compile("Argument error calling function (\\w+)");
  private static final Pattern OBJECT_WORD = Pattern.compile("\\bObject\\b");

  /** jsonata-js's catalogue, code to template. */
  private static final Map<String, String> CATALOGUE = loadCatalogue();

  /** The reverse: a message without inserts to its code, for messages thrown in a code's place. */
  private static final Map<String, String> CODE_BY_MESSAGE = reverse(CATALOGUE);

  /** jsonata-js's plural names of signature types, used by T0412. */
  private static final Map<String, String> ARRAY_TYPES =
      Map.of(
          "a", "arrays",
          "b", "booleans",
          "f", "functions",
          "n", "numbers",
          "o", "objects",
          "s", "strings");

  private JsonataMessages() {}

  /**
   * The error as jsonata-js phrases it, e.g. {@code T1006: Attempted to invoke a non-function}.
   *
   * @param e the exception
   * @param expression the expression text, used to name what dashjoin leaves out (the function of a
   *     T0412, the operator of a T2009)
   * @param comparisonOperators the comparison operators the expression uses
   */
  static String describe(JException e, String expression, Set<String> comparisonOperators) {
    String code = e.getError();
    if (code == null) {
      return String.valueOf(e.getMessage());
    }
    if (!CODE.matcher(code).matches()) {
      String known = CODE_BY_MESSAGE.get(code);
      return known != null ? known + ": " + code : code;
    }
    String template = CATALOGUE.get(code);
    if (template == null) {
      return code + ": " + stripLibraryPrefix(e.getMessage(), code);
    }
    Map<String, Object> inserts = new HashMap<>();
    Object current = e.getCurrent();
    Object expected = e.getExpected();
    switch (code) {
      case "T0412" -> {
        inserts.put("value", current);
        inserts.put("index", 1);
        inserts.put("token", functionNameBefore(expression, e.getLocation()));
        inserts.put(
            "type", ARRAY_TYPES.getOrDefault(String.valueOf(expected), String.valueOf(expected)));
      }
      case "T2009" -> {
        inserts.put("value", current);
        inserts.put("value2", expected);
        if (comparisonOperators.size() == 1) {
          inserts.put("token", comparisonOperators.iterator().next());
        } else {
          template = template.replace(" {{token}}", "");
        }
      }
      case "D1002" -> inserts.put("value", expected);
      case "D3100" -> inserts.put("value", current != null ? current : e.getLocation());
      default -> {
        // dashjoin passes the first insert as "current" and the second as "expected".
        Matcher m = PLACEHOLDER.matcher(template);
        int slot = 0;
        while (m.find()) {
          String name = m.group(1) != null ? m.group(1) : m.group(2);
          if (!inserts.containsKey(name)) {
            inserts.put(name, slot == 0 ? current : expected);
            slot++;
          }
        }
      }
    }
    return code + ": " + render(template, inserts);
  }

  /**
   * A Java exception that dashjoin lets out of a function, as jsonata-js would report the same
   * failure where that is known, else the exception's own message.
   */
  static String describe(RuntimeException e) {
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Matcher m = ARGUMENT_ERROR.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        // dashjoin's reflective call failed on an argument of the wrong type (typically null);
        // jsonata-js's signature check rejects it as T0410. dashjoin does not say which argument.
        String template = CATALOGUE.get("T0410");
        if (template != null) {
          return "T0410: " + render(template, Map.of("index", 1, "token", m.group(1)));
        }
      }
      root = t;
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }

  /** Fills a jsonata-js template: {@code {{x}}} as JSON, {@code {{{x}}}} as is. */
  static String render(String template, Map<String, Object> inserts) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(1) != null) {
        Object v = inserts.get(m.group(1));
        replacement = v == null ? "undefined" : String.valueOf(v);
      } else {
        replacement = jsonText(inserts.get(m.group(2)));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A value as {@code JSON.stringify} writes it (undefined as "undefined", non-finite as null). */
  static String jsonText(Object value) {
    if (value == null) {
      return "undefined";
    }
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return "null";
    }
    if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
      return "null";
    }
    try {
      JsonNode node = JsonConversion.isFunction(value) ? null : JsonConversion.fromJsonata(value);
      return node == null ? "undefined" : Json.write(node);
    } catch (RuntimeException ex) {
      return String.valueOf(value);
    }
  }

  /** The name of the function whose argument list opens just before a location, or null. */
  static String functionNameBefore(String expression, int location) {
    if (expression == null || location <= 0) {
      return null;
    }
    int p = Math.min(location, expression.length()) - 1;
    while (p >= 0 && expression.charAt(p) != '(') {
      p--;
    }
    int end = p;
    while (end > 0 && Character.isWhitespace(expression.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0
        && (Character.isLetterOrDigit(expression.charAt(start - 1))
            || expression.charAt(start - 1) == '_')) {
      start--;
    }
    if (start > 0 && expression.charAt(start - 1) == '$' && start < end) {
      return expression.substring(start, end);
    }
    return null;
  }

  private static String stripLibraryPrefix(String message, String code) {
    String prefix = "JSonataException ";
    if (message != null && message.startsWith(prefix)) {
      return message.substring(prefix.length());
    }
    return message == null ? code : message;
  }

  private static Map<String, String> loadCatalogue() {
    Map<String, String> result = new HashMap<>();
    try {
      Field field = Jsonata.class.getDeclaredField("errorCodes");
      field.setAccessible(true);
      Object value = field.get(null);
      if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String template = String.valueOf(entry.getValue());
          // dashjoin wrote "function" as "Object" and jsonata-js's single quotes as double ones.
          template = OBJECT_WORD.matcher(template).replaceAll("function");
          template = template.replace('"', '\'');
          result.put(String.valueOf(entry.getKey()), template);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Without the catalogue, messages fall back to the library's own text.
    }
    return Collections.unmodifiableMap(result);
  }

  private static Map<String, String> reverse(Map<String, String> catalogue) {
    Map<String, String> result = new HashMap<>();
    for (Map.Entry<String, String> entry : catalogue.entrySet()) {
      if (!entry.getValue().contains("{{")) {
        result.put(entry.getValue(), entry.getKey());
      }
    }
    return Collections.unmodifiableMap(result);
  }
}
