package dev.statelab.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.statelab.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Body parsing and writing on the shared mapper; readers and writers are built once. */
final class JsonBodies {

  private static final ObjectReader READER = Json.MAPPER.reader();
  private static final ObjectWriter WRITER = Json.MAPPER.writer();

  private JsonBodies() {}

  /**
   * Parses a body; empty reads as {@code {}}.
   *
   * @throws AwsServiceException SerializationException on malformed JSON
   */
  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return Json.object();
    }
    try {
      JsonNode node = READER.readTree(body);
      if (node == null || node.isMissingNode()) {
        return Json.object(); // only whitespace
      }
      return node;
    } catch (JsonProcessingException e) {
      throw GatewayErrors.serialization(e.getOriginalMessage());
    } catch (IOException e) {
      throw GatewayErrors.serialization(String.valueOf(e.getMessage()));
    }
  }

  /**
   * Parses a JSON RPC body, which must be an object.
   *
   * @throws AwsServiceException SerializationException otherwise
   */
  static JsonNode parseObject(byte[] body) {
    JsonNode node = parse(body);
    if (!node.isObject()) {
      throw GatewayErrors.serialization(
          "Start of " + Json.typeName(node) + " found where a structure was expected");
    }
    return node;
  }

  static byte[] write(JsonNode node) {
    try {
      return WRITER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
