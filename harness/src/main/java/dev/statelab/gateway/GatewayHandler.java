package dev.statelab.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.statelab.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one HTTP handler behind the gateway's port: route, read, decode, dispatch, encode.
 *
 * <p>Every outcome is an AWS-shaped response: no HTML page, no stack trace, no hang. Request
 * bodies are always consumed before answering (up to {@link #DRAIN_LIMIT}), so a client that is
 * still writing an oversized body reads the error instead of a reset connection.
 */
final class GatewayHandler implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());

  /** Bytes discarded past the limit before giving up on keeping the connection. */
  static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  private final Router router;
  private final GatewayOptions options;
  private final Executor executor;

  /**
   * A handler routing through {@code router}; responses of stages completed later are written on
   * {@code executor}, so a service's own thread (the engine's scheduler) never does socket I/O.
   */
  GatewayHandler(Router router, GatewayOptions options, Executor executor) {
    this.router = router;
    this.options = options;
    this.executor = executor;
  }

  @Override
  public void handle(HttpExchange exchange) {
    String requestId = newRequestId();
    AwsProtocol protocol = AwsProtocol.REST_JSON_1;
    String where = "request";
    try {
      Headers headers = exchange.getRequestHeaders();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      URI uri = exchange.getRequestURI();
      String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty()
          ? "/" : uri.getRawPath();
      String rawQuery = uri.getRawQuery();
      Map<String, List<String>> query = parseQuery(rawQuery);
      CredentialScope scope = CredentialScope.parse(
          headers.getFirst("Authorization"),
          first(query, "X-Amz-Credential"),
          headers.getFirst("X-Amz-Region-Set"));
      String bucket = VirtualHosts.bucketOf(headers.getFirst("Host"));
      CredentialScope routing = scope;
      if (bucket != null && (scope == null || VirtualHosts.SIGNING_NAME.equals(scope.service()))) {
        // Virtual-hosted S3 addressing: bucket.s3.localhost/key routes as /bucket/key.
        rawPath = "/" + bucket + (rawPath.equals("/") ? "" : rawPath);
        routing = new CredentialScope(scope == null ? null : scope.accessKeyId(),
            scope == null ? null : scope.region(), VirtualHosts.SIGNING_NAME);
      }
      Router.Route route = router.resolve(method, rawPath, headers.getFirst("X-Amz-Target"),
          routing, headers.getFirst("Content-Type"));
      protocol = route.protocol();
      if (route.error() != null) {
        discardBody(exchange);
        sendError(exchange, protocol, route.error(), requestId);
        return;
      }
      AwsService service = route.service();
      where = service.spec().displayName() + "." + route.operation();
      if (scope == null && options.requireAuthorization()) {
        discardBody(exchange);
        sendError(exchange, protocol, missingAuthentication(protocol), requestId);
        return;
      }
      long limit = service.spec().maxRequestBytes() > 0
          ? service.spec().maxRequestBytes() : options.maxRequestBytes();
      byte[] body = readBody(exchange, limit);
      if (body == null) {
        sendError(exchange, protocol, new AwsServiceException(
            GatewayErrors.REQUEST_ENTITY_TOO_LARGE, "Request must be smaller than " + limit
                + " bytes for the " + route.operation() + " operation", 413), requestId);
        return;
      }
      JsonNode parsed = protocol.isTargetRouted() ? JsonBodies.parseObject(body) : null;
      AwsRequest request = new AwsRequest(
          route.operation(),
          method,
          rawPath,
          body,
          parsed,
          route.pathParams(),
          query,
          lowerCaseHeaders(headers),
          scope != null && scope.region() != null ? scope.region() : options.defaultRegion(),
          options.accountId(),
          scope == null ? null : scope.accessKeyId(),
          requestId);
      CompletionStage<AwsResponse> stage = service.handleAsync(request);
      if (stage == null) {
        throw new IllegalStateException(where + " returned no CompletionStage");
      }
      AwsProtocol answerProtocol = protocol;
      String answerWhere = where;
      if (stage instanceof CompletableFuture && ((CompletableFuture<?>) stage).isDone()) {
        stage.whenComplete((response, failure) ->
            complete(exchange, answerProtocol, answerWhere, requestId, response, failure));
      } else {
        stage.whenCompleteAsync((response, failure) ->
            complete(exchange, answerProtocol, answerWhere, requestId, response, failure),
            executor);
      }
    } catch (AwsServiceException e) {
      sendError(exchange, protocol, e, requestId);
    } catch (IOException e) {
      // The client stopped sending mid-body: nobody is left to answer.
      LOG.log(Level.DEBUG, () -> "StateLab gateway: could not read request " + requestId, e);
      exchange.close();
    } catch (Throwable t) {
      internalFailure(exchange, protocol, where, requestId, t);
    }
  }

  private void complete(HttpExchange exchange, AwsProtocol protocol, String where,
      String requestId, AwsResponse response, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof AwsServiceException) {
      sendError(exchange, protocol, (AwsServiceException) cause, requestId);
    } else if (cause != null) {
      internalFailure(exchange, protocol, where, requestId, cause);
    } else if (response == null) {
      internalFailure(exchange, protocol, where, requestId,
          new IllegalStateException(where + " answered null"));
    } else {
      byte[] bytes;
      try {
        bytes = response.encode();
      } catch (RuntimeException e) {
        internalFailure(exchange, protocol, where, requestId, e);
        return;
      }
      String contentType = response.contentType().orElse(protocol.contentType());
      send(exchange, response.status(), contentType, bytes, response.headers(), requestId);
    }
  }

  private void internalFailure(HttpExchange exchange, AwsProtocol protocol, String where,
      String requestId, Throwable t) {
    LOG.log(Level.ERROR, () -> "StateLab gateway: " + where + " failed (request " + requestId
        + ")", t);
    String detail = t.getClass().getSimpleName()
        + (t.getMessage() == null ? "" : ": " + t.getMessage());
    sendError(exchange, protocol, new AwsServiceException(GatewayErrors.INTERNAL_FAILURE,
        "StateLab's " + where + " failed with " + detail + " (request " + requestId
            + "; the gateway log has the stack trace)", 500), requestId);
  }

  private static AwsServiceException missingAuthentication(AwsProtocol protocol) {
    return protocol.isTargetRouted()
        ? new AwsServiceException(GatewayErrors.MISSING_AUTHENTICATION_TOKEN,
            "Request is missing Authentication Token", 400)
        : new AwsServiceException(GatewayErrors.MISSING_AUTHENTICATION_TOKEN,
            "Missing Authentication Token", 403);
  }

  private static void sendError(HttpExchange exchange, AwsProtocol protocol,
      AwsServiceException error, String requestId) {
    if (protocol == AwsProtocol.REST_XML) {
      send(exchange, error.status(), protocol.contentType(),
          VirtualHosts.errorXml(error.shortCode(), error.getMessage(), requestId),
          Map.of("x-amz-request-id", requestId), requestId);
      return;
    }
    ObjectNode body = Json.object();
    body.put("__type", error.code());
    if (error.getMessage() != null) {
      body.put("message", error.getMessage());
    }
    error.extraMembers().forEach(body::set);
    Map<String, String> headers = protocol == AwsProtocol.REST_JSON_1
        ? Map.of("X-Amzn-ErrorType", error.shortCode()) : Map.of();
    send(exchange, error.status(), protocol.contentType(), JsonBodies.write(body), headers,
        requestId);
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body,
      Map<String, String> extraHeaders, String requestId) {
    try {
      Headers out = exchange.getResponseHeaders();
      out.set("Content-Type", contentType);
      out.set("x-amzn-RequestId", requestId);
      extraHeaders.forEach(out::set);
      boolean noBody = body.length == 0 || status == 204 || status == 304 || status < 200
          || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(body);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away or the exchange was already answered; nothing left to tell it.
      LOG.log(Level.DEBUG, () -> "StateLab gateway: could not write response " + requestId, e);
    } finally {
      exchange.close();
    }
  }

  /**
   * Reads the body, or returns null after discarding it when it exceeds {@code limit} (then the
   * response also asks the client to close the connection if the body was too big to discard).
   */
  private static byte[] readBody(HttpExchange exchange, long limit) throws IOException {
    InputStream in = exchange.getRequestBody();
    long declared = declaredLength(exchange);
    if (declared > limit) {
      discard(exchange, in);
      return null;
    }
    if (declared >= 0) {
      return in.readNBytes((int) declared);
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
    byte[] chunk = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(chunk)) > 0; ) {
      total += n;
      if (total > limit) {
        discard(exchange, in);
        return null;
      }
      buffer.write(chunk, 0, n);
    }
    return buffer.toByteArray();
  }

  private static void discardBody(HttpExchange exchange) {
    try {
      discard(exchange, exchange.getRequestBody());
    } catch (IOException e) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
  }

  private static void discard(HttpExchange exchange, InputStream in) throws IOException {
    byte[] sink = new byte[16384];
    long discarded = 0;
    for (int n; (n = in.read(sink)) > 0; ) {
      discarded += n;
      if (discarded > DRAIN_LIMIT) {
        exchange.getResponseHeaders().set("Connection", "close");
        return;
      }
    }
  }

  private static long declaredLength(HttpExchange exchange) {
    String value = exchange.getRequestHeaders().getFirst("Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Map<String, List<String>> lowerCaseHeaders(Headers headers) {
    Map<String, List<String>> lower = new HashMap<>(headers.size() * 2);
    // The exchange's request headers are not changed after parsing, so views suffice.
    headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT),
        Collections.unmodifiableList(values)));
    return Collections.unmodifiableMap(lower);
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name;
      String value;
      try {
        name = PercentCoding.decode(eq < 0 ? pair : pair.substring(0, eq));
        value = eq < 0 ? "" : PercentCoding.decode(pair.substring(eq + 1));
      } catch (IllegalArgumentException e) {
        throw GatewayErrors.serialization("Bad query string: " + e.getMessage());
      }
      params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    }
    params.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(params);
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
