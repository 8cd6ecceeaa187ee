package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/** States.Hash. */
final class HashFunctions {

  /** The algorithm names AWS accepts, spelled exactly so. */
  static final Set<String> ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  /** The longest data string accepted, in characters. */
  static final int MAX_DATA_CHARACTERS = 10_000;

  private HashFunctions() {}

  /**
   * {@code States.Hash(data, algorithm)}: the lowercase hex digest of the data's UTF-8 bytes. Data
   * that is not a string is hashed as AWS renders it ({@code 123}, {@code {a=1}}).
   */
  static JsonNode hash(Invocation invocation) {
    JsonNode data = invocation.value(0);
    String text = data.isTextual() ? data.textValue() : JavaValues.render(data);
    String algorithm = invocation.string(1);
    if (text.length() > MAX_DATA_CHARACTERS || !ALGORITHMS.contains(algorithm)) {
      throw invocation.invalid();
    }
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
      return Json.text(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM lacks " + algorithm, e);
    }
  }
}
