package dev.statelab.scenarios;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.chaos.CellResult;
import dev.statelab.chaos.ChaosExperiment;
import dev.statelab.chaos.ChaosReport;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.chaos.Faults;
import dev.statelab.chaos.InjectedFault;
import dev.statelab.chaos.RetryPolicy;
import dev.statelab.engine.Execution;
import dev.statelab.junit.Scenario;
import dev.statelab.junit.StateLab;
import dev.statelab.junit.StateLabTest;
import dev.statelab.junit.StateMachineUnderTest;
import dev.statelab.junit.WorldLifecycle;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * retry-storm: {@code hasRetryCount} and {@code hasRetryDelays} pin the definition's
 * {@code Retry} (3 x 2 s, backoff 2), and a small chaos experiment shows what jitter buys under a
 * burst.
 */
@StateLabTest(lifecycle = WorldLifecycle.PER_METHOD, seed = 1)
class RetryStormScenarioTests {

  private static final String ORDER = "{\"orderId\": \"order-1\", \"amount\": 42}";

  private StateMachineUnderTest charge;
  private Faults faults;

  @BeforeEach
  void deploy(StateLab lab) {
    new RetryStormScenario().setup(lab.world());
    faults = Faults.of(lab.world());
    charge = lab.deploy(Scenario.fromClasspath("scenarios/retry-storm.asl.json"));
  }

  @Test
  void anOrderIsChargedWhenNothingIsThrottled() {
    assertThat(charge.run(ORDER)).succeeded()
        .hasOutput("{\"orderId\": \"order-1\", \"charged\": 42, \"status\": \"CHARGED\"}")
        .hasRetryCount("Charge", 0);
  }

  @Test
  void twoThrottledCallsAreRetriedAfterTwoAndFourSeconds() {
    faults.onFunction("charge").onCalls(1, 2).throttle();

    assertThat(charge.run(ORDER)).succeeded()
        .hasRetryCount("Charge", 2)
        .hasRetryDelays("Charge", Duration.ofSeconds(2), Duration.ofSeconds(4))
        .ranFor(Duration.ofSeconds(6));
    assertThat(faults.injected()).extracting(InjectedFault::error)
        .containsExactly("Lambda.TooManyRequestsException", "Lambda.TooManyRequestsException");
  }

  @Test
  void aFourthThrottleExhaustsTheRetriesAndFailsTheExecution() {
    faults.onFunction("charge").throttle();

    assertThat(charge.run(ORDER)).failedWith("Lambda.TooManyRequestsException")
        .hasRetryCount("Charge", 3)
        .hasRetryDelays("Charge", Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  /** 200 orders at once against 50 calls a second: what retries buy, and what jitter adds. */
  @Test
  void underABurstJitterSpreadsTheRetriesAndCutsTheTail() {
    RetryStormScenario scenario = new RetryStormScenario();
    ChaosSweep burst = new ChaosSweep(List.of(0.0),
        List.of(RetryPolicy.none(), RetryPolicy.of(3, 2, 2, false), RetryPolicy.of(3, 2, 2, true)),
        List.of(1L), 200, scenario.defaultSweep().plan());

    ChaosReport report = ChaosExperiment.of(scenario, burst).run();
    CellResult none = report.cells().get(0);
    CellResult backoff = report.cells().get(1);
    CellResult jittered = report.cells().get(2);

    // Without retries only the first 50 calls of the burst get through.
    assertThat(none.succeeded()).isEqualTo(RetryStormScenario.CALLS_PER_SECOND);
    // Without jitter the retries come back together: 50 more per round, 4 rounds for 200 orders.
    assertThat(backoff.successRate()).isEqualTo(1.0);
    assertThat(backoff.attempts()).isEqualTo(200 + 150 + 100 + 50);
    // Full jitter spreads them over the backoff interval: the slowest orders finish much sooner.
    assertThat(jittered.latencyP90Millis()).isLessThan(backoff.latencyP90Millis() / 2);
    assertThat(jittered.latencyP99Millis()).isLessThan(backoff.latencyP99Millis());
  }
}
