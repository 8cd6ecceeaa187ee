package dev.statelab.service.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** The Lambda API through a real SDK v2 client against a StateLab server. */
class LambdaApiTests {

  private static StateLabServer server;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() {
    server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build()),
        GatewayOptions.defaults());
    lambda = server.clients().client(LambdaClient.builder());
  }

  @AfterAll
  static void stop() {
    lambda.close();
    LambdaStore.of(server.world()).close();
    server.close();
  }

  private static CreateFunctionResponse createPython(String name, String source, int timeout, Map<String, String> env) {
    assumeTrue(Zips.available("python3"), "python3 is not installed");
    return lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("handler.handler")
        .role("arn:aws:iam::123456789012:role/lambda").timeout(timeout)
        .environment(e -> e.variables(env))
        .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.python(source)))));
  }

  private static InvokeResponse invoke(String name, String payload) {
    return lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
  }

  @Test
  void createsAndInvokesAPythonZipFunction() {
    createPython("adder", """
        def handler(event, context):
            return {"sum": event["a"] + event["b"], "name": context.function_name,
                    "memory": context.memory_limit_in_mb, "requestId": context.aws_request_id,
                    "hasTime": context.get_remaining_time_in_millis() > 0}
        """, 10, Map.of());

    InvokeResponse response = invoke("adder", "{\"a\": 2, \"b\": 3}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isNull();
    assertThat(response.executedVersion()).isEqualTo("$LATEST");
    JsonNode out = Json.parse(response.payload().asUtf8String());
    assertThat(out.get("sum").asInt()).isEqualTo(5);
    assertThat(out.get("name").asText()).isEqualTo("adder");
    assertThat(out.get("memory").asText()).isEqualTo("128");
    assertThat(out.get("requestId").asText()).isNotBlank();
    assertThat(out.get("hasTime").asBoolean()).isTrue();
  }

  @Test
  void aPythonExceptionComesBackAsAnUnhandledErrorPayload() {
    createPython("raiser", """
        class OrderRejected(Exception):
            pass

        def handler(event, context):
            raise OrderRejected("order 7 has no items")
        """, 10, Map.of());

    InvokeResponse response = invoke("raiser", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    JsonNode error = Json.parse(response.payload().asUtf8String());
    assertThat(error.get("errorType").asText()).isEqualTo("OrderRejected");
    assertThat(error.get("errorMessage").asText()).isEqualTo("order 7 has no items");
    assertThat(error.get("stackTrace").get(0).asText()).contains("handler.py").contains("raise OrderRejected");
  }

  @Test
  void aFunctionPastItsTimeoutIsKilledAndReportedAsAwsDoes() {
    createPython("sleeper", """
        import time

        def handler(event, context):
            time.sleep(30)
            return "never"
        """, 1, Map.of());

    long start = System.nanoTime();
    InvokeResponse response = invoke("sleeper", "{}");

    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(Json.parse(response.payload().asUtf8String()).get("errorMessage").asText())
        .endsWith("Task timed out after 1.00 seconds");
  }

  @Test
  void environmentVariablesReachTheFunction() {
    createPython("greeter", """
        import os

        def handler(event, context):
            return os.environ["GREETING"] + ", " + event["name"] + " from " + os.environ["AWS_LAMBDA_FUNCTION_NAME"]
        """, 10, Map.of("GREETING", "Hello"));

    InvokeResponse response = invoke("greeter", "{\"name\": \"Ada\"}");

    assertThat(Json.parse(response.payload().asUtf8String()).asText()).isEqualTo("Hello, Ada from greeter");
  }

  @Test
  void logTypeTailReturnsTheLastLogLines() {
    createPython("chatty", "def handler(event, context):\n    print('reserving stock')\n    return 1\n", 10, Map.of());

    InvokeResponse response = lambda.invoke(b -> b.functionName("chatty").logType(LogType.TAIL)
        .payload(SdkBytes.fromUtf8String("{}")));

    String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    assertThat(log).startsWith("START RequestId: ").contains("reserving stock\n").contains("REPORT RequestId: ")
        .contains("Memory Size: 128 MB");
  }

  @Test
  void aResponseOverSixMegabytesIsAFunctionError() {
    LambdaStore.of(server.world()).register("huge", (event, context) -> new byte[7 * 1024 * 1024]);

    InvokeResponse response = invoke("huge", "{}");

    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(Json.parse(response.payload().asUtf8String()).get("errorType").asText())
        .isEqualTo("Function.ResponseSizeTooLarge");
  }

  @Test
  void reservedConcurrencyThrottlesWith429() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    LambdaStore store = LambdaStore.of(server.world());
    store.register("blocker", (event, context) -> {
      release.await(20, TimeUnit.SECONDS);
      return event;
    }, 30, 128);
    lambda.putFunctionConcurrency(b -> b.functionName("blocker").reservedConcurrentExecutions(1));
    CompletableFuture<InvokeResponse> first = CompletableFuture.supplyAsync(() -> invoke("blocker", "{\"n\":1}"));
    long deadline = System.currentTimeMillis() + 10_000;
    while (store.inFlight() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }

    assertThatThrownBy(() -> invoke("blocker", "{\"n\":2}"))
        .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
    release.countDown();
    assertThat(first.get(20, TimeUnit.SECONDS).payload().asUtf8String()).isEqualTo("{\"n\":1}");
  }

  @Test
  void anUnknownFunctionIsResourceNotFound404() {
    assertThatThrownBy(() -> invoke("nobody", "{}"))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorMessage()).contains("function:nobody");
        });
  }

  @Test
  void eventInvocationsReturn202AndDryRuns204() {
    LambdaStore.of(server.world()).registerJson("quiet", in -> in);

    InvokeResponse event = lambda.invoke(b -> b.functionName("quiet").invocationType(InvocationType.EVENT)
        .payload(SdkBytes.fromUtf8String("{}")));
    InvokeResponse dryRun = lambda.invoke(b -> b.functionName("quiet").invocationType(InvocationType.DRY_RUN));

    assertThat(event.statusCode()).isEqualTo(202);
    assertThat(dryRun.statusCode()).isEqualTo(204);
  }

  @Test
  void getListUpdateAndDeleteAFunction() {
    createPython("versioned", "def handler(event, context):\n    return 'v1'\n", 3, Map.of());

    lambda.updateFunctionConfiguration(b -> b.functionName("versioned").timeout(12).memorySize(256)
        .environment(e -> e.variables(Map.of("MODE", "blue"))));
    lambda.updateFunctionCode(b -> b.functionName("versioned")
        .zipFile(SdkBytes.fromByteArray(Zips.python("def handler(event, context):\n    return 'v2'\n"))));
    FunctionConfiguration config = lambda.getFunction(b -> b.functionName("versioned")).configuration();

    assertThat(config.timeout()).isEqualTo(12);
    assertThat(config.memorySize()).isEqualTo(256);
    assertThat(config.environment().variables()).containsEntry("MODE", "blue");
    assertThat(config.functionArn()).isEqualTo(
        "arn:aws:lambda:" + server.region() + ":" + server.accountId() + ":function:versioned");
    assertThat(invoke("versioned", "{}").payload().asString(StandardCharsets.UTF_8)).isEqualTo("\"v2\"");
    assertThat(lambda.listFunctions().functions()).extracting(FunctionConfiguration::functionName)
        .contains("versioned");

    lambda.deleteFunction(b -> b.functionName("versioned"));

    assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("versioned")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void createsAndInvokesANodeFunction() {
    assumeTrue(Zips.available("node"), "node is not installed");
    lambda.createFunction(b -> b.functionName("node-doubler").runtime(Runtime.NODEJS20_X).handler("index.handler")
        .role("arn:aws:iam::123456789012:role/lambda").timeout(10)
        .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.of(Map.of("index.js",
            "exports.handler = async (event, context) => ({doubled: event.n * 2, name: context.functionName});"))))));

    JsonNode out = Json.parse(invoke("node-doubler", "{\"n\": 21}").payload().asUtf8String());

    assertThat(out.get("doubled").asInt()).isEqualTo(42);
    assertThat(out.get("name").asText()).isEqualTo("node-doubler");
  }
}
