package dev.statelab.service.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Functions whose code is a WireMock stub: responses, function errors and faults. */
class HttpForwardingTests {

  private static WireMockServer wireMock;
  private static StateLabServer server;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() {
    wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wireMock.start();
    server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build()),
        GatewayOptions.defaults());
    lambda = server.clients().client(LambdaClient.builder());
  }

  @AfterAll
  static void stop() {
    lambda.close();
    LambdaStore.of(server.world()).close();
    server.close();
    wireMock.stop();
  }

  @BeforeEach
  void reset() {
    wireMock.resetAll();
  }

  private static void forward(String name, String path) {
    LambdaStore.of(server.world()).registerHttp(name, URI.create(wireMock.baseUrl() + path), 5);
  }

  private static InvokeResponse invoke(String name, String payload) {
    return lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
  }

  @Test
  void theEventIsPostedToTheStubAndItsBodyIsTheResponse() {
    wireMock.stubFor(post(urlEqualTo("/quote")).willReturn(okJson("{\"price\": 12.5}")));
    forward("quote", "/quote");

    InvokeResponse response = invoke("quote", "{\"sku\": \"A-1\"}");

    assertThat(Json.parse(response.payload().asUtf8String()).get("price").asDouble()).isEqualTo(12.5);
    wireMock.verify(postRequestedFor(urlEqualTo("/quote")).withRequestBody(equalToJson("{\"sku\": \"A-1\"}")));
  }

  @Test
  void createFunctionCanPointAtAnUrl() {
    wireMock.stubFor(post(urlEqualTo("/created")).willReturn(okJson("\"created\"")));
    lambda.createFunction(b -> b.functionName("created").runtime(Runtime.PROVIDED_AL2023).handler("x")
        .role("arn:aws:iam::123456789012:role/lambda")
        .code(c -> c.s3Bucket(LambdaStore.HTTP_FORWARD_BUCKET).s3Key(wireMock.baseUrl() + "/created")));

    assertThat(invoke("created", "{}").payload().asUtf8String()).isEqualTo("\"created\"");
  }

  @Test
  void aFunctionErrorHeaderMakesAnUnhandledError() {
    wireMock.stubFor(post(urlEqualTo("/err")).willReturn(okJson("{\"errorType\":\"Boom\",\"errorMessage\":\"x\"}")
        .withHeader("X-Amz-Function-Error", "Unhandled")));
    forward("err", "/err");

    assertThat(invoke("err", "{}").functionError()).isEqualTo("Unhandled");
  }

  @Test
  void aConnectionResetIsALambdaServiceException() {
    wireMock.stubFor(post(urlEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    forward("reset", "/reset");

    assertThatThrownBy(() -> invoke("reset", "{}"))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
  }

  @Test
  void a429FromTheStubIsTooManyRequests() {
    wireMock.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(429)));
    forward("throttled", "/slow");

    assertThatThrownBy(() -> invoke("throttled", "{}")).isInstanceOf(TooManyRequestsException.class);
  }

  @Test
  void aFaultSurfacesInAStateMachineAsLambdaServiceExceptionAndCanBeRetried() {
    wireMock.stubFor(post(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("Started")
        .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("recovered"));
    wireMock.stubFor(post(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(okJson("{\"ok\": true}")));
    forward("flaky", "/flaky");
    String definition = """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "flaky", "Payload": {}},
          "Retry": [{"ErrorEquals": ["Lambda.ServiceException"], "IntervalSeconds": 1, "MaxAttempts": 2}],
          "OutputPath": "$.Payload", "End": true}}}""";

    Execution e = server.world().call(() -> server.world().start(StateMachine.parse(definition), Json.object()));
    Execution done = e.completion().toCompletableFuture().join();

    assertThat(done.output().get("ok").asBoolean()).isTrue();
    assertThat(done.history()).filteredOn(h -> h.type().equals("TaskFailed")).hasSize(1)
        .allSatisfy(h -> assertThat(h.toString()).contains("Lambda.ServiceException"));
  }
}
