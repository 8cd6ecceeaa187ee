package dev.statelab.junit;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On the real clock the world runs by itself; the clock control waits for it. */
class RealClockTests {

  @RegisterExtension
  static StateLabExtension ext = StateLabExtension.newBuilder().clock(ClockMode.REAL).build();

  @Test
  void runUntilIdleWaitsForTheExecutionsToEnd(StateLab lab, ClockControl clock) {
    StateMachineUnderTest quick = lab.deploy(Scenario.ofDefinition("""
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 0, "Next": "P"},
          "P": {"Type": "Pass", "Result": 1, "End": true}}}""").named("quick"));
    Execution execution = quick.start("{}");
    clock.runUntilIdle();
    assertThat(execution).succeeded().hasOutput("1");
  }

  @Test
  void advanceIsRefusedWithTheReason(ClockControl clock) {
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("advance(Duration) needs the virtual clock");
  }
}
