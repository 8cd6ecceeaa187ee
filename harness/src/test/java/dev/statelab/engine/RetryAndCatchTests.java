package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.FUNCTION_ARN;
import static dev.statelab.engine.EngineTesting.events;
import static dev.statelab.engine.EngineTesting.gapsBetween;
import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.run;
import static dev.statelab.engine.EngineTesting.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.asl.errors.StatesError;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retry and Catch on the virtual clock. Delays are read from the history: a retried Lambda task
 * shows a fresh LambdaFunctionScheduled per attempt, so the gaps between those events are the
 * retry delays.
 */
class RetryAndCatchTests {

  private static final String ATTEMPT = "LambdaFunctionScheduled";

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  /** Registers {@code Script}: it fails with each given error in turn, then returns {"ok":true}. */
  private void script(World target, String... errors) {
    Deque<String> queue = new ArrayDeque<>(Arrays.asList(errors));
    target.integrations().function("Script", in -> {
      String next = queue.poll();
      if (next != null) {
        throw new StatesError(next, "cause of " + next);
      }
      return json("{\"ok\":true}");
    });
  }

  /**
   * A single Script task with the given Retry and Catch fields, followed by Done; the catchers may
   * lead to Handler (a Pass) or Other (a Pass with result "other"), which exist only when used.
   */
  private static String task(String retryAndCatch) {
    String handler = retryAndCatch.contains("\"Handler\"") ? "\"Handler\":{\"Type\":\"Pass\",\"End\":true}," : "";
    String other = retryAndCatch.contains("\"Other\"")
        ? "\"Other\":{\"Type\":\"Pass\",\"Result\":\"other\",\"End\":true}," : "";
    return """
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%sScript",%s"Next":"Done"},%s%s
          "Done":{"Type":"Pass","End":true}}}""".formatted(FUNCTION_ARN, retryAndCatch, handler, other);
  }

  private static List<Duration> seconds(double... values) {
    return Arrays.stream(values).mapToObj(v -> Duration.ofMillis(Math.round(v * 1000))).toList();
  }

