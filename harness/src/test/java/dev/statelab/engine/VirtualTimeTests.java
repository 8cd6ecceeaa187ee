package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.FUNCTION_ARN;
import static dev.statelab.engine.EngineTesting.START;
import static dev.statelab.engine.EngineTesting.at;
import static dev.statelab.engine.EngineTesting.entered;
import static dev.statelab.engine.EngineTesting.exited;
import static dev.statelab.engine.EngineTesting.first;
import static dev.statelab.engine.EngineTesting.gapsBetween;
import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.run;
import static dev.statelab.engine.EngineTesting.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.history.HistoryEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The virtual clock: long waits cost no wall time, advanceBy moves time explicitly, and runs repeat by seed. */
class VirtualTimeTests {

  private static final Duration GENEROUS_WALL_TIME = Duration.ofSeconds(2);

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  @Test
  void aWaitOf365DaysFinishesInMillisecondsOfWallTime() {
    long wallStart = System.nanoTime();
    Execution e = run(world, """
        {"StartAt":"Year","States":{"Year":{"Type":"Wait","Seconds":31536000,"Next":"After"},
          "After":{"Type":"Pass","End":true}}}""", "{}");
    Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);

    assertThat(wall).isLessThan(GENEROUS_WALL_TIME);
    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(at(exited(e, "Year"))).isEqualTo(Duration.ofDays(365));
    assertThat(e.stopDate()).isEqualTo(START.plus(Duration.ofDays(365)));
    assertThat(world.now()).isEqualTo(START.plus(Duration.ofDays(365)));
  }

  @Test
  void aRetryLadderOfHoursFinishesInMillisecondsOfWallTime() {
    world.integrations().function("Down", in -> {
      throw new StatesError("ServiceDown", "still down");
    });

    long wallStart = System.nanoTime();
    Execution e = run(world, """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"%sDown","End":true,
          "Retry":[{"ErrorEquals":["ServiceDown"],"IntervalSeconds":3600,"BackoffRate":2,"MaxAttempts":5}]}}}"""
        .formatted(FUNCTION_ARN), "{}");
    Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);

    assertThat(wall).isLessThan(GENEROUS_WALL_TIME);
    assertThat(e.error()).isEqualTo("ServiceDown");
    assertThat(gapsBetween(e, "LambdaFunctionScheduled")).containsExactly(
        Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(16));
    assertThat(e.stopDate()).isEqualTo(START.plus(Duration.ofHours(31)));
  }

  @Test
  void historyTimestampsShowTheVirtualTimes() {
    Execution e = run(world, """
        {"StartAt":"Day","States":{"Day":{"Type":"Wait","Seconds":86400,"Next":"Hour"},
          "Hour":{"Type":"Wait","Seconds":3600,"End":true}}}""", "{}");

    assertThat(e.history().stream().map(HistoryEvent::timestamp).map(Object::toString)).containsExactly(
        "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-02T00:00:00Z",
        "2024-01-02T01:00:00Z", "2024-01-02T01:00:00Z");
    assertThat(first(e, "ExecutionSucceeded").toJson(true, true).get("timestamp").asText())
        .isEqualTo("2024-01-02T01:00:00Z");
  }

  @Test
  void advanceByRunsOnlyWhatIsDueAndStopsExactlyThatMuchLater() {
    Execution e = world.start(StateMachine.parse("""
        {"StartAt":"First","States":{
          "First":{"Type":"Wait","Seconds":10,"Next":"Second"},
          "Second":{"Type":"Wait","Seconds":20,"Next":"Done"},
          "Done":{"Type":"Pass","End":true}}}"""), json("{}"));

    world.advanceBy(Duration.ofSeconds(15));

    assertThat(world.now()).isEqualTo(START.plusSeconds(15));
    assertThat(e.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(types(e)).containsExactly("ExecutionStarted", "WaitStateEntered", "WaitStateExited", "WaitStateEntered");
    assertThat(at(entered(e, "Second"))).isEqualTo(Duration.ofSeconds(10));

    world.advanceBy(Duration.ofSeconds(15));

    assertThat(world.now()).isEqualTo(START.plusSeconds(30));
    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.stopDate()).isEqualTo(START.plusSeconds(30));
  }

  @Test
  void advanceByMovesTheClockEvenWithNothingToRun() {
    world.advanceBy(Duration.ofHours(3));

    assertThat(world.now()).isEqualTo(START.plus(Duration.ofHours(3)));
  }

  @Test
  void anExecutionStartedLaterStartsAtTheWorldsCurrentTime() {
    world.advanceBy(Duration.ofMinutes(5));

    Execution e = run(world, """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"End":true}}}""", "{}");

    assertThat(e.startDate()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(e.stopDate()).isEqualTo(START.plus(Duration.ofMinutes(5)).plusSeconds(1));
  }

  @Test
  void executionsInOneWorldShareTheClock() {
    StateMachine machine = StateMachine.parse("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}}""");
    Execution slow = world.start(machine, json("{\"s\":100}"));
    Execution fast = world.start(machine, json("{\"s\":40}"));

    world.runUntilIdle();

    assertThat(fast.stopDate()).isEqualTo(START.plusSeconds(40));
    assertThat(slow.stopDate()).isEqualTo(START.plusSeconds(100));
  }

  @Test
  void executionTimeoutSecondsTimesTheExecutionOutOnTheVirtualClock() {
    Execution e = run(world, """
        {"TimeoutSeconds":60,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(e.error()).isEqualTo("States.Timeout");
    assertThat(e.stopDate()).isEqualTo(START.plusSeconds(60));
    assertThat(types(e)).containsExactly("ExecutionStarted", "WaitStateEntered", "ExecutionTimedOut");
    assertThat(world.now()).isEqualTo(START.plusSeconds(60));
  }

  @Test
  void aStandardExecutionTimesOutAfterOneYear() {
    Execution e = run(world, """
        {"StartAt":"Long","States":{"Long":{"Type":"Wait","Seconds":34560000,"End":true}}}""", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(e.error()).isEqualTo("States.Timeout");
    assertThat(e.stopDate()).isBeforeOrEqualTo(START.plus(Duration.ofDays(366)));
  }

  @Test
  void anExpressExecutionTimesOutAfterFiveMinutes() {
    Execution e = world.run(StateMachine.parse("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":600,"End":true}}}"""),
        ExecutionRequest.of(json("{}")).withType(ExecutionType.EXPRESS));

    assertThat(e.type()).isEqualTo(ExecutionType.EXPRESS);
    assertThat(e.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(e.error()).isEqualTo("States.Timeout");
    assertThat(e.stopDate()).isEqualTo(START.plus(Duration.ofMinutes(5)));
  }

  @Test
  void theSameDefinitionInputSeedAndStartTimeGiveTheSameHistory() {
    String definition = """
        {"StartAt":"Ids","States":{
          "Ids":{"Type":"Pass","Parameters":{"id.$":"States.UUID()","n.$":"States.MathRandom(1, 1000)"},"Next":"Call"},
          "Call":{"Type":"Task","Resource":"%sFlaky","ResultPath":"$.call","End":true,
            "Retry":[{"ErrorEquals":["Flaky"],"IntervalSeconds":5,"MaxAttempts":3,"JitterStrategy":"FULL"}]}}}"""
        .formatted(FUNCTION_ARN);

    List<String> first = renderedHistory(definition, 42);
    List<String> second = renderedHistory(definition, 42);

    assertThat(first).hasSizeGreaterThan(10).isEqualTo(second);
  }

  private List<String> renderedHistory(String definition, long seed) {
    try (World w = EngineTesting.newWorld(seed)) {
      int[] calls = {0};
      w.integrations().function("Flaky", in -> {
        if (++calls[0] < 3) {
          throw new StatesError("Flaky", "attempt " + calls[0]);
        }
        return json("{\"ok\":true}");
      });
      Execution e = run(w, definition, "{\"in\":1}");
      assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      return e.history().stream().map(h -> h.toJson(true, true).toString()).toList();
    }
  }

  @Test
  void aDifferentSeedGivesADifferentUuid() {
    String definition = """
        {"StartAt":"Id","States":{"Id":{"Type":"Pass","Parameters":{"id.$":"States.UUID()"},"End":true}}}""";

    String seven = uuidFor(definition, 7);
    String sevenAgain = uuidFor(definition, 7);
    String eight = uuidFor(definition, 8);

    assertThat(seven).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(sevenAgain).isEqualTo(seven);
    assertThat(eight).isNotEqualTo(seven);
  }

  private String uuidFor(String definition, long seed) {
    try (World w = EngineTesting.newWorld(seed)) {
      return run(w, definition, "{}").output().get("id").asText();
    }
  }
}
