package dev.statelab.scenarios;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.chaos.FaultKind;
import dev.statelab.chaos.Faults;
import dev.statelab.chaos.InjectedFault;
import dev.statelab.chaos.Latency;
import dev.statelab.engine.Execution;
import dev.statelab.junit.ClockControl;
import dev.statelab.junit.Scenario;
import dev.statelab.junit.StateLab;
import dev.statelab.junit.StateLabTest;
import dev.statelab.junit.StateMachineUnderTest;
import dev.statelab.junit.WorldLifecycle;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * polling-loop: the {@link ClockControl} walks a Wait, Task, Choice loop minute by minute, and
 * the fault DSL slows the Batch job, fails it, or throttles the polls in a time window.
 */
@StateLabTest(lifecycle = WorldLifecycle.PER_METHOD)
class PollingLoopScenarioTests {

  private static final String INPUT = "{\"exportId\": \"2026-01-01\", \"maxWaitMinutes\": 60}";

  private StateMachineUnderTest export;
  private Faults faults;

  @BeforeEach
  void deploy(StateLab lab) {
    new PollingLoopScenario().setup(lab.world());
    faults = Faults.of(lab.world());
    export = lab.deploy(Scenario.fromClasspath("scenarios/polling-loop.asl.json"));
  }

  @Test
  void theLoopPollsEveryFiveMinutesUntilTheJobSucceeds() {
    Execution e = export.run(INPUT);

    assertThat(e).succeeded()
        .hasOutputAt("$.status", "READY")
        .visitedStatesInOrder("SetDeadline", "SubmitExport", "WaitBeforePolling", "CheckStatus", "IsExportDone",
            "ExportReady")
        .ranFor(Duration.ofMinutes(30));
  }

  @Test
  void betweenPollsTheExecutionSleepsInItsWait(ClockControl clock) {
    Execution e = export.start(INPUT);
    clock.runUntilStateEntered(e, "WaitBeforePolling");
    clock.advance(Duration.ofMinutes(12));

    assertThat(e).isRunning();
    assertThat(e.history()).filteredOn(h -> h.type().equals("TaskStateEntered") && "CheckStatus".equals(h.stateName()))
        .hasSize(2);
    clock.runUntilIdle();
    assertThat(e).succeeded();
  }

  @Test
  void aJobSlowerThanTheDeadlineFailsTheExecutionWithAClearError() {
    faults.onJobDefinition("export").latency(Latency.fixed(Duration.ofHours(2)));

    Execution e = export.run(INPUT);

    assertThat(e).failedWith("ExportDeadlineExceeded")
        .hasCauseContaining("was still RUNNING at its deadline")
        .ranFor(Duration.ofMinutes(60));
  }

  @Test
  void aFailedJobEndsTheLoopWithItsStatusReason() {
    faults.onJobDefinition("export").failJob("CannotPullContainerError: exporter:latest not found");

    assertThat(export.run(INPUT)).failedWith("ExportFailed")
        .hasCause("CannotPullContainerError: exporter:latest not found");
  }

  @Test
  void pollsThrottledInAMaintenanceWindowAreRetried(ClockControl clock) {
    Instant start = clock.now();
    faults.onState("CheckStatus").between(start.plus(Duration.ofMinutes(9)), start.plus(Duration.ofSeconds(610)))
        .throttle();

    Execution e = export.run(INPUT);

    // The 10-minute poll waits 5 s + 10 s for its retries, so every later poll is 15 s late,
    // and the one at 25:15 already finds the 25-minute job done.
    assertThat(e).succeeded().ranFor(Duration.ofSeconds(25 * 60 + 15));
    assertThat(faults.injected()).extracting(InjectedFault::kind).containsExactly(FaultKind.THROTTLE, FaultKind.THROTTLE);
    assertThat(faults.injected()).extracting(InjectedFault::error).containsOnly("Batch.ThrottlingException");
  }
}
