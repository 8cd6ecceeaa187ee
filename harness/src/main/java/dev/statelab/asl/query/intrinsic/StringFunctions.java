package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.statelab.json.Json;
import java.util.StringTokenizer;

/** States.StringSplit. */
final class StringFunctions {

  private StringFunctions() {}

  /**
   * {@code States.StringSplit(string, delimiters)}: the pieces between any of the delimiter
   * characters. Empty pieces are dropped, so {@code ",a,,b,"} split on {@code ","} is {@code ["a",
   * "b"]} and an empty string gives {@code []} (a string tokenizer's behaviour, as AWS shows).
   */
  static JsonNode split(Invocation invocation) {
    String text = invocation.string(0);
    String delimiters = invocation.string(1);
    ArrayNode result = Json.array();
    StringTokenizer tokens = new StringTokenizer(text, delimiters);
    while (tokens.hasMoreTokens()) {
      result.add(tokens.nextToken());
    }
    return result;
  }
}
