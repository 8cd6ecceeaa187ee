package dev.statelab.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.gateway.FakeServices.FakeLambda;
import dev.statelab.gateway.FakeServices.FakeStepFunctions;
import dev.statelab.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gateway's wire behaviour, checked with raw HTTP requests. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GatewayWireTests {

  private static final String SIGNED_STATES = "AWS4-HMAC-SHA256 "
      + "Credential=AKIDEXAMPLE/20260101/eu-west-1/states/aws4_request, "
      + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123456789abcdef";
  private static final FakeStepFunctions STATES = new FakeStepFunctions();
  private static final FakeLambda LAMBDA = new FakeLambda();
  private static Gateway gateway;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    gateway = Gateway.start(GatewayOptions.newBuilder().defaultRegion("ap-southeast-2").build(),
        STATES, LAMBDA, FakeServices.batch());
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void jsonCallAnswersWithProtocolContentTypeAndRequestId() throws Exception {
    HttpResponse<String> response = sfnCall("AWSStepFunctions.ListStateMachines", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/x-amz-json-1.0");
    assertThat(response.headers().firstValue("x-amzn-RequestId").orElseThrow())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(json(response).path("stateMachines").get(0).path("stateMachineArn").asText())
        .isEqualTo("arn:aws:states:eu-west-1:123456789012:stateMachine:hello");
  }

  @Test
  void malformedJsonIs400SerializationException() throws Exception {
    HttpResponse<String> response = sfnCall("AWSStepFunctions.StartExecution", "{\"name\": ");

    assertAwsError(response, 400, "com.amazon.coral.service#SerializationException");
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/x-amz-json-1.0");
  }

  @Test
  void trailingGarbageAfterJsonIs400SerializationException() throws Exception {
    assertAwsError(sfnCall("AWSStepFunctions.StartExecution", "{\"name\":\"a\"} x"), 400,
        "com.amazon.coral.service#SerializationException");
  }

  @Test
  void jsonArrayWhereAnObjectBelongsIs400SerializationException() throws Exception {
    HttpResponse<String> response = sfnCall("AWSStepFunctions.StartExecution", "[1,2]");

    assertAwsError(response, 400, "com.amazon.coral.service#SerializationException");
    assertThat(json(response).path("message").asText()).contains("array");
  }

  @Test
  void deeplyNestedJsonIs400SerializationExceptionNotAStackOverflow() throws Exception {
    String nested = "{\"input\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

    HttpResponse<String> response = sfnCall("AWSStepFunctions.StartExecution", nested);

    assertAwsError(response, 400, "com.amazon.coral.service#SerializationException");
    assertThat(json(response).path("message").asText()).contains("nesting depth");
  }

  @Test
  void emptyJsonBodyReadsAsEmptyObject() throws Exception {
    assertThat(sfnCall("AWSStepFunctions.ListStateMachines", "").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownOperationIs400UnknownOperationException() throws Exception {
    HttpResponse<String> response = sfnCall("AWSStepFunctions.Frobnicate", "{}");

    assertAwsError(response, 400, "com.amazon.coral.service#UnknownOperationException");
    assertThat(json(response).path("message").asText()).contains("Frobnicate");
    assertThat(response.headers().firstValue("X-Amzn-ErrorType")).isEmpty();
  }

  @Test
  void unknownTargetPrefixOfAKnownSigningNameIsUnknownOperation() throws Exception {
    assertAwsError(sfnCall("AWSStepFunctionz.ListStateMachines", "{}"), 400,
        "com.amazon.coral.service#UnknownOperationException");
  }

  @Test
  void missingTargetForAJsonServiceIsUnknownOperation() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.endpoint())
        .header("Authorization", SIGNED_STATES)
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertAwsError(response, 400, "com.amazon.coral.service#UnknownOperationException");
    assertThat(json(response).path("message").asText()).contains("X-Amz-Target");
  }

  @Test
  void getOnAJsonOperationIsUnknownOperation() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.endpoint())
        .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
        .GET());

    assertAwsError(response, 400, "com.amazon.coral.service#UnknownOperationException");
  }

  @Test
  void unknownServiceIs400UnknownServiceExceptionNamingWhatIsServed() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.endpoint())
        .header("X-Amz-Target", "AmazonSQS.SendMessage")
        .header("Authorization", SIGNED_STATES.replace("/states/", "/sqs/"))
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertAwsError(response, 400, "UnknownServiceException");
    assertThat(json(response).path("message").asText())
        .contains("AmazonSQS", "'sqs'", "AWSStepFunctions (states)", "lambda (lambda)");
  }

  @Test
  void unknownPathWithoutAnyHintIsUnknownServiceWithErrorTypeHeader() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(
        gateway.endpoint().resolve("/favicon.ico")).GET());

    assertAwsError(response, 400, "UnknownServiceException");
    assertThat(response.headers().firstValue("X-Amzn-ErrorType"))
        .contains("UnknownServiceException");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
  }

  @Test
  void unknownRestRouteOfAKnownServiceIs404UnknownOperationWithErrorTypeHeader()
      throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(
            gateway.endpoint().resolve("/2015-03-31/layers"))
        .header("Authorization", SIGNED_STATES.replace("/states/", "/lambda/"))
        .GET());

    assertAwsError(response, 404, "com.amazon.coral.service#UnknownOperationException");
    assertThat(response.headers().firstValue("X-Amzn-ErrorType"))
        .contains("UnknownOperationException");
  }

  @Test
  void restRouteDecodesLabelsAndQueryParameters() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.endpoint().resolve(
            "/2015-03-31/functions/my%20fn%2Bv1?Qualifier=%24LATEST&Qualifier=2"))
        .GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("Configuration").path("FunctionName").asText())
        .isEqualTo("my fn+v1");
    AwsRequest seen = LAMBDA.lastRequest.get();
    assertThat(seen.queryParams().get("Qualifier")).containsExactly("$LATEST", "2");
    assertThat(seen.queryParam("Qualifier")).contains("$LATEST");
    assertThat(seen.region()).isEqualTo("ap-southeast-2");
  }

  @Test
  void restJsonBodyIsParsedOnDemand() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(
            gateway.endpoint().resolve("/v1/submitjob"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jobName\":\"nightly\"}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(json(response).path("jobName").asText()).isEqualTo("nightly");
  }

  @Test
  void malformedRestJsonBodyIs400SerializationExceptionWithErrorTypeHeader() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(
            gateway.endpoint().resolve("/v1/submitjob"))
        .POST(HttpRequest.BodyPublishers.ofString("{jobName")));

    assertAwsError(response, 400, "com.amazon.coral.service#SerializationException");
    assertThat(response.headers().firstValue("X-Amzn-ErrorType"))
        .contains("SerializationException");
  }

  @Test
  void oversizeBodyWithContentLengthIs413AndTheConnectionStaysUsable() throws Exception {
    byte[] body = ("{\"input\":\"" + "z".repeat(1024 * 1024) + "\"}")
        .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.endpoint())
        .header("X-Amz-Target", "AWSStepFunctions.StartExecution")
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    assertAwsError(response, 413, "RequestEntityTooLargeException");
    assertThat(json(response).path("message").asText())
        .isEqualTo("Request must be smaller than 1048576 bytes for the StartExecution operation");
    assertThat(sfnCall("AWSStepFunctions.ListStateMachines", "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void oversizeChunkedBodyIs413() throws Exception {
    byte[] body = new byte[3 * 1024 * 1024];
    Arrays.fill(body, (byte) ' ');

    HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.endpoint())
        .header("X-Amz-Target", "AWSStepFunctions.StartExecution")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

    assertAwsError(response, 413, "RequestEntityTooLargeException");
  }

  @Test
  void bodyOfExactlyTheLimitIsAccepted() throws Exception {
    String prefix = "{\"name\":\"n\",\"input\":\"";
    String suffix = "\"}";
    int fill = (int) GatewayOptions.DEFAULT_MAX_REQUEST_BYTES - prefix.length() - suffix.length();

    HttpResponse<String> response = sfnCall("AWSStepFunctions.StartExecution",
        prefix + "a".repeat(fill) + suffix);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(STATES.lastRequest.get().rawBodyLength())
        .isEqualTo((int) GatewayOptions.DEFAULT_MAX_REQUEST_BYTES);
  }

  @Test
  void syncHostPrefixInTheHostHeaderIsServed() throws Exception {
    String body = "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:"
        + "hello\",\"input\":\"{}\"}";
    String request = "POST / HTTP/1.1\r\n"
        + "Host: sync-states.us-east-1.amazonaws.com\r\n"
        + "X-Amz-Target: AWSStepFunctions.StartSyncExecution\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\n"
        + "Authorization: " + SIGNED_STATES + "\r\n"
        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
        + "Connection: close\r\n\r\n" + body;

    String response = rawExchange(request);

    assertThat(response).startsWith("HTTP/1.1 200");
    assertThat(response).contains("\"status\":\"SUCCEEDED\"");
    assertThat(STATES.lastRequest.get().header("Host"))
        .contains("sync-states.us-east-1.amazonaws.com");
  }

  @Test
  void missingAuthorizationIsServedInTheDefaultRegion() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.endpoint())
        .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(STATES.lastRequest.get().region()).isEqualTo("ap-southeast-2");
    assertThat(STATES.lastRequest.get().accessKeyId()).isEmpty();
  }

  @Test
  void missingAuthorizationIsRefusedWhenRequiredAsAwsRefusesIt() throws Exception {
    try (Gateway strict = Gateway.start(
        GatewayOptions.newBuilder().requireAuthorization(true).build(),
        new FakeStepFunctions(), new FakeLambda())) {
      HttpResponse<String> json = send(HttpRequest.newBuilder(strict.endpoint())
          .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
          .POST(HttpRequest.BodyPublishers.ofString("{}")));
      HttpResponse<String> rest = send(HttpRequest.newBuilder(
          strict.endpoint().resolve("/2015-03-31/functions/f")).GET());
      HttpResponse<String> signed = send(HttpRequest.newBuilder(strict.endpoint())
          .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
          .header("Authorization", SIGNED_STATES)
          .POST(HttpRequest.BodyPublishers.ofString("{}")));

      assertAwsError(json, 400, "com.amazon.coral.service#MissingAuthenticationTokenException");
      assertThat(json(json).path("message").asText())
          .isEqualTo("Request is missing Authentication Token");
      assertAwsError(rest, 403, "com.amazon.coral.service#MissingAuthenticationTokenException");
      assertThat(signed.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void presignedQueryCredentialSuppliesTheRegion() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.endpoint().resolve(
            "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Fsa-east-1"
                + "%2Fstates%2Faws4_request"))
        .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(STATES.lastRequest.get().region()).isEqualTo("sa-east-1");
  }

  @Test
  void handlerCrashIs500InternalFailureWithoutStackTrace() throws Exception {
    Logger jul = Logger.getLogger(Gateway.class.getName());
    Level level = jul.getLevel();
    jul.setLevel(Level.OFF);
    try {
      HttpResponse<String> response = sfnCall("AWSStepFunctions.DeleteStateMachine", "{}");

      assertAwsError(response, 500, "com.amazon.coral.service#InternalFailure");
      assertThat(response.body()).doesNotContain("\tat ", "<html");
    } finally {
      jul.setLevel(level);
    }
  }

  @Test
  void headRequestGetsHeadersOnly() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(
        gateway.endpoint().resolve("/2015-03-31/functions/f"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEmpty();
  }

  private static HttpResponse<String> sfnCall(String target, String body) throws Exception {
    return send(HttpRequest.newBuilder(gateway.endpoint())
        .header("X-Amz-Target", target)
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("Authorization", SIGNED_STATES)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body());
  }

  private static void assertAwsError(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.path("__type").asText()).isEqualTo(type);
    assertThat(body.path("message").asText()).isNotBlank();
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
  }

  private static String rawExchange(String request) throws IOException {
    URI endpoint = gateway.endpoint();
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
