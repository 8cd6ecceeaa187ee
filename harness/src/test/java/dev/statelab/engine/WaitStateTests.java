package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.START;
import static dev.statelab.engine.EngineTesting.at;
import static dev.statelab.engine.EngineTesting.entered;
import static dev.statelab.engine.EngineTesting.exited;
import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.run;
import static dev.statelab.engine.EngineTesting.types;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitStateTests {

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  @Test
  void secondsDelaysTheTransitionOnTheWorldClock() {
    Execution e = run(world, """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"Next":"After"},"After":{"Type":"Pass","End":true}}}""",
        "{}");

    assertThat(at(entered(e, "W"))).isEqualTo(Duration.ZERO);
    assertThat(at(exited(e, "W"))).isEqualTo(Duration.ofSeconds(10));
    assertThat(at(entered(e, "After"))).isEqualTo(Duration.ofSeconds(10));
    assertThat(e.stopDate()).isEqualTo(START.plusSeconds(10));
  }

  @Test
  void waitPassesItsInputThrough() {
    Execution e = run(world, """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"End":true}}}""", "{\"a\":[1,2]}");

    assertThat(e.output()).isEqualTo(json("{\"a\":[1,2]}"));
    assertThat(types(e)).containsExactly("ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded");
  }

  @Test
  void inputPathAndOutputPathFilterTheWaitOutput() {
    Execution e = run(world, """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"InputPath":"$.a","OutputPath":"$.b","End":true}}}""",
        "{\"a\":{\"b\":7},\"c\":0}");

    assertThat(e.output()).isEqualTo(json("7"));
  }

  @Test
  void zeroSecondsContinuesAtOnce() {
    Execution e = run(world, """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":0,"End":true}}}""", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.stopDate()).isEqualTo(START);
  }

  @Test
  void timestampWaitsUntilThatInstant() {
    Execution e = run(world, """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2024-01-01T01:30:00Z","End":true}}}""", "{}");

    assertThat(at(exited(e, "W"))).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void timestampInThePastContinuesAtOnce() {
    Execution e = run(world, """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2016-03-14T01:59:00Z","End":true}}}""", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(at(exited(e, "W"))).isEqualTo(Duration.ZERO);
  }

  @Test
  void secondsPathReadsTheDelayFromTheInput() {
    Execution e = run(world, """
        {"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.input.waitSeconds","End":true}}}""",
        "{\"input\":{\"waitSeconds\":42}}");

    assertThat(at(exited(e, "W"))).isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void timestampPathAcceptsAnOffsetDateTime() {
    Execution e = run(world, """
        {"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.until","End":true}}}""",
        "{\"until\":\"2024-01-01T03:00:00+02:00\"}");

    assertThat(at(exited(e, "W"))).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void timestampPathAcceptsFractionalSeconds() {
    Execution e = run(world, """
        {"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.until","End":true}}}""",
        "{\"until\":\"2024-01-01T00:00:05.000000Z\"}");

    assertThat(at(exited(e, "W"))).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void negativeSecondsPathFailsWithStatesRuntime() {
    Execution e = run(world, """
        {"StartAt":"WaitState","States":{"WaitState":{"Type":"Wait","SecondsPath":"$.input.waitSeconds","End":true}}}""",
        "{\"input\":{\"waitSeconds\":-1}}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).isEqualTo("An error occurred while executing the state 'WaitState' (entered at the event id #2). "
        + "The SecondsPath parameter references a negative value: $.input.waitSeconds == -1");
  }

  @Test
  void fractionalSecondsPathFailsWithStatesRuntime() {
    Execution e = run(world, """
        {"StartAt":"WaitState","States":{"WaitState":{"Type":"Wait","SecondsPath":"$.input.waitSeconds","End":true}}}""",
        "{\"input\":{\"waitSeconds\":1.5}}");

    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).isEqualTo("An error occurred while executing the state 'WaitState' (entered at the event id #2). "
        + "The SecondsPath parameter cannot be parsed as a long value: $.input.waitSeconds == 1.5");
  }

  @Test
  void timestampPathThatIsNotATimestampFailsWithStatesRuntime() {
    Execution e = run(world, """
        {"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.until","End":true}}}""",
        "{\"until\":\"2024-01-01 00:00:05\"}");

    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).contains("does not reference a valid ISO-8601 extended offset date-time format string");
  }

  @Test
  void aWaitTooFarInTheFutureFailsWithStatesRuntime() {
    Execution e = run(world, """
        {"StartAt":"State_1","States":{"State_1":{"Type":"Wait","TimestampPath":"$.start_at","End":true}}}""",
        "{\"start_at\":\"" + START.plus(Duration.ofDays(24856)) + "\"}");

    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).isEqualTo(
        "An error occurred while executing the state 'State_1' (entered at the event id #2). Wait state delay is too long.");
  }

  @Test
  void waitsInSequenceAddUp() {
    Execution e = run(world, """
        {"StartAt":"A","States":{
          "A":{"Type":"Wait","Seconds":5,"Next":"B"},
          "B":{"Type":"Wait","Seconds":7,"Next":"C"},
          "C":{"Type":"Wait","Timestamp":"2024-01-01T00:01:00Z","End":true}}}""", "{}");

    assertThat(at(exited(e, "A"))).isEqualTo(Duration.ofSeconds(5));
    assertThat(at(exited(e, "B"))).isEqualTo(Duration.ofSeconds(12));
    assertThat(at(exited(e, "C"))).isEqualTo(Duration.ofSeconds(60));
  }
}
