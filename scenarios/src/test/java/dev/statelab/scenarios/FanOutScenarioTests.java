package dev.statelab.scenarios;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.statelab.chaos.EdgeFaults;
import dev.statelab.chaos.Faults;
import dev.statelab.engine.Execution;
import dev.statelab.gateway.SdkClients;
import dev.statelab.json.Json;
import dev.statelab.junit.ClockControl;
import dev.statelab.junit.Scenario;
import dev.statelab.junit.StateLab;
import dev.statelab.junit.StateLabTest;
import dev.statelab.junit.StateMachineUnderTest;
import dev.statelab.junit.WorldLifecycle;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * fan-out: a Map with {@code ToleratedFailurePercentage}; the output is checked by JSONPath, the
 * fault DSL fails chosen calls, and WireMock edge faults break the HTTP connection between the
 * SDK client and the gateway.
 */
@StateLabTest(lifecycle = WorldLifecycle.PER_METHOD, seed = 1)
class FanOutScenarioTests {

  private final FanOutScenario scenario = new FanOutScenario();
  private StateMachineUnderTest fanOut;

  @BeforeEach
  void deploy(StateLab lab) {
    scenario.setup(lab.world());
    fanOut = lab.deploy(Scenario.fromClasspath("scenarios/fan-out.asl.json"));
  }

  @Test
  void onePoisonItemInTwentyIsTolerated() {
    Execution batch = fanOut.run(Json.write(scenario.defaultInput()));

    assertThat(batch).succeeded()
        .hasOutputAt("$.results.length()", FanOutScenario.ITEMS)
        .hasOutputAt("$.results[5]", java.util.Map.of("id", 6, "processed", true));
    assertThat(batch.history()).filteredOn(h -> h.type().equals("TaskFailed"))
        .extracting(h -> h.details().get("error").asText()).containsExactly("InvalidItem");
  }

  @Test
  void threePoisonItemsInTwentyFailTheMap() {
    ObjectNode input = (ObjectNode) scenario.defaultInput();
    ((ObjectNode) input.get("items").get(1)).put("poison", true);
    ((ObjectNode) input.get("items").get(2)).put("poison", true);

    assertThat(fanOut.run(Json.write(input))).failedWith("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void transientLambdaErrorsAreRetriedAndDoNotCountAsFailures(StateLab lab) {
    Faults faults = Faults.of(lab.world());
    faults.onFunction("process").onCalls(1, 2, 3, 4, 5).serviceError();

    Execution batch = fanOut.run(Json.write(scenario.defaultInput()));

    assertThat(batch).succeeded();
    assertThat(faults.injected()).hasSize(5);
    assertThat(batch.history()).filteredOn(h -> h.type().equals("TaskFailed"))
        .extracting(h -> h.details().get("error").asText())
        .containsOnly("Lambda.ServiceException", "InvalidItem");
  }

  @Test
  void aConnectionResetOnStartExecutionIsRetriedByTheSdkAndStartsOneBatch(StateLab lab, ClockControl clock) {
    try (EdgeFaults edge = EdgeFaults.start(lab.server());
        SfnClient throughEdge = SdkClients.forEndpoint(edge.endpoint())
            .client(SfnClient.builder(), o -> o.retryStrategy(AwsRetryStrategy.defaultRetryStrategy()))) {
      edge.onTarget("AWSStepFunctions.StartExecution").onCalls(1).fault(Fault.CONNECTION_RESET_BY_PEER);

      String arn = throughEdge.startExecution(b -> b.stateMachineArn(fanOut.arn()).name("nightly")
          .input(Json.write(scenario.defaultInput()))).executionArn();
      clock.runUntilIdle();

      assertThat(edge.injected()).singleElement().satisfies(i -> assertThat(i.call()).isEqualTo(1));
      assertThat(lab.executions()).singleElement().satisfies(e -> assertThat(e.arn()).isEqualTo(arn));
      assertThat(lab.execution(arn)).succeeded();
    }
  }

  @Test
  void withoutSdkRetriesTheResetReachesTheCaller(StateLab lab) {
    // SdkClients turns the SDK's own retries off unless asked, so a test sees every fault.
    try (EdgeFaults edge = EdgeFaults.start(lab.server());
        SfnClient noRetries = SdkClients.forEndpoint(edge.endpoint()).client(SfnClient.builder())) {
      edge.onTarget("AWSStepFunctions.StartExecution").onCalls(1).fault(Fault.CONNECTION_RESET_BY_PEER);
      edge.onTarget("AWSStepFunctions.DescribeStateMachine").delay(Duration.ofMillis(200));

      assertThatThrownBy(() -> noRetries.startExecution(b -> b.stateMachineArn(fanOut.arn()).input("{}")))
          .isInstanceOf(SdkClientException.class);
      assertThat(lab.executions()).isEmpty();
      long started = System.nanoTime();
      noRetries.describeStateMachine(b -> b.stateMachineArn(fanOut.arn()));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
  }
}
