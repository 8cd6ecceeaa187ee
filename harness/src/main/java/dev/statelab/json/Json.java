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
    long size = sizeOf(node);
    return size > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) size;
  }

  /** Counts the compact serialisation's bytes without writing it (exactly as {@link #write}). */
  private static long sizeOf(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT: {
        long total = 2 + Math.max(0, node.size() - 1);
        var it = node.fields();
        while (it.hasNext()) {
          var e = it.next();
          total += quotedSize(e.getKey()) + 1 + sizeOf(e.getValue());
        }
        return total;
      }
      case ARRAY: {
        long total = 2 + Math.max(0, node.size() - 1);
        for (JsonNode child : node) {
          total += sizeOf(child);
        }
        return total;
      }
      case STRING:
        return quotedSize(node.textValue());
      case BOOLEAN:
        return node.booleanValue() ? 4 : 5;
      case NULL:
        return 4;
      case NUMBER:
        if (node.isInt() || node.isLong()) {
          return Long.toString(node.longValue()).length();
        }
        return write(node).length();
      default:
        return write(node).getBytes(StandardCharsets.UTF_8).length;
    }
  }

  /**
   * The UTF-8 size of a string as Jackson writes it: quoted; a quote, a backslash and the control
   * characters with a short escape (newline, tab, ...) take 2 bytes, other control characters 6
   * (a six-character unicode escape), and an unpaired surrogate the one byte ({@code ?}) UTF-8
   * encoding gives it.
   */
  private static long quotedSize(String text) {
    long total = 2;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x20) {
        total += c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ? 2 : 6;
      } else if (c == '"' || c == '\\') {
        total += 2;
      } else if (c < 0x80) {
        total += 1;
      } else if (c < 0x800) {
        total += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        total += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        total += 1;
      } else {
        total += 3;
      }
    }
    return total;
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
