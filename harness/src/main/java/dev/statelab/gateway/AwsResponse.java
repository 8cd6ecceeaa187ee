package dev.statelab.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handler answers: a status, a JSON or raw body, and extra headers.
 *
 * <p>The gateway adds {@code Content-Type} (the protocol's, unless {@link #raw} names one) and
 * {@code x-amzn-RequestId}. Instances are immutable; {@link #withHeader} returns a copy.
 */
public final class AwsResponse {

  private static final byte[] NO_BYTES = new byte[0];

  private final int status;
  private final JsonNode json;
  private final byte[] bytes;
  private final String contentType;
  private final Map<String, String> headers;

  private AwsResponse(
      int status, JsonNode json, byte[] bytes, String contentType, Map<String, String> headers) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("Not an HTTP status: " + status);
    }
    this.status = status;
    this.json = json;
    this.bytes = bytes;
    this.contentType = contentType;
    this.headers = headers;
  }

  /** 200 with body {@code {}}, the answer of an operation without output. */
  public static AwsResponse ok() {
    return new AwsResponse(200, Json.object(), null, null, Map.of());
  }

  /** 200 with a JSON body. */
  public static AwsResponse ok(JsonNode body) {
    return of(200, body);
  }

  /** A JSON body with a status, e.g. 201 for a REST create. */
  public static AwsResponse of(int status, JsonNode body) {
    return new AwsResponse(status, Objects.requireNonNull(body, "body"), null, null, Map.of());
  }

  /** A status without a body, e.g. 204 for a REST delete or 202 for an async Lambda invoke. */
  public static AwsResponse empty(int status) {
    return new AwsResponse(status, null, NO_BYTES, null, Map.of());
  }

  /**
   * Raw body bytes, e.g. a Lambda payload; a null content type means the protocol's.
   */
  public static AwsResponse raw(int status, byte[] body, String contentType) {
    return new AwsResponse(status, null, body.clone(), contentType, Map.of());
  }

  /**
   * A copy with one more header, e.g. {@code X-Amz-Function-Error: Unhandled}.
   *
   * @throws IllegalArgumentException for {@code Content-Type} (use {@link #raw}) or a name with
   *     characters that cannot appear in a header
   */
  public AwsResponse withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
      throw new IllegalArgumentException("Not a header name: '" + name + "'");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("Header value contains a line break: " + name);
    }
    if (name.toLowerCase(Locale.ROOT).equals("content-type")) {
      throw new IllegalArgumentException("Set the content type through AwsResponse.raw");
    }
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new AwsResponse(status, json, bytes, contentType, Map.copyOf(copy));
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The JSON body, when the response has one. */
  public Optional<JsonNode> jsonBody() {
    return Optional.ofNullable(json);
  }

  /** The content type given to {@link #raw}, if any. */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /** Extra headers. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The body bytes as they go on the wire. */
  public byte[] bodyBytes() {
    return encode().clone();
  }

  /** The body bytes without a defensive copy, for the gateway. */
  byte[] encode() {
    return json != null ? JsonBodies.write(json) : bytes;
  }

  @Override
  public String toString() {
    return "AwsResponse[" + status + (json != null ? " " + Json.write(json) : " "
        + bytes.length + " bytes") + "]";
  }
}
