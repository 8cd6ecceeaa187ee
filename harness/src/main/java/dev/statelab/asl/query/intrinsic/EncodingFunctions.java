package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** States.Base64Encode and States.Base64Decode. */
final class EncodingFunctions {

  /** The longest string either function takes, in characters. */
  static final int MAX_INPUT_CHARACTERS = 10_000;

  private static final byte[] DECODE_TABLE = decodeTable();

  private EncodingFunctions() {}

  /** {@code States.Base64Encode(string)}: standard Base64, padded, of the UTF-8 bytes. */
  static JsonNode base64Encode(Invocation invocation) {
    String text = invocation.string(0);
    if (text.length() > MAX_INPUT_CHARACTERS) {
      throw invocation.invalid();
    }
    return Json.text(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * {@code States.Base64Decode(base64)}: the UTF-8 text of the decoded bytes.
   *
   * <p>AWS decodes leniently: characters outside the Base64 alphabets (spaces, line breaks, {@code
   * !}) are skipped, decoding stops at the first {@code =}, and missing padding is tolerated.
   */
  static JsonNode base64Decode(Invocation invocation) {
    String text = invocation.string(0);
    if (text.length() > MAX_INPUT_CHARACTERS) {
      throw invocation.invalid();
    }
    return Json.text(new String(decodeLeniently(text), StandardCharsets.UTF_8));
  }

  /** Decodes Base64 the lenient way, ignoring what is not in the alphabet. */
  static byte[] decodeLeniently(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4 + 3);
    int buffer = 0;
    int sextets = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=') {
        break;
      }
      int value = c < DECODE_TABLE.length ? DECODE_TABLE[c] : -1;
      if (value < 0) {
        continue;
      }
      buffer = (buffer << 6) | value;
      sextets++;
      if (sextets == 4) {
        out.write(buffer >> 16);
        out.write(buffer >> 8);
        out.write(buffer);
        buffer = 0;
        sextets = 0;
      }
    }
    if (sextets == 2) {
      out.write(buffer >> 4);
    } else if (sextets == 3) {
      out.write(buffer >> 10);
      out.write(buffer >> 2);
    }
    return out.toByteArray();
  }

  private static byte[] decodeTable() {
    byte[] table = new byte[128];
    Arrays.fill(table, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      table[alphabet.charAt(i)] = (byte) i;
    }
    table['-'] = 62;
    table['_'] = 63;
    return table;
  }
}
