package dev.statelab.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which service answers: target prefix first, then route, with the signing name breaking ties. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GatewayRoutingTests {

  private static Gateway gateway;
  private static HttpClient http;

  /** A service that answers with its own name, so a test can see who answered. */
  private static AwsService named(String name, ServiceSpec spec) {
    return AwsService.of(spec, request -> AwsResponse.ok(Json.object()
        .put("service", name)
        .put("operation", request.operation())
        .put("region", request.region())));
  }

  @BeforeAll
  static void start() {
    gateway = Gateway.start(GatewayOptions.defaults(),
        named("dynamodb", ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_0, "dynamodb")
            .targetPrefix("DynamoDB_20120810").operations("GetItem").build()),
        // DynamoDB Streams signs as "dynamodb" too: only the target prefix tells them apart.
        named("streams", ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_0, "dynamodb")
            .targetPrefix("DynamoDBStreams_20120810").operations("GetRecords").build()),
        named("events", ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_1, "events")
            .targetPrefix("AWSEvents").operations("PutEvents").build()),
        named("alpha", ServiceSpec.newBuilder(AwsProtocol.REST_JSON_1, "alpha")
            .route("GET", "/v1/ping", "Ping").build()),
        named("beta", ServiceSpec.newBuilder(AwsProtocol.REST_JSON_1, "beta")
            .route("GET", "/v1/ping", "Ping")
            .route("GET", "/v1/things/{Id}", "GetThing")
            .route("GET", "/v1/things/{Id}/parts", "ListParts")
            .route("GET", "/v1/things/{Id}/{Part}", "GetPart")
            .build()));
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void targetPrefixWinsOverASharedSigningName() throws Exception {
    assertThat(call("DynamoDBStreams_20120810.GetRecords", "dynamodb").path("service").asText())
        .isEqualTo("streams");
    assertThat(call("DynamoDB_20120810.GetItem", "dynamodb").path("service").asText())
        .isEqualTo("dynamodb");
  }

  @Test
  void awsJson11ServiceAnswersInItsContentType() throws Exception {
    HttpResponse<String> ok = send(target("AWSEvents.PutEvents", "events"));
    HttpResponse<String> unknown = send(target("AWSEvents.PutRule", "events"));

    assertThat(ok.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
    assertThat(Json.parse(ok.body()).path("service").asText()).isEqualTo("events");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .contains("application/x-amz-json-1.1");
    assertThat(Json.parse(unknown.body()).path("__type").asText())
        .isEqualTo("com.amazon.coral.service#UnknownOperationException");
  }

  @Test
  void signingNameChoosesBetweenServicesSharingARoute() throws Exception {
    assertThat(get("/v1/ping", "beta").path("service").asText()).isEqualTo("beta");
    assertThat(get("/v1/ping", "alpha").path("service").asText()).isEqualTo("alpha");
    assertThat(get("/v1/ping", null).path("service").asText())
        .as("unsigned: first registered").isEqualTo("alpha");
  }

  @Test
  void mostLiteralRouteWins() throws Exception {
    assertThat(get("/v1/things/t1/parts", null).path("operation").asText())
        .isEqualTo("ListParts");
    assertThat(get("/v1/things/t1/wheel", null).path("operation").asText())
        .isEqualTo("GetPart");
    assertThat(get("/v1/things/t1", null).path("operation").asText()).isEqualTo("GetThing");
  }

  @Test
  void regionFollowsTheSignatureOfEachRequest() throws Exception {
    assertThat(get("/v1/ping", "alpha").path("region").asText()).isEqualTo("ca-central-1");
    assertThat(get("/v1/ping", null).path("region").asText()).isEqualTo("us-east-1");
  }

  private static String authorization(String signingName) {
    return "AWS4-HMAC-SHA256 Credential=AKID/20260101/ca-central-1/" + signingName
        + "/aws4_request, SignedHeaders=host, Signature=00";
  }

  private static HttpRequest.Builder target(String target, String signingName) {
    return HttpRequest.newBuilder(gateway.endpoint())
        .header("X-Amz-Target", target)
        .header("Authorization", authorization(signingName))
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
  }

  private static JsonNode call(String target, String signingName) throws Exception {
    HttpResponse<String> response = send(target(target, signingName));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.parse(response.body());
  }

  private static JsonNode get(String path, String signingName) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.endpoint().resolve(path)).GET();
    if (signingName != null) {
      request.header("Authorization", authorization(signingName));
    }
    HttpResponse<String> response = send(request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.parse(response.body());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
