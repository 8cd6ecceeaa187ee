package dev.statelab.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.gateway.FakeServices.FakeLambda;
import dev.statelab.gateway.FakeServices.FakeStepFunctions;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/** The gateway as the real AWS SDK for Java v2 sees it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GatewaySdkTests {

  private static final FakeStepFunctions STATES = new FakeStepFunctions();
  private static final FakeLambda LAMBDA = new FakeLambda();
  private static Gateway gateway;
  private static SfnClient sfn;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() {
    gateway = Gateway.start(GatewayOptions.newBuilder().threads(2).build(), STATES, LAMBDA,
        FakeServices.batch());
    sfn = gateway.clients().client(SfnClient.builder());
    lambda = gateway.clients().client(LambdaClient.builder());
  }

  @AfterAll
  static void stop() {
    sfn.close();
    lambda.close();
    gateway.close();
  }

  @Test
  void listStateMachinesReturnsTheHandlersBody() {
    ListStateMachinesResponse response = sfn.listStateMachines(r -> { });

    assertThat(response.stateMachines()).hasSize(1);
    assertThat(response.stateMachines().get(0).name()).isEqualTo("hello");
    assertThat(response.stateMachines().get(0).stateMachineArn())
        .isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:hello");
    assertThat(response.stateMachines().get(0).creationDate().toEpochMilli())
        .isEqualTo(1714643996180L);
    assertThat(response.sdkHttpResponse().firstMatchingHeader("x-amzn-RequestId")).isPresent();
  }

  @Test
  void handlerErrorSurfacesAsTheModeledSdkException() {
    assertThatThrownBy(() -> sfn.describeStateMachine(DescribeStateMachineRequest.builder()
        .stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:missing").build()))
        .isInstanceOfSatisfying(StateMachineDoesNotExistException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("StateMachineDoesNotExist");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
              "State Machine Does Not Exist: "
                  + "'arn:aws:states:us-east-1:123456789012:stateMachine:missing'");
          assertThat(e.retryable()).isFalse();
          assertThat(e.requestId()).isNotBlank();
        });
  }

  @Test
  void namespacedErrorCodeMapsToTheSameModeledException() {
    assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn(
        "arn:aws:states:us-east-1:123456789012:stateMachine:namespaced")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void regionComesFromTheCredentialScope() {
    try (SfnClient frankfurt = gateway.clients().withRegion("eu-central-1")
        .client(SfnClient.builder())) {
      ListStateMachinesResponse response = frankfurt.listStateMachines(r -> { });

      assertThat(response.stateMachines().get(0).stateMachineArn())
          .startsWith("arn:aws:states:eu-central-1:123456789012:");
      assertThat(STATES.lastRequest.get().accessKeyId()).contains("test");
    }
  }

  @Test
  void startSyncExecutionReachesTheServiceWithHostPrefixInjectionDisabled() {
    StartSyncExecutionResponse response = sfn.startSyncExecution(r -> r
        .stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:hello")
        .input("{\"a\":1}"));

    assertThat(response.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(response.output()).isEqualTo("{\"a\":1}");
    assertThat(STATES.lastRequest.get().operation()).isEqualTo("StartSyncExecution");
  }

  @Test
  void oversizeRequestIs413RequestEntityTooLargeAndTheClientStaysUsable() {
    String input = "{\"big\":\"" + "x".repeat(1024 * 1024) + "\"}";

    assertThatThrownBy(() -> sfn.startExecution(r -> r
        .stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:hello")
        .input(input)))
        .isInstanceOfSatisfying(SfnException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(413);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
          assertThat(e.awsErrorDetails().errorMessage())
              .isEqualTo("Request must be smaller than 1048576 bytes for the StartExecution "
                  + "operation");
        });
    assertThat(sfn.listStateMachines(r -> { }).stateMachines()).hasSize(1);
  }

  @Test
  void handlerCrashIs500InternalFailureLoggedOnce() {
    Logger julLogger = Logger.getLogger(Gateway.class.getName());
    List<LogRecord> records = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (records) {
          records.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    boolean parents = julLogger.getUseParentHandlers();
    julLogger.addHandler(capture);
    julLogger.setUseParentHandlers(false);
    try {
      assertThatThrownBy(() -> sfn.deleteStateMachine(r -> r.stateMachineArn(
          "arn:aws:states:us-east-1:123456789012:stateMachine:hello")))
          .isInstanceOfSatisfying(SfnException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
            assertThat(e.awsErrorDetails().errorMessage())
                .contains("AWSStepFunctions.DeleteStateMachine")
                .contains("IllegalStateException: boom")
                .doesNotContain("\tat ");
          });
    } finally {
      julLogger.removeHandler(capture);
      julLogger.setUseParentHandlers(parents);
    }
    synchronized (records) {
      assertThat(records).hasSize(1);
      assertThat(records.get(0).getLevel()).isEqualTo(Level.SEVERE);
      assertThat(records.get(0).getThrown()).hasMessage("boom");
    }
  }

  @Test
  void asyncHandlerAnswersLaterWithoutHoldingAGatewayThread() throws Exception {
    try (Gateway single = Gateway.start(GatewayOptions.newBuilder().threads(1).build(),
            new FakeStepFunctions());
        SfnClient client = single.clients().client(SfnClient.builder())) {
      FakeStepFunctions service = (FakeStepFunctions) single.services().get(0);
      CompletableFuture<GetActivityTaskResponse> poll = CompletableFuture.supplyAsync(() ->
          client.getActivityTask(r -> r.activityArn(
              "arn:aws:states:us-east-1:123456789012:activity:work")));
      CompletableFuture<AwsResponse> pending = service.pendingPolls.poll(10, TimeUnit.SECONDS);
      assertThat(pending).as("the long poll reached the service").isNotNull();

      // The only gateway thread is free: another call is answered while the poll waits.
      assertThat(client.listStateMachines(r -> { }).stateMachines()).hasSize(1);
      assertThat(poll).isNotDone();

      pending.complete(AwsResponse.ok(Json.object().put("taskToken", "t-1").put("input", "{}")));
      assertThat(poll.get(10, TimeUnit.SECONDS).taskToken()).isEqualTo("t-1");
    }
  }

  @Test
  void asyncHandlerFailureWithAwsErrorIsRenderedAsThatError() throws Exception {
    try (Gateway single = Gateway.start(GatewayOptions.defaults(), new FakeStepFunctions());
        SfnClient client = single.clients().client(SfnClient.builder(),
            o -> o.apiCallTimeout(Duration.ofSeconds(10)))) {
      FakeStepFunctions service = (FakeStepFunctions) single.services().get(0);
      CompletableFuture<GetActivityTaskResponse> poll = CompletableFuture.supplyAsync(() ->
          client.getActivityTask(r -> r.activityArn(
              "arn:aws:states:us-east-1:123456789012:activity:gone")));
      CompletableFuture<AwsResponse> pending = service.pendingPolls.poll(10, TimeUnit.SECONDS);
      assertThat(pending).isNotNull();

      pending.completeExceptionally(new AwsServiceException("ActivityDoesNotExist",
          "Activity Does Not Exist: 'gone'"));

      assertThatThrownBy(() -> poll.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ActivityDoesNotExistException.class);
    }
  }

  @Test
  void lambdaInvokeIsRoutedByPathWithTheFunctionArnDecoded() {
    String arn = "arn:aws:lambda:us-east-1:123456789012:function:echo";
    InvokeResponse response = lambda.invoke(r -> r.functionName(arn)
        .payload(SdkBytes.fromUtf8String("{\"x\":[1,2]}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.payload().asUtf8String()).isEqualTo("{\"x\":[1,2]}");
    assertThat(response.executedVersion()).isEqualTo("$LATEST");
    assertThat(response.functionError()).isNull();
    AwsRequest seen = LAMBDA.lastRequest.get();
    assertThat(seen.operation()).isEqualTo("Invoke");
    assertThat(seen.pathParam("FunctionName")).isEqualTo(arn);
    assertThat(seen.path()).contains("arn%3Aaws%3Alambda");
  }

  @Test
  void lambdaFunctionErrorIsAHeaderNotAnException() {
    InvokeResponse response = lambda.invoke(r -> r.functionName("fails")
        .payload(SdkBytes.fromUtf8String("{}")));

    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(response.payload().asString(StandardCharsets.UTF_8)).contains("errorMessage");
  }

  @Test
  void restErrorReachesTheSdkThroughTheErrorTypeHeader() {
    assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("missing")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class, e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                  "Function not found: missing");
            });
  }

  @Test
  void restServiceMayRaiseItsOwnSizeLimit() {
    String payload = "\"" + "y".repeat(2 * 1024 * 1024) + "\"";

    InvokeResponse response = lambda.invoke(r -> r.functionName("echo")
        .payload(SdkBytes.fromUtf8String(payload)));

    assertThat(response.payload().asByteArray()).hasSize(payload.length());
  }
}
