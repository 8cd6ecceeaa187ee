package dev.statelab.service.sfn;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque pagination tokens: a kind tag and a numeric cursor, base64-encoded. A token of another
 * kind, or one that does not decode, is AWS's {@code InvalidToken}.
 */
final class Pages {

  /** The default page size of list operations when maxResults is 0 or absent. */
  static final int DEFAULT_PAGE = 100;

  private Pages() {}

  static String token(String kind, long cursor) {
    String raw = "statelab:" + kind + ":" + cursor;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The cursor in a token, or {@code defaultCursor} when the token is null.
   *
   * @throws dev.statelab.gateway.AwsServiceException InvalidToken when the token is not ours
   */
  static long cursor(String token, String kind, long defaultCursor) {
    if (token == null) {
      return defaultCursor;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String prefix = "statelab:" + kind + ":";
      if (!raw.startsWith(prefix)) {
        throw SfnErrors.invalidToken(token);
      }
      return Long.parseLong(raw.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      throw SfnErrors.invalidToken(token);
    }
  }

  /** maxResults with 0 meaning the default page. */
  static int size(int maxResults) {
    return maxResults == 0 ? DEFAULT_PAGE : maxResults;
  }
}
