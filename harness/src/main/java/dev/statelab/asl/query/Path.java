package dev.statelab.asl.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.statelab.json.Json;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled JSONPath as ASL uses it: rooted at the state input ({@code $.a}), the context object
 * ({@code $$.Execution.Id}) or a workflow variable ({@code $total.items[0]}).
 *
 * <p>Evaluation uses Jayway JsonPath on Jackson nodes, the library whose messages AWS quotes in
 * its {@code States.Runtime} causes.
 */
public final class Path {

  /** Where a path starts. */
  public enum Root {
    /** The document being processed ({@code $}). */
    INPUT,
    /** The context object ({@code $$}). */
    CONTEXT,
    /** A workflow variable ({@code $name}). */
    VARIABLE
  }

  private static final Configuration CONFIGURATION =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
          .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
          .options(EnumSet.noneOf(Option.class))
          .build();

  private static final Pattern VARIABLE = Pattern.compile("^\\$([A-Za-z_][A-Za-z0-9_]*)(.*)$", Pattern.DOTALL);
  private static final Pattern REFERENCE_SEGMENT =
      Pattern.compile("\\.[^.\\[\\]'\"*@?()]+|\\['[^']*']|\\[\\d+]");

  private final String text;
  private final Root root;
  private final String variableName;
  private final JsonPath compiled;
  private final boolean identity;
  private final java.util.List<Object> literalSegments;

  private Path(String text, Root root, String variableName, JsonPath compiled, boolean identity,
      java.util.List<Object> literalSegments) {
    this.text = text;
    this.root = root;
    this.variableName = variableName;
    this.compiled = compiled;
    this.identity = identity;
    this.literalSegments = literalSegments;
  }

  /**
   * Compiles a path.
   *
   * @throws IllegalArgumentException when the text is not a valid path
   */
  public static Path compile(String text) {
    if (text == null || !text.startsWith("$")) {
      throw new IllegalArgumentException("A path must start with '$': " + text);
    }
    Root root;
    String variableName = null;
    String rest;
    if (text.startsWith("$$")) {
      root = Root.CONTEXT;
      rest = "$" + text.substring(2);
    } else {
      Matcher m = VARIABLE.matcher(text);
      if (m.matches()) {
        root = Root.VARIABLE;
        variableName = m.group(1);
        rest = "$" + m.group(2);
      } else {
        root = Root.INPUT;
        rest = text;
      }
    }
    boolean identity = rest.equals("$");
    JsonPath compiled = null;
    java.util.List<Object> literal = rest.indexOf('\\') >= 0 ? literalSegments(rest) : null;
    if (literal != null) {
      return new Path(text, root, variableName, null, false, literal);
    }
    java.util.List<Object> simple = !identity && isReferencePath(rest) ? literalSegments(rest) : null;
    if (!identity) {
      String tail = rest.substring(1);
      if (!(tail.startsWith(".") || tail.startsWith("["))) {
        throw new IllegalArgumentException("Invalid path: " + text);
      }
      try {
        compiled = JsonPath.compile(rest);
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    Path path = new Path(text, root, variableName, compiled, identity, null);
    path.fastSegments = simple;
    return path;
  }

  /** Names and indexes of a plain reference path, walked directly instead of through the library. */
  private java.util.List<Object> fastSegments;

  /**
   * Splits a path of plain names and indexes whose bracketed names hold backslashes: AWS reads
   * those backslashes literally ({@code $['a\\"b']} names {@code a\\"b}), where the JSONPath library
   * would unescape them. Returns null for any other path.
   */
  private static java.util.List<Object> literalSegments(String path) {
    java.util.List<Object> segments = new java.util.ArrayList<>();
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        if (end == i + 1) {
          return null;
        }
        segments.add(path.substring(i + 1, end));
        i = end;
      } else if (path.startsWith("['", i)) {
        int end = path.indexOf("']", i + 2);
        if (end < 0) {
          return null;
        }
        segments.add(path.substring(i + 2, end));
        i = end + 2;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0 || !path.substring(i + 1, end).matches("\\d+")) {
          return null;
        }
        segments.add(Integer.parseInt(path.substring(i + 1, end)));
        i = end + 1;
      } else {
        return null;
      }
    }
    return java.util.List.copyOf(segments);
  }

  /** True when the text compiles as a path. */
  public static boolean isValid(String text) {
    try {
      compile(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * True when the text is a reference path: an input path made only of field names and array
   * indexes ({@code $.a.b[0]['c d']}), as ResultPath and ItemsPath require.
   */
  public static boolean isReferencePath(String text) {
    if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
      return false;
    }
    String tail = text.substring(1);
    Matcher m = VARIABLE.matcher(text);
    if (m.matches()) {
      tail = m.group(2);
    }
    return REFERENCE_SEGMENT.matcher(tail).replaceAll("").isEmpty();
  }

  /** The path as written. */
  public String text() {
    return text;
  }

  /** Where the path starts. */
  public Root root() {
    return root;
  }

  /** The variable name for a {@link Root#VARIABLE} path, else null. */
  public String variableName() {
    return variableName;
  }

  /** True for {@code $}, {@code $$} or {@code $name} alone. */
  public boolean isIdentity() {
    return identity;
  }

  /** True when the path can select several nodes (wildcards, slices, filters, deep scan). */
  public boolean isDefinite() {
    return identity || literalSegments != null || compiled.isDefinite();
  }

  /**
   * Evaluates the path in a scope.
   *
   * @throws PathNotFoundException when the path selects nothing
   * @throws UndefinedVariableException when a variable path names no visible variable
   */
  public JsonNode evaluate(QueryScope scope) {
    JsonNode document;
    switch (root) {
      case CONTEXT -> document = scope.context();
      case VARIABLE -> {
        document = scope.variable(variableName);
        if (document == null) {
          throw new UndefinedVariableException(variableName);
        }
      }
      default -> document = scope.input();
    }
    return select(document);
  }

  /**
   * Applies the path (ignoring its root kind) to a document.
   *
   * @throws PathNotFoundException when the path selects nothing
   */
  public JsonNode select(JsonNode document) {
    if (identity) {
      return document;
    }
    if (fastSegments != null) {
      JsonNode node = document;
      for (Object segment : fastSegments) {
        node = segment instanceof Integer index
            ? (node != null && node.isArray() ? node.get(index) : null)
            : (node != null && node.isObject() ? node.get((String) segment) : null);
        if (node == null) {
          break;
        }
      }
      if (node != null) {
        return node;
      }
      // Missing (or an index past the end): let the library answer, with its own wording.
    }
    if (literalSegments != null) {
      JsonNode node = document;
      for (Object segment : literalSegments) {
        node = segment instanceof Integer index
            ? (node != null && node.isArray() ? node.get(index) : null)
            : (node != null && node.isObject() ? node.get((String) segment) : null);
        if (node == null) {
          throw new PathNotFoundException("No results for path: " + text);
        }
      }
      return node;
    }
    try {
      Object result = compiled.read(document, CONFIGURATION);
      if (result == null) {
        return Json.NODES.nullNode();
      }
      return (JsonNode) result;
    } catch (com.jayway.jsonpath.PathNotFoundException e) {
      if (!compiled.isDefinite()) {
        // A wildcard, slice or filter over missing input selects an empty list, as in AWS.
        return Json.array();
      }
      throw new PathNotFoundException(e.getMessage());
    } catch (com.jayway.jsonpath.JsonPathException | ClassCastException e) {
      throw new PathNotFoundException(String.valueOf(e.getMessage()));
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
