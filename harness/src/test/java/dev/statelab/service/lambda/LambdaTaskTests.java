package dev.statelab.service.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lambda functions called from Task states in an embedded world. */
class LambdaTaskTests {

  private static final String INVOKE = """
      {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName": "%s", "Payload.$": "$"}, "End": true}}}""";

  private World world;
  private LambdaStore store;

  @BeforeEach
  void setUp() {
    world = World.newInstance();
    new LambdaModule().install(world);
    store = LambdaStore.of(world);
  }

  @AfterEach
  void tearDown() {
    store.close();
    world.close();
  }

  private Execution run(String definition, String input) {
    return world.run(StateMachine.parse(definition), Json.parse(input));
  }

  @Test
  void aStateMachineCatchesAPythonFunctionsErrorType() {
    assumeTrue(Zips.available("python3"), "python3 is not installed");
    store.createFromZip("charge", "python3.12", "handler.handler", Zips.python("""
        class CardDeclined(Exception):
            pass

        def handler(event, context):
            raise CardDeclined("card %s declined" % event["card"])
        """), 10, 128, Map.of());
    String definition = """
        {"StartAt": "Charge", "States": {
          "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
            "Catch": [{"ErrorEquals": ["CardDeclined"], "ResultPath": "$.error", "Next": "Declined"}],
            "End": true},
          "Declined": {"Type": "Pass", "End": true}}}""";

    Execution e = run(definition, "{\"card\": \"4242\"}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode error = e.output().get("error");
    assertThat(error.get("Error").asText()).isEqualTo("CardDeclined");
    JsonNode cause = Json.parse(error.get("Cause").asText());
    assertThat(cause.get("errorType").asText()).isEqualTo("CardDeclined");
    assertThat(cause.get("errorMessage").asText()).isEqualTo("card 4242 declined");
  }

  @Test
  void lambdaInvokeWrapsThePayloadInLambdasResponseShape() {
    store.registerJson("double", in -> IntNode.valueOf(in.get("n").asInt() * 2));

    Execution e = run(INVOKE.formatted("double"), "{\"n\": 21}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = e.output();
    assertThat(out.get("Payload").asInt()).isEqualTo(42);
    assertThat(out.get("StatusCode").asInt()).isEqualTo(200);
    assertThat(out.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
    assertThat(out.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
    assertThat(out.at("/SdkHttpMetadata/HttpHeaders/Content-Length").asText()).isEqualTo("2");
    assertThat(out.at("/SdkResponseMetadata/RequestId").asText())
        .isEqualTo(out.at("/SdkHttpMetadata/HttpHeaders/x-amzn-RequestId").asText());
  }

  @Test
  void aFunctionArnReturnsTheBareResult() {
    store.registerJson("greet", in -> Json.text("Hello, " + in.get("name").asText()));
    String definition = """
        {"StartAt": "Greet", "States": {"Greet": {"Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:greet", "End": true}}}""";

    Execution e = run(definition, "{\"name\": \"Ada\"}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output().asText()).isEqualTo("Hello, Ada");
  }

  @Test
  void aMissingFunctionFailsWithLambdaResourceNotFound() {
    Execution e = run(INVOKE.formatted("ghost"), "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("Lambda.ResourceNotFoundException");
    assertThat(e.cause()).startsWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:ghost:$LATEST"
        + " (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ");
  }

  @Test
  void aThrottledFunctionFailsWithLambdaTooManyRequests() {
    store.registerJson("busy", in -> in);
    store.reservedConcurrency("busy", 0);

    Execution e = run(INVOKE.formatted("busy"), "{}");

    assertThat(e.error()).isEqualTo("Lambda.TooManyRequestsException");
    assertThat(e.cause()).contains("Status Code: 429; Error Code: TooManyRequestsException");
  }

  @Test
  void theAccountConcurrencyLimitAlsoThrottles() {
    store.registerJson("any", in -> in);
    store.accountConcurrencyLimit(0);

    Execution e = run(INVOKE.formatted("any"), "{}");

    assertThat(e.error()).isEqualTo("Lambda.TooManyRequestsException");
  }

  @Test
  void aTimedOutFunctionFailsWithLambdaUnknown() {
    store.register("slow", (event, context) -> {
      Thread.sleep(10_000);
      return event;
    }, 1, 128);

    Execution e = run(INVOKE.formatted("slow"), "{}");

    assertThat(e.error()).isEqualTo("Lambda.Unknown");
    assertThat(e.cause()).contains("Task timed out after 1.00 seconds");
  }

  @Test
  void aJavaExceptionIsNamedByItsClass() {
    store.register("strict", (event, context) -> {
      throw new IllegalStateException("not ready");
    });

    Execution e = run(INVOKE.formatted("strict"), "{}");

    assertThat(e.error()).isEqualTo("java.lang.IllegalStateException");
    assertThat(Json.parse(e.cause()).get("errorMessage").asText()).isEqualTo("not ready");
  }

  @Test
  void functionsRegisteredOnIntegrationsStillAnswerFirst() {
    world.integrations().function("legacy", in -> Json.text("from Integrations"));

    Execution e = run(INVOKE.formatted("legacy"), "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output().get("Payload").asText()).isEqualTo("from Integrations");
  }

  @Test
  void anAwsLambdaJavaCoreRequestHandlerRuns() {
    store.register("upper", JavaHandlers.of(
        (com.amazonaws.services.lambda.runtime.RequestHandler<Map<String, Object>, String>)
            (in, context) -> String.valueOf(in.get("word")).toUpperCase() + "@" + context.getFunctionName(),
        castMap()));

    Execution e = run(INVOKE.formatted("upper"), "{\"word\": \"quiet\"}");

    assertThat(e.output().get("Payload").asText()).isEqualTo("QUIET@upper");
  }

  @SuppressWarnings("unchecked")
  private static Class<Map<String, Object>> castMap() {
    return (Class<Map<String, Object>>) (Class<?>) Map.class;
  }
}
