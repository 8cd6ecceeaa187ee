package dev.statelab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.chaos.CellResult;
import dev.statelab.chaos.ChaosExperiment;
import dev.statelab.chaos.ChaosReport;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.chaos.Faults;
import dev.statelab.chaos.InjectedFault;
import dev.statelab.chaos.RetryPolicy;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * retry-storm: a Lambda function under throttling, retried by the definition's
 * {@code Retry: Lambda.TooManyRequestsException, 3 x 2 s, backoff 2}.
 */
class RetryStormScenarioTests {

  private final Scenario scenario = ScenarioCatalog.byName("retry-storm").orElseThrow();
  private final World world = World.newInstance(WorldOptions.newBuilder().seed(1).startTime(ChaosExperiment.START).build());

  @AfterEach
  void tearDown() {
    world.close();
  }

  @Test
  void anOrderIsChargedWhenNothingIsThrottled() {
    scenario.setup(world);

    Execution e = world.run(scenario.stateMachine(), scenario.defaultInput());

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output().get("status").asText()).isEqualTo("CHARGED");
    assertThat(e.output().get("charged").asInt()).isEqualTo(42);
  }

  @Test
  void twoThrottledCallsAreRetriedAfterTwoAndFourSeconds() {
    scenario.setup(world);
    Faults faults = Faults.of(world);
    faults.onFunction("charge").onCalls(1, 2).throttle();

    Execution e = world.run(scenario.stateMachine(), scenario.defaultInput());

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Duration.between(e.startDate(), e.stopDate())).isEqualTo(Duration.ofSeconds(6));
    assertThat(faults.injected()).extracting(InjectedFault::error)
        .containsExactly("Lambda.TooManyRequestsException", "Lambda.TooManyRequestsException");
  }

  @Test
  void aFourthThrottleExhaustsTheRetriesAndFailsTheExecution() {
    scenario.setup(world);
    Faults.of(world).onFunction("charge").throttle();

    Execution e = world.run(scenario.stateMachine(), scenario.defaultInput());

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("Lambda.TooManyRequestsException");
    assertThat(e.history()).filteredOn(h -> h.type().equals("TaskScheduled")).hasSize(4);
  }

  /** The burst of 200 against 50 calls a second: what retries and jitter buy. */
  @Test
  void underABurstRetriesRecoverTheThrottledOrdersAndJitterCutsTheTail() {
    ChaosSweep sweep = scenario.defaultSweep();
    ChaosSweep noRandomThrottling = new ChaosSweep(List.of(0.0),
        List.of(RetryPolicy.none(), RetryPolicy.of(3, 2, 2, false), RetryPolicy.of(3, 2, 2, true)),
        sweep.seeds(), sweep.executionsPerCell(), sweep.plan());

    ChaosReport report = ChaosExperiment.of(scenario, noRandomThrottling).run();
    CellResult none = report.cells().get(0);
    CellResult backoff = report.cells().get(1);
    CellResult jittered = report.cells().get(2);

    // Only the first 50 calls of the burst get through without retries.
    assertThat(none.succeeded()).isEqualTo(RetryStormScenario.CALLS_PER_SECOND);
    // Without jitter the retries come back together: 50 more per retry, 4 rounds for 200 orders.
    assertThat(backoff.successRate()).isEqualTo(1.0);
    assertThat(backoff.attempts()).isEqualTo(200 + 150 + 100 + 50);
    // Full jitter spreads the retries: the slowest orders finish much sooner.
    assertThat(jittered.latencyP90Millis()).isLessThan(backoff.latencyP90Millis() / 2);
  }
}
