package dev.statelab.service.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One page of a bucket listing: objects and common prefixes in key order, at most {@code maxKeys}
 * of both together, and the opaque token that resumes after the page.
 *
 * @param contents the objects on the page
 * @param commonPrefixes the rolled-up prefixes on the page (with a delimiter)
 * @param truncated whether more follow
 * @param nextToken the continuation token when truncated, else null
 * @param nextMarker the last key or prefix on a truncated page (ListObjects v1's NextMarker)
 */
record S3Listing(List<S3Object> contents, List<String> commonPrefixes, boolean truncated, String nextToken,
    String nextMarker) {

  /** How many entries the page holds (S3's KeyCount). */
  int keyCount() {
    return contents.size() + commonPrefixes.size();
  }

  /**
   * Lists a page.
   *
   * @param token a continuation token from an earlier page, or null
   * @param after list keys after this one (StartAfter or Marker) when there is no token, or null
   * @throws S3Exception {@code NoSuchBucket}, or {@code InvalidArgument} for a bad token
   */
  static S3Listing page(S3Store store, String bucket, String prefix, String delimiter, int maxKeys, String token,
      String after) {
    String p = prefix == null ? "" : prefix;
    String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
    String skipPrefix = null;
    String from = after;
    if (token != null) {
      String decoded = decodeToken(token);
      from = decoded.substring(1);
      skipPrefix = decoded.charAt(0) == 'P' ? from : null;
    } else if (from != null && d != null && from.endsWith(d)) {
      skipPrefix = from;
    }
    if (from != null && from.compareTo(p) < 0) {
      from = null;
    }
    List<S3Object> contents = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    boolean truncated = false;
    String last = null;
    for (S3Object object : store.objects(bucket, p, from)) {
      String common = commonPrefix(object.key(), p, d);
      if (common != null && common.equals(skipPrefix)) {
        continue;
      }
      if (contents.size() + prefixes.size() >= maxKeys) {
        truncated = true;
        break;
      }
      if (common != null) {
        prefixes.add(common);
        skipPrefix = common;
        last = "P" + common;
      } else {
        contents.add(object);
        last = "K" + object.key();
      }
    }
    boolean more = truncated && last != null;
    return new S3Listing(contents, prefixes, truncated, more ? encodeToken(last) : null,
        more ? last.substring(1) : null);
  }

  private static String commonPrefix(String key, String prefix, String delimiter) {
    if (delimiter == null) {
      return null;
    }
    int at = key.indexOf(delimiter, prefix.length());
    return at < 0 ? null : key.substring(0, at + delimiter.length());
  }

  private static String encodeToken(String marker) {
    return Base64.getEncoder().encodeToString(marker.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeToken(String token) {
    try {
      String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.length() < 2 || (decoded.charAt(0) != 'K' && decoded.charAt(0) != 'P')) {
        throw new IllegalArgumentException(token);
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      throw S3Exception.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
    }
  }

  /**
   * Reads a max-keys value: absent is 1000, larger values are capped at 1000.
   *
   * @throws S3Exception {@code InvalidArgument} for a negative or non-integer value
   */
  static int maxKeys(String value) {
    if (value == null) {
      return 1000;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0) {
        throw S3Exception.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647",
            "maxKeys", value);
      }
      return Math.min(n, 1000);
    } catch (NumberFormatException e) {
      throw S3Exception.invalidArgument("Provided max-keys not an integer or within integer range", "max-keys",
          value);
    }
  }
}
