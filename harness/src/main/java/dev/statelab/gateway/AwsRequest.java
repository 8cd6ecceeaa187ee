package dev.statelab.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One decoded AWS request as a handler sees it.
 *
 * <p>For the JSON RPC protocols the gateway parses the body before the handler runs, so a handler
 * never sees malformed JSON. For {@code restJson1} the body is parsed on the first call to {@link
 * #body()}, because some operations (Lambda {@code Invoke}) carry raw bytes.
 *
 * <p>Build one directly with {@link #newBuilder()} to unit-test a handler without HTTP.
 */
public final class AwsRequest {

  private final String operation;
  private final String method;
  private final String path;
  private final byte[] rawBody;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> queryParams;
  private final Map<String, List<String>> headers;
  private final String region;
  private final String accountId;
  private final String accessKeyId;
  private final String requestId;
  private JsonNode body;

  AwsRequest(
      String operation,
      String method,
      String path,
      byte[] rawBody,
      JsonNode body,
      Map<String, String> pathParams,
      Map<String, List<String>> queryParams,
      Map<String, List<String>> headers,
      String region,
      String accountId,
      String accessKeyId,
      String requestId) {
    this.operation = operation;
    this.method = method;
    this.path = path;
    this.rawBody = rawBody;
    this.body = body;
    this.pathParams = pathParams;
    this.queryParams = queryParams;
    this.headers = headers;
    this.region = region;
    this.accountId = accountId;
    this.accessKeyId = accessKeyId;
    this.requestId = requestId;
  }

  /** Starts a request for handler unit tests; defaults: POST /, us-east-1, 123456789012. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The operation name, e.g. {@code StartExecution} or {@code Invoke}. */
  public String operation() {
    return operation;
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The request path as sent, still percent-encoded; {@code /} for JSON RPC protocols. */
  public String path() {
    return path;
  }

  /**
   * The body as JSON; an empty body reads as {@code {}}.
   *
   * @throws AwsServiceException {@code SerializationException} (400) if the body is not JSON
   */
  public JsonNode body() {
    JsonNode parsed = body;
    if (parsed == null) {
      parsed = JsonBodies.parse(rawBody);
      body = parsed;
    }
    return parsed;
  }

  /** A copy of the body bytes exactly as received. */
  public byte[] rawBody() {
    return rawBody.clone();
  }

  /** The body length in bytes. */
  public int rawBodyLength() {
    return rawBody.length;
  }

  /** The decoded path labels of a {@code restJson1} route; empty for JSON RPC. */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /**
   * One decoded path label.
   *
   * @throws IllegalArgumentException if the route has no such label
   */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "No path label {" + name + "} in " + operation + "; labels: " + pathParams.keySet());
    }
    return value;
  }

  /** Decoded query parameters, each with every value in order. */
  public Map<String, List<String>> queryParams() {
    return queryParams;
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParam(String name) {
    List<String> values = queryParams.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Request headers with lower-case names. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, matched ignoring case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The region from the SigV4 credential scope, else the gateway's default region. */
  public String region() {
    return region;
  }

  /** The account id the gateway serves. */
  public String accountId() {
    return accountId;
  }

  /** The access key id from the SigV4 credential scope, if the request was signed. */
  public Optional<String> accessKeyId() {
    return Optional.ofNullable(accessKeyId);
  }

  /** The id sent back in {@code x-amzn-RequestId}. */
  public String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return "AwsRequest[" + operation + " " + method + " " + path + ", " + region + ", "
        + rawBody.length + " bytes]";
  }

  /** Builds an {@link AwsRequest} for tests; not thread-safe. */
  public static final class Builder {

    private String operation = "";
    private String method = "POST";
    private String path = "/";
    private byte[] rawBody = new byte[0];
    private JsonNode body;
    private final Map<String, String> pathParams = new LinkedHashMap<>();
    private final Map<String, List<String>> queryParams = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private String region = GatewayOptions.DEFAULT_REGION;
    private String accountId = GatewayOptions.DEFAULT_ACCOUNT_ID;
    private String accessKeyId;
    private String requestId = "00000000-0000-0000-0000-000000000000";

    private Builder() {}

    /** Sets the operation name. */
    public Builder operation(String operation) {
      this.operation = Objects.requireNonNull(operation, "operation");
      return this;
    }

    /** Sets the HTTP method and path. */
    public Builder http(String method, String path) {
      this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
      this.path = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Sets a JSON body. */
    public Builder body(JsonNode body) {
      this.body = Objects.requireNonNull(body, "body");
      this.rawBody = Json.write(body).getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** Sets a body from JSON text, parsed on first use like a REST body. */
    public Builder body(String json) {
      return rawBody(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets raw body bytes. */
    public Builder rawBody(byte[] bytes) {
      this.rawBody = bytes.clone();
      this.body = null;
      return this;
    }

    /** Adds a path label. */
    public Builder pathParam(String name, String value) {
      pathParams.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds a query parameter value. */
    public Builder queryParam(String name, String value) {
      queryParams.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    /** Adds a header value. */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
      return this;
    }

    /** Sets the region. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** Sets the account id. */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** Sets the signing access key id. */
    public Builder accessKeyId(String accessKeyId) {
      this.accessKeyId = accessKeyId;
      return this;
    }

    /** Sets the request id. */
    public Builder requestId(String requestId) {
      this.requestId = Objects.requireNonNull(requestId, "requestId");
      return this;
    }

    /** Builds the request. */
    public AwsRequest build() {
      Map<String, List<String>> query = new LinkedHashMap<>();
      queryParams.forEach((k, v) -> query.put(k, List.copyOf(v)));
      Map<String, List<String>> head = new LinkedHashMap<>();
      headers.forEach((k, v) -> head.put(k, List.copyOf(v)));
      return new AwsRequest(operation, method, path, Arrays.copyOf(rawBody, rawBody.length),
          body, Map.copyOf(pathParams), Map.copyOf(query), Map.copyOf(head), region, accountId,
          accessKeyId, requestId);
    }
  }
}
