package dev.statelab.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One {@code restJson1} operation binding: an HTTP method, a path template and the operation name.
 *
 * <p>Templates follow Smithy's {@code @http} trait: literal segments, {@code {Label}} segments that
 * match one path segment, and a final {@code {Label+}} that matches the rest of the path, slashes
 * included. Label values reach the handler percent-decoded, so a Lambda function ARN sent as
 * {@code arn%3Aaws%3Alambda...} arrives as {@code arn:aws:lambda...}.
 */
public final class RestRoute {

  private static final Pattern LABEL = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}");
  private static final Pattern METHOD = Pattern.compile("[A-Z]+");

  private final String method;
  private final String pathTemplate;
  private final String operation;
  /** Literal text per segment, or null where the segment is a label. */
  private final String[] literals;
  /** Label name per segment, or null where the segment is literal. */
  private final String[] labels;
  private final boolean greedy;
  private final int literalCount;

  private RestRoute(String method, String pathTemplate, String operation) {
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.operation = operation;
    String[] parts = pathTemplate.substring(1).split("/", -1);
    this.literals = new String[parts.length];
    this.labels = new String[parts.length];
    boolean sawGreedy = false;
    int literalSegments = 0;
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      var matcher = LABEL.matcher(part);
      if (matcher.matches()) {
        String name = matcher.group(1);
        if (seen.contains(name)) {
          throw new IllegalArgumentException(
              "Label {" + name + "} appears twice in " + pathTemplate);
        }
        seen.add(name);
        labels[i] = name;
        if (!matcher.group(2).isEmpty()) {
          if (i != parts.length - 1) {
            throw new IllegalArgumentException(
                "Greedy label {" + name + "+} must be the last segment of " + pathTemplate);
          }
          sawGreedy = true;
        }
      } else if (part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
        throw new IllegalArgumentException(
            "Segment '" + part + "' of " + pathTemplate + " mixes literal text and a label");
      } else {
        literals[i] = part;
        literalSegments++;
      }
    }
    this.greedy = sawGreedy;
    this.literalCount = literalSegments;
  }

  /**
   * A route, e.g. {@code of("POST", "/2015-03-31/functions/{FunctionName}/invocations",
   * "Invoke")}.
   *
   * @throws IllegalArgumentException if the method is not an upper-case token, the template does
   *     not start with {@code /}, carries a query string, or has a malformed label
   */
  public static RestRoute of(String method, String pathTemplate, String operation) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    Objects.requireNonNull(operation, "operation");
    String upper = method.toUpperCase(Locale.ROOT);
    if (!METHOD.matcher(upper).matches()) {
      throw new IllegalArgumentException("Not an HTTP method: " + method);
    }
    if (!pathTemplate.startsWith("/")) {
      throw new IllegalArgumentException("Path template must start with '/': " + pathTemplate);
    }
    if (pathTemplate.indexOf('?') >= 0) {
      throw new IllegalArgumentException("Query literals are not supported: " + pathTemplate);
    }
    if (operation.isBlank()) {
      throw new IllegalArgumentException("Operation name is blank for " + pathTemplate);
    }
    return new RestRoute(upper, pathTemplate, operation);
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The path template as given, e.g. {@code /v1/submitjob}. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** The operation name the handler sees, e.g. {@code Invoke}. */
  public String operation() {
    return operation;
  }

  /** Higher for routes with more literal segments; ties go to routes without a greedy label. */
  int specificity() {
    return literalCount * 2 + (greedy ? 0 : 1);
  }

  /**
   * Matches raw (still percent-encoded) path segments, returning the decoded labels or null.
   *
   * @throws IllegalArgumentException if a label's percent-encoding is malformed
   */
  Map<String, String> match(String[] rawSegments) {
    int n = literals.length;
    if (greedy ? rawSegments.length < n : rawSegments.length != n) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      String literal = literals[i];
      if (literal != null && !literal.equals(rawSegments[i])) {
        return null;
      }
    }
    if (greedy && rawSegments[n - 1].isEmpty() && rawSegments.length == n) {
      return null; // {Key+} needs at least one character
    }
    Map<String, String> values = new LinkedHashMap<>(4);
    for (int i = 0; i < n; i++) {
      String label = labels[i];
      if (label == null) {
        continue;
      }
      if (greedy && i == n - 1) {
        values.put(label, PercentCoding.decode(String.join("/", tail(rawSegments, i))));
      } else {
        if (rawSegments[i].isEmpty()) {
          return null; // an empty segment never binds a label
        }
        values.put(label, PercentCoding.decode(rawSegments[i]));
      }
    }
    return values;
  }

  private static List<String> tail(String[] segments, int from) {
    return List.of(segments).subList(from, segments.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RestRoute
        && ((RestRoute) other).method.equals(method)
        && ((RestRoute) other).pathTemplate.equals(pathTemplate)
        && ((RestRoute) other).operation.equals(operation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, pathTemplate, operation);
  }

  @Override
  public String toString() {
    return method + " " + pathTemplate + " -> " + operation;
  }
}
