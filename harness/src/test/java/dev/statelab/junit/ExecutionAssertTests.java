package dev.statelab.junit;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.service.lambda.LambdaFunctionException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each assertion passes on a matching execution and fails with a readable message otherwise. */
@StateLabTest(seed = 5)
class ExecutionAssertTests {

  static Execution ok;
  static Execution boom;
  static Execution recovered;
  static Execution waiting;

  @BeforeAll
  static void runExecutions(StateLab lab, ClockControl clock) {
    lab.function("flaky", event -> {
      throw new LambdaFunctionException("Flaky", "always down");
    });
    ok = lab.deploy(Scenario.ofDefinition("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Result": {"n": 1, "s": "x", "list": [1, 2]}, "Next": "B"},
          "B": {"Type": "Wait", "Seconds": 30, "Next": "C"},
          "C": {"Type": "Succeed"}}}""").named("ok")).run("{}");
    boom = lab.deploy(Scenario.ofDefinition("""
        {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Boom", "Cause": "it broke"}}}""")
        .named("boom")).run("{}");
    recovered = lab.deploy(Scenario.ofDefinition("""
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "flaky"},
            "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 1, "MaxAttempts": 2, "BackoffRate": 3}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recover"}],
            "End": true},
          "Recover": {"Type": "Pass", "End": true}}}""").named("recovered")).run("{}");
    waiting = lab.deploy(Scenario.ofDefinition("""
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 600, "End": true}}}""")
        .named("waiting")).start("{}");
    clock.advance(Duration.ofSeconds(1));
  }

  @Test
  void statusAssertions() {
    assertThat(ok).succeeded().hasStatus(ExecutionStatus.SUCCEEDED);
    assertThat(waiting).isRunning();
    assertThatThrownBy(() -> assertThat(boom).succeeded())
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected execution " + boom.name() + " (FAILED, error Boom, cause it broke;"
            + " states entered [F]) to be SUCCEEDED");
  }

  @Test
  void errorAndCauseAssertions() {
    assertThat(boom).failedWith("Boom").hasCause("it broke").hasCauseContaining("broke");
    assertThatThrownBy(() -> assertThat(boom).hasError("Other"))
        .hasMessageStartingWith("Expected error <Other> but execution " + boom.name() + " (FAILED, error Boom");
    assertThatThrownBy(() -> assertThat(boom).hasCause("fine"))
        .hasMessageStartingWith("Expected cause <fine> but was <it broke> in execution");
    assertThatThrownBy(() -> assertThat(boom).hasCauseContaining("fine"))
        .hasMessageStartingWith("Expected a cause containing <fine> but was <it broke>");
  }

  @Test
  void outputAssertionsCompareJsonValues() {
    assertThat(ok).hasOutput("{\"list\": [1, 2.0], \"s\": \"x\", \"n\": 1}");
    assertThatThrownBy(() -> assertThat(ok).hasOutput("{\"n\": 2}"))
        .hasMessageStartingWith(String.format("Expected output%n  {\"n\":2}%nbut was%n  {\"n\":1,\"s\":\"x\",\"list\":[1,2]}"));
  }

  @Test
  void jsonPathAssertionsReadOneValue() {
    assertThat(ok).hasOutputAt("$.n", 1).hasOutputAt("$.s", "x").hasOutputAt("$.list[1]", 2L)
        .hasOutputAt("$.list", java.util.List.of(1, 2));
    assertThatThrownBy(() -> assertThat(ok).hasOutputAt("$.s", "y"))
        .hasMessageStartingWith("Expected output at $.s to be <\"y\"> but was <\"x\">");
    assertThatThrownBy(() -> assertThat(ok).hasOutputAt("$.missing", 1))
        .hasMessageStartingWith("Expected output at $.missing to be <1> but the path is missing");
  }

  @Test
  void statesVisitedAssertions() {
    assertThat(ok).visitedStates("A", "B", "C").visitedStatesInOrder("A", "C");
    assertThatThrownBy(() -> assertThat(ok).visitedStates("A", "C"))
        .hasMessageStartingWith("Expected states entered [A, C] but were [A, B, C]");
    assertThatThrownBy(() -> assertThat(ok).visitedStatesInOrder("C", "A"))
        .hasMessage("Expected states [C, A] to be entered in this order, but <A> was not entered after [C];"
            + " states entered [A, B, C]");
  }

  @Test
  void retryAssertionsCountAttemptsAndTimeTheirDelays() {
    assertThat(recovered).hasRetryCount("Call", 2)
        .hasRetryDelays("Call", Duration.ofSeconds(1), Duration.ofSeconds(3));
    assertThatThrownBy(() -> assertThat(recovered).hasRetryCount("Call", 1))
        .hasMessageStartingWith("Expected state <Call> to retry 1 time(s) but it made 3 attempt(s)");
    assertThatThrownBy(() -> assertThat(recovered).hasRetryDelays("Call", Duration.ofSeconds(1)))
        .hasMessage("Expected the retries of <Call> to wait [PT1S] but they waited [PT1S, PT3S]");
    assertThatThrownBy(() -> assertThat(ok).hasRetryCount("A", 0))
        .hasMessageStartingWith("Expected state <A> to have made attempts but it scheduled no task");
  }

  @Test
  void catchAssertionsNameTheErrorAndTheNextState() {
    assertThat(recovered).succeeded().tookCatch("Call", "Flaky", "Recover");
    assertThatThrownBy(() -> assertThat(recovered).tookCatch("Call", "Other", "Recover"))
        .hasMessageStartingWith("Expected state <Call> to fail with <Other> and be caught, but its last"
            + " attempt failed with <Flaky>");
    assertThatThrownBy(() -> assertThat(recovered).tookCatch("Call", "Flaky", "Elsewhere"))
        .hasMessageStartingWith("Expected a Catch of <Flaky> on <Call> to go to <Elsewhere> but the next"
            + " state entered was <Recover>");
  }

  @Test
  void durationAndTransitionAssertionsUseWorldTime() {
    assertThat(ok).ranFor(Duration.ofSeconds(30)).hasTransitions(3);
    assertThatThrownBy(() -> assertThat(ok).ranFor(Duration.ofSeconds(31)))
        .hasMessageEndingWith("to run for PT31S of world time but it ran for PT30S");
    assertThatThrownBy(() -> assertThat(waiting).ranFor(Duration.ofSeconds(1)))
        .hasMessageEndingWith("but it is still running");
    assertThatThrownBy(() -> assertThat(ok).hasTransitions(4))
        .hasMessageStartingWith("Expected 4 state transitions but execution " + ok.name())
        .hasMessageEndingWith(" made 3");
  }
}