  @Test
  void intervalAndBackoffRateSetTheDelayBeforeEachRetry() {
    script(world, "E", "E", "E");

    Execution e = run(world, task("""
        "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":3,"BackoffRate":1.5,"MaxAttempts":2}],"""), "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("E");
    assertThat(gapsBetween(e, ATTEMPT)).isEqualTo(seconds(3, 4.5));
  }

  @Test
  void aRetrySucceedsWhenALaterAttemptSucceeds() {
    script(world, "E", "E");

    Execution e = run(world, task("""
        "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":2,"MaxAttempts":3}],"""), "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("{\"ok\":true}"));
    assertThat(gapsBetween(e, ATTEMPT)).isEqualTo(seconds(2, 4));
    assertThat(types(e)).containsSubsequence(
        "LambdaFunctionFailed", ATTEMPT, "LambdaFunctionStarted", "LambdaFunctionFailed", ATTEMPT,
        "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited");
  }

  @Test
  void defaultsAreOneSecondBackoffTwoAndThreeAttempts() {
    script(world, "E", "E", "E", "E", "E");

    Execution e = run(world, task("\"Retry\":[{\"ErrorEquals\":[\"E\"]}],"), "{}");

    assertThat(gapsBetween(e, ATTEMPT)).isEqualTo(seconds(1, 2, 4));
  }

  @Test
  void maxDelaySecondsCapsEachDelay() {
    script(world, "E", "E", "E", "E", "E");

    Execution e = run(world, task("""
        "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":10,"BackoffRate":3,"MaxAttempts":4,"MaxDelaySeconds":50}],"""),
        "{}");

    assertThat(gapsBetween(e, ATTEMPT)).isEqualTo(seconds(10, 30, 50, 50));
  }

  @Test
  void maxAttemptsZeroNeverRetries() {
    script(world, "E", "E");

    Execution e = run(world, task("\"Retry\":[{\"ErrorEquals\":[\"E\"],\"MaxAttempts\":0}],"), "{}");

    assertThat(e.error()).isEqualTo("E");
    assertThat(events(e, ATTEMPT)).hasSize(1);
  }

  @Test
  void aRetryIsCountedAsAStateTransition() {
    script(world, "E", "E");

    Execution e = run(world, task("\"Retry\":[{\"ErrorEquals\":[\"E\"]}],"), "{}");

    assertThat(e.transitions()).isEqualTo(4);
  }

  @Test
  void onlyTheFirstMatchingRetrierIsConsultedEvenWhenItIsExhausted() {
    script(world, "ErrorA", "ErrorA", "ErrorA");

    Execution e = run(world, task("""
        "Retry":[{"ErrorEquals":["ErrorA"],"MaxAttempts":1},{"ErrorEquals":["States.ALL"],"MaxAttempts":5}],"""), "{}");

    assertThat(e.error()).isEqualTo("ErrorA");
    assertThat(events(e, ATTEMPT)).hasSize(2);
  }

  @Test
  void aNonMatchingRetrierIsSkipped() {
    script(world, "ErrorB");

    Execution e = run(world, task("""
        "Retry":[{"ErrorEquals":["ErrorA"],"IntervalSeconds":9},{"ErrorEquals":["ErrorB"],"IntervalSeconds":4}],"""), "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(gapsBetween(e, ATTEMPT)).isEqualTo(seconds(4));
  }

  @Test
  void retrierCountersPersistAcrossDifferentErrorsAsInTheAwsDocumentationExample() {
    script(world, "ErrorA", "ErrorB", "ErrorC", "ErrorB");

    Execution e = run(world, task("""
        "Retry":[{"ErrorEquals":["ErrorA","ErrorB"],"IntervalSeconds":1,"BackoffRate":2.0,"MaxAttempts":2},
                 {"ErrorEquals":["ErrorC"],"IntervalSeconds":5}],"""), "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("ErrorB");
    assertThat(gapsBetween(e, ATTEMPT)).isEqualTo(seconds(1, 2, 5));
  }

  @Test
  void retrierCountersPersistAcrossErrorsThenTheCatcherTakesOver() {
    script(world, "ErrorA", "ErrorB", "ErrorC", "ErrorB", "ErrorB");

    Execution e = run(world, task("""
        "Retry":[{"ErrorEquals":["ErrorA","ErrorB"],"IntervalSeconds":1,"BackoffRate":2.0,"MaxAttempts":3},
                 {"ErrorEquals":["ErrorC"],"IntervalSeconds":5}],
        "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handler"}],"""), "{}");

    assertThat(gapsBetween(e, ATTEMPT)).isEqualTo(seconds(1, 2, 5, 4));
    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("{\"Error\":\"ErrorB\",\"Cause\":\"cause of ErrorB\"}"));
  }

  @Test
  void retrierCountersResetWhenTheStateIsEnteredAgain() {
    AtomicInteger calls = new AtomicInteger();
    world.integrations().function("EveryOther", in -> {
      if (calls.incrementAndGet() % 2 == 1) {
        throw new StatesError("E", "odd call");
      }
      return json("{}");
    });

    Execution e = run(world, """
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%sEveryOther","ResultPath":null,
            "Retry":[{"ErrorEquals":["E"],"MaxAttempts":1}],"Next":"Count"},
          "Count":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)"},"Next":"Again"},
          "Again":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThan":2,"Next":"T"}],"Default":"Done"},
          "Done":{"Type":"Succeed"}}}""".formatted(FUNCTION_ARN), "{\"n\":0}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(events(e, ATTEMPT)).hasSize(4);
    assertThat(events(e, "LambdaFunctionFailed")).hasSize(2);
  }

  @Test
  void fullJitterKeepsEachDelayWithinZeroAndTheBackoff() {
    script(world, "E", "E", "E", "E");

    Execution e = run(world, task("""
        "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":10,"BackoffRate":2,"MaxAttempts":3,"JitterStrategy":"FULL"}],"""),
        "{}");

    List<Duration> gaps = gapsBetween(e, ATTEMPT);
    assertThat(gaps).hasSize(3);
    assertThat(gaps.get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(10));
    assertThat(gaps.get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(20));
    assertThat(gaps.get(2)).isBetween(Duration.ZERO, Duration.ofSeconds(40));
    assertThat(gaps).isNotEqualTo(seconds(10, 20, 40));
  }

  @Test
  void fullJitterIsCappedByMaxDelaySeconds() {
    script(world, "E", "E", "E", "E", "E", "E");

    Execution e = run(world, task("""
        "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":3,"BackoffRate":2,"MaxAttempts":5,"MaxDelaySeconds":5,
                  "JitterStrategy":"FULL"}],"""), "{}");

    assertThat(gapsBetween(e, ATTEMPT)).hasSize(5).allSatisfy(
        gap -> assertThat(gap).isBetween(Duration.ZERO, Duration.ofSeconds(5)));
  }

  @Test
  void fullJitterDelaysAreTheSameForTheSameSeedAndDifferForAnother() {
    String definition = task("""
        "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":10,"BackoffRate":2,"MaxAttempts":3,"JitterStrategy":"FULL"}],""");

    List<Duration> first = jitteredGaps(definition, 11);
    List<Duration> again = jitteredGaps(definition, 11);
    List<Duration> otherSeed = jitteredGaps(definition, 12);

    assertThat(first).hasSize(3).isEqualTo(again);
    assertThat(otherSeed).hasSize(3).isNotEqualTo(first);
  }

  private List<Duration> jitteredGaps(String definition, long seed) {
    try (World w = EngineTesting.newWorld(seed)) {
      script(w, "E", "E", "E", "E");
      return gapsBetween(run(w, definition, "{}"), ATTEMPT);
    }
  }

  @Test
  void jitterNoneUsesTheExactBackoff() {
    script(world, "E", "E");

    Execution e = run(world, task("""
        "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":2,"MaxAttempts":2,"JitterStrategy":"NONE"}],"""), "{}");

    assertThat(gapsBetween(e, ATTEMPT)).isEqualTo(seconds(2, 4));
  }

  @Test
  void catchAllCatchesACustomError() {
    script(world, "Custom.Error");

    Execution e = run(world, task("\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Handler\"}],"), "{\"in\":1}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("{\"Error\":\"Custom.Error\",\"Cause\":\"cause of Custom.Error\"}"));
    assertThat(types(e)).containsSubsequence("LambdaFunctionFailed", "TaskStateExited", "PassStateEntered");
    assertThat(EngineTesting.entered(e, "Handler").details().get("input"))
        .isEqualTo(json("{\"Error\":\"Custom.Error\",\"Cause\":\"cause of Custom.Error\"}"));
  }

  @Test
  void taskFailedMatchesAnErrorRaisedByTheTask() {
    script(world, "Exception");

    Execution e = run(world, task("""
        "Catch":[{"ErrorEquals":["Lambda.Unknown"],"Next":"Other"},{"ErrorEquals":["States.TaskFailed"],"Next":"Handler"}],"""),
        "{}");

    assertThat(e.output().get("Error").asText()).isEqualTo("Exception");
    assertThat(EngineTesting.entered(e, "Handler")).isNotNull();
  }

  @Test
  void taskFailedDoesNotMatchStatesTimeout() {
    world.integrations().function("Notify", in -> json("{}"));

    Execution e = run(world, """
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","TimeoutSeconds":5,
            "Parameters":{"FunctionName":"Notify","Payload":{"t.$":"$$.Task.Token"}},
            "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Handler"},{"ErrorEquals":["States.ALL"],"Next":"Other"}],
            "End":true},
          "Handler":{"Type":"Pass","End":true},
          "Other":{"Type":"Pass","Result":"other","End":true}}}""", "{}");

    assertThat(e.output()).isEqualTo(json("\"other\""));
  }

  @Test
  void theFirstMatchingCatcherWins() {
    script(world, "ErrorB");

    Execution e = run(world, task("""
        "Catch":[{"ErrorEquals":["ErrorA"],"Next":"Done"},{"ErrorEquals":["ErrorB"],"Next":"Other"},
                 {"ErrorEquals":["States.ALL"],"Next":"Handler"}],"""), "{}");

    assertThat(e.output()).isEqualTo(json("\"other\""));
  }

  @Test
  void catchResultPathPlacesTheErrorIntoTheInput() {
    script(world, "E");

    Execution e = run(world, task("\"Catch\":[{\"ErrorEquals\":[\"E\"],\"ResultPath\":\"$.error\",\"Next\":\"Handler\"}],"),
        "{\"in\":1}");

    assertThat(e.output()).isEqualTo(json("{\"in\":1,\"error\":{\"Error\":\"E\",\"Cause\":\"cause of E\"}}"));
  }

  @Test
  void catchResultPathNullKeepsTheInput() {
    script(world, "E");

    Execution e = run(world, task("\"Catch\":[{\"ErrorEquals\":[\"E\"],\"ResultPath\":null,\"Next\":\"Handler\"}],"),
        "{\"in\":1}");

    assertThat(e.output()).isEqualTo(json("{\"in\":1}"));
  }

  @Test
  void retriesAreExhaustedBeforeTheCatcherRuns() {
    script(world, "E", "E", "E");

    Execution e = run(world, task("""
        "Retry":[{"ErrorEquals":["E"],"MaxAttempts":2}],"Catch":[{"ErrorEquals":["E"],"Next":"Handler"}],"""), "{}");

    assertThat(events(e, ATTEMPT)).hasSize(3);
    assertThat(e.output().get("Error").asText()).isEqualTo("E");
  }

  @Test
  void anUnmatchedErrorIsNeitherRetriedNorCaught() {
    script(world, "Unexpected");

    Execution e = run(world, task("""
        "Retry":[{"ErrorEquals":["E"]}],"Catch":[{"ErrorEquals":["SomethingElse"],"Next":"Handler"}],"""), "{}");

    assertThat(e.error()).isEqualTo("Unexpected");
    assertThat(events(e, ATTEMPT)).hasSize(1);
  }

  @Test
  void statesRuntimeIsNeitherRetriedNorCaughtByStatesAll() {
    AtomicInteger calls = new AtomicInteger();
    world.integrations().function("Fine", in -> {
      calls.incrementAndGet();
      return json("{\"x\":1}");
    });

    Execution e = run(world, """
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%sFine","OutputPath":"$.missing",
            "Retry":[{"ErrorEquals":["States.ALL"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handler"}],"End":true},
          "Handler":{"Type":"Pass","End":true}}}""".formatted(FUNCTION_ARN), "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).isEqualTo("An error occurred while executing the state 'T' (entered at the event id #2). "
        + "Invalid path '$.missing' : No results for path: $['missing']");
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void anErrorFromACatchersNextStateIsNotCaughtAgain() {
    script(world, "E");

    Execution e = run(world, """
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%sScript","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Fails"}],"End":true},
          "Fails":{"Type":"Fail","Error":"SecondFailure"}}}""".formatted(FUNCTION_ARN), "{}");

    assertThat(e.error()).isEqualTo("SecondFailure");
  }
}
