package dev.statelab.junit;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.engine.Execution;
import dev.statelab.history.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Moving the virtual clock by hand. */
@StateLabTest(lifecycle = WorldLifecycle.PER_METHOD)
class ClockControlTests {

  static final String TWO_WAITS = """
      {"StartAt": "First", "States": {
        "First": {"Type": "Wait", "Seconds": 60, "Next": "Second"},
        "Second": {"Type": "Wait", "Seconds": 3600, "Next": "Done"},
        "Done": {"Type": "Succeed"}}}""";

  StateMachineUnderTest waits;

  @BeforeEach
  void deploy(StateLab lab) {
    waits = lab.deploy(Scenario.ofDefinition(TWO_WAITS).named("waits"));
  }

  @Test
  void advanceMovesTheClockByExactlyTheDuration(ClockControl clock) {
    Instant before = clock.now();
    clock.advance(Duration.ofMinutes(90));
    assertThat(clock.now()).isEqualTo(before.plus(Duration.ofMinutes(90)));
  }

  @Test
  void timeStandsStillUntilTheTestMovesIt(ClockControl clock) {
    Execution execution = waits.start("{}");
    clock.advance(Duration.ofSeconds(59));
    assertThat(execution).isRunning().visitedStates("First");
    clock.advance(Duration.ofSeconds(1));
    assertThat(execution).isRunning().visitedStates("First", "Second");
  }

  @Test
  void runUntilStateEnteredStopsTheClockAtTheState(ClockControl clock) {
    Execution execution = waits.start("{}");

    HistoryEvent entered = clock.runUntilStateEntered(execution, "Second");

    assertThat(entered.type()).isEqualTo("WaitStateEntered");
    assertThat(entered.timestamp()).isEqualTo(execution.startDate().plusSeconds(60));
    assertThat(clock.now()).isEqualTo(execution.startDate().plusSeconds(60));
    assertThat(execution).isRunning();
  }

  @Test
  void runUntilStateEnteredFailsWhenTheExecutionEndsWithoutEnteringIt(ClockControl clock) {
    Execution execution = waits.start("{}");

    assertThatThrownBy(() -> clock.runUntilStateEntered(execution, "Nowhere"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Execution " + execution.name() + " is SUCCEEDED and never entered state 'Nowhere';"
            + " states entered: [First, Second, Done]");
  }

  @Test
  void aDayOfWaitingTakesNoWallTime(ClockControl clock) {
    long wallStart = System.nanoTime();
    Execution execution = waits.start("{}");
    clock.runUntilIdle();

    assertThat(execution).succeeded().ranFor(Duration.ofSeconds(3660));
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(5));
  }
}
