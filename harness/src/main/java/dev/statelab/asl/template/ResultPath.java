package dev.statelab.asl.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a state's result goes in its raw input: {@code $} (replace), {@code null} (discard) or a
 * reference path such as {@code $.a.b[0]} (merge, creating objects on the way).
 */
public final class ResultPath {

  /** The default: the result replaces the input. */
  public static final ResultPath REPLACE = new ResultPath("$", List.of());
  /** {@code ResultPath: null}: the result is discarded and the input passes through. */
  public static final ResultPath DISCARD = new ResultPath(null, List.of());

  private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[\\]]+)|\\['([^']*)']|\\[(\\d+)]");

  private final String text;
  private final List<Object> segments;

  private ResultPath(String text, List<Object> segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Compiles a reference path.
   *
   * @throws IllegalArgumentException when the text is not a reference path
   */
  public static ResultPath compile(String text) {
    if (text == null) {
      return DISCARD;
    }
    if (!text.startsWith("$") || text.startsWith("$$")) {
      throw new IllegalArgumentException("Not a reference path: " + text);
    }
    if (text.equals("$")) {
      return REPLACE;
    }
    List<Object> segments = new ArrayList<>();
    Matcher m = SEGMENT.matcher(text);
    int pos = 1;
    while (pos < text.length()) {
      if (!m.find(pos) || m.start() != pos) {
        throw new IllegalArgumentException("Not a reference path: " + text);
      }
      if (m.group(1) != null) {
        segments.add(m.group(1));
      } else if (m.group(2) != null) {
        segments.add(m.group(2));
      } else {
        segments.add(Integer.parseInt(m.group(3)));
      }
      pos = m.end();
    }
    return new ResultPath(text, List.copyOf(segments));
  }

  /** The path as written, or null for DISCARD. */
  public String text() {
    return text;
  }

  /**
   * Places the result into the raw input, returning the combined document. The input is not
   * modified: the containers along the path are copied shallowly.
   */
  public JsonNode apply(JsonNode rawInput, JsonNode result) {
    if (this == DISCARD) {
      return rawInput;
    }
    if (segments.isEmpty()) {
      return result;
    }
    if (!rawInput.isObject()) {
      throw new StatesError(
          "States.ResultPathMatchFailure",
          "Unable to apply ResultPath \"" + text + "\" to input " + Json.write(rawInput));
    }
    return place(rawInput, 0, result);
  }

  private JsonNode place(JsonNode current, int index, JsonNode result) {
    if (index == segments.size()) {
      return result;
    }
    Object segment = segments.get(index);
    if (segment instanceof Integer i) {
      if (current == null || !current.isArray() || i >= current.size()) {
        throw new StatesError(
            "States.ResultPathMatchFailure",
            "Unable to apply ResultPath \"" + text + "\": index " + i + " is out of range");
      }
      ArrayNode copy = Json.array().addAll((ArrayNode) current);
      copy.set(i, place(current.get(i), index + 1, result));
      return copy;
    }
    String name = (String) segment;
    ObjectNode copy;
    if (current != null && current.isObject()) {
      copy = Json.object();
      copy.setAll((ObjectNode) current);
    } else {
      copy = Json.object();
    }
    JsonNode child = copy.get(name);
    copy.set(name, place(child != null && child.isContainerNode() ? child : null, index + 1, result));
    return copy;
  }

  @Override
  public String toString() {
    return String.valueOf(text);
  }
}
