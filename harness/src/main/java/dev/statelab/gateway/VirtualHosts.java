package dev.statelab.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * S3's virtual-hosted addressing and XML errors, the two places where {@code restXml} differs
 * from {@code restJson1} at the gateway.
 *
 * <p>A bucket host is {@code <bucket>.s3.localhost}, {@code <bucket>.localhost}, {@code
 * <bucket>.s3.amazonaws.com} or {@code <bucket>.s3.<region>.amazonaws.com} (any port); the bare
 * endpoints ({@code s3.localhost}, {@code localhost}, {@code 127.0.0.1}) name no bucket.
 */
final class VirtualHosts {

  /** The signing name of the service that virtual-hosted requests go to. */
  static final String SIGNING_NAME = "s3";

  private VirtualHosts() {}

  /** The bucket a {@code Host} header names, or null for path-style hosts. */
  static String bucketOf(String host) {
    if (host == null || host.isEmpty() || host.startsWith("[")) {
      return null;
    }
    String name = host.toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    String rest;
    if (name.endsWith(".localhost")) {
      rest = name.substring(0, name.length() - ".localhost".length());
    } else if (name.endsWith(".amazonaws.com")) {
      rest = name.substring(0, name.length() - ".amazonaws.com".length());
      int s3 = rest.lastIndexOf(".s3");
      if (s3 <= 0 || !(rest.startsWith(".s3.", s3) || rest.length() == s3 + 3)) {
        return null;
      }
      return rest.substring(0, s3);
    } else {
      return null;
    }
    if (rest.equals("s3") || rest.isEmpty()) {
      return null;
    }
    if (rest.endsWith(".s3")) {
      rest = rest.substring(0, rest.length() - 3);
    }
    return rest.isEmpty() ? null : rest;
  }

  /** S3's error document: {@code <Error><Code/><Message/><RequestId/></Error>}. */
  static byte[] errorXml(String code, String message, String requestId) {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + escape(code)
        + "</Code><Message>" + escape(message == null ? "" : message) + "</Message><RequestId>"
        + escape(requestId) + "</RequestId></Error>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
