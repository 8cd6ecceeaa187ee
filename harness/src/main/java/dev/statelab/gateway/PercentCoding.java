package dev.statelab.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** RFC 3986 percent-decoding for path segments and query parts ({@code +} stays {@code +}). */
final class PercentCoding {

  private PercentCoding() {}

  /**
   * Decodes {@code %XX} escapes as UTF-8.
   *
   * @throws IllegalArgumentException on a truncated or non-hex escape
   */
  static String decode(String raw) {
    int first = raw.indexOf('%');
    if (first < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    byte[] ascii = raw.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < ascii.length; i++) {
      byte b = ascii[i];
      if (b == '%') {
        if (i + 2 >= ascii.length) {
          throw new IllegalArgumentException("Truncated percent-escape in '" + raw + "'");
        }
        int hi = Character.digit(ascii[i + 1], 16);
        int lo = Character.digit(ascii[i + 2], 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("Malformed percent-escape in '" + raw + "'");
        }
        out.write((hi << 4) | lo);
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
