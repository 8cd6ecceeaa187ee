package dev.statelab.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON configuration StateLab uses: exact decimals, compact output, strict parsing.
 *
 * <p>Numbers keep the text they were written with ({@code 1.50} stays {@code 1.50}), as Step
 * Functions passes payloads through without reformatting them.
 */
public final class Json {

  /** Node factory that keeps decimals exactly as parsed. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /** The shared mapper; thread-safe once configured. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .nodeFactory(NODES)
          .build();

  private Json() {}

  /** Parses JSON text, throwing {@link IllegalArgumentException} with the parser's message on bad input. */
  public static JsonNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("No JSON content");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  /** A parser error for people: the message and where, without Jackson's source placeholder. */
  public static String describe(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage())
        .replaceAll("\\[Source: [^;]*; ", "[");
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      message += " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
    return message;
  }

  /** Serialises a node compactly, as AWS writes payloads ({@code {"a":1}}). */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serialises a node with indentation, for people. */
  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Size in bytes of the compact UTF-8 serialisation: what Step Functions' payload quotas count. */
  public static int byteSize(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * True when the compact UTF-8 serialisation is larger than {@code limit} bytes. A cheap upper
   * bound (every character escaped) settles most payloads without serialising them.
   */
  public static boolean exceedsBytes(JsonNode node, int limit) {
    long bound = upperBound(node, limit);
    if (bound <= limit) {
      return false;
    }
    return byteSize(node) > limit;
  }

  private static long upperBound(JsonNode node, long stopAbove) {
    if (node.isTextual()) {
      return 2L + 6L * node.textValue().length();
    }
    if (node.isValueNode()) {
      return node.isNumber() ? node.asText().length() + 2L : 5;
    }
    long total = 2;
    if (node.isObject()) {
      var it = node.fields();
      while (it.hasNext() && total <= stopAbove) {
        var e = it.next();
        total += 4L + 6L * e.getKey().length() + upperBound(e.getValue(), stopAbove);
      }
    } else {
      for (JsonNode child : node) {
        total += 1 + upperBound(child, stopAbove);
        if (total > stopAbove) {
          break;
        }
      }
    }
    return total;
  }

  /** A new empty object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A new empty array node. */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A string node. */
  public static JsonNode text(String value) {
    return NODES.textNode(value);
  }

  /** The JSON type name AWS uses in messages: object, array, string, number, boolean or null. */
  public static String typeName(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "null";
    }
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
