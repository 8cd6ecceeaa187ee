package dev.statelab.scenarios;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.chaos.FaultKind;
import dev.statelab.chaos.Faults;
import dev.statelab.chaos.InjectedFault;
import dev.statelab.chaos.Latency;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.ExecutionType;
import dev.statelab.engine.World;
import dev.statelab.junit.ClockControl;
import dev.statelab.junit.Scenario;
import dev.statelab.junit.StateLab;
import dev.statelab.junit.StateLabTest;
import dev.statelab.junit.StateMachineUnderTest;
import dev.statelab.junit.WorldLifecycle;
import dev.statelab.json.Json;
import dev.statelab.scenarios.ExpressIngestionScenario.Ledger;
import dev.statelab.service.lambda.LambdaStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * express-ingestion: an EXPRESS machine at volume (10,000 deliveries in 10 s of virtual time)
 * under the fault DSL's at-least-once duplicate delivery, with the workflow's idempotency claim
 * keeping the ledger exact.
 */
@StateLabTest(lifecycle = WorldLifecycle.PER_METHOD, seed = 5)
class ExpressIngestionScenarioTests {

  private static final String DEFINITION = "scenarios/express-ingestion.asl.json";

  private final ExpressIngestionScenario scenario = new ExpressIngestionScenario();
  private Ledger ledger;
  private Faults faults;

  @BeforeEach
  void setUp(World world) {
    scenario.setup(world);
    ledger = Ledger.of(world);
    faults = Faults.of(world);
  }

  @Test
  void tenThousandDeliveriesWithRedeliveriesAndDuplicateWritesAreAppliedExactlyOnce(World world, ClockControl clock) {
    LambdaStore.of(world).runHandlersInline(true);
    faults.onAnyTask().latency(Latency.logNormal(Duration.ofMillis(15), 0.5));
    faults.onFunction("claimEvent").withProbability(0.01).duplicate();
    faults.onFunction("appendToLedger").withProbability(0.01).duplicate();
    StateMachine ingest = StateMachine.parse(Scenario.fromClasspath(DEFINITION).definition());
    List<Execution> deliveries = new ArrayList<>();
    BigDecimal expectedTotal = BigDecimal.ZERO;
    Instant start = clock.now();

    // One delivery a millisecond; every 100th is a redelivery of an event sent 50 ms earlier.
    for (int i = 0; i < 10_000; i++) {
      boolean redelivery = i % 100 == 99;
      JsonNode event = scenario.input(redelivery ? i - 50 : i);
      if (!redelivery) {
        expectedTotal = expectedTotal.add(event.get("amount").decimalValue());
      }
      world.schedule(Duration.ofMillis(i), () -> deliveries.add(world.start(ingest,
          ExecutionRequest.of(event).withType(ExecutionType.EXPRESS).withStateMachineName("ingest"))));
    }
    clock.runUntilIdle();

    assertThat(deliveries).hasSize(10_000).allSatisfy(e -> assertThat(e).succeeded());
    assertThat(deliveries).filteredOn(e -> e.output().get("status").asText().equals("DUPLICATE")).hasSize(100);
    assertThat(ledger.size()).isEqualTo(9_900);
    assertThat(ledger.total()).isEqualByComparingTo(expectedTotal);
    long duplicatedWrites = faults.injected().stream()
        .filter(f -> f.kind() == FaultKind.DUPLICATE && f.target().contains("appendToLedger")).count();
    assertThat(duplicatedWrites).isGreaterThan(50);
    assertThat(ledger.writes()).isEqualTo(9_900 + duplicatedWrites);
    assertThat(Duration.between(start, clock.now())).isLessThan(Duration.ofSeconds(11));
  }

  @Test
  void aRedeliveredEventIsAcknowledgedWithoutBeingAppliedTwice(StateLab lab) {
    StateMachineUnderTest ingest = lab.deploy(Scenario.fromClasspath(DEFINITION).type(ExecutionType.EXPRESS));
    String event = "{\"eventId\": \"evt-42\", \"account\": \"acct-1\", \"amount\": 12.50}";

    assertThat(ingest.run(event)).succeeded().hasOutput("{\"eventId\": \"evt-42\", \"status\": \"INGESTED\"}");
    assertThat(ingest.run(event)).succeeded()
        .hasOutputAt("$.status", "DUPLICATE")
        .tookCatch("ClaimEvent", "DuplicateEvent", "AlreadyIngested");
    assertThat(ledger.writes()).isEqualTo(1);
  }

  @Test
  void aWriteThatFailsForGoodReleasesItsClaimSoTheNextDeliverySucceeds(StateLab lab) {
    StateMachineUnderTest ingest = lab.deploy(Scenario.fromClasspath(DEFINITION).type(ExecutionType.EXPRESS));
    faults.onFunction("appendToLedger").onCalls(1, 2, 3, 4).serviceError();
    String event = "{\"eventId\": \"evt-7\", \"account\": \"acct-7\", \"amount\": 3}";

    assertThat(ingest.run(event)).failedWith("IngestFailed")
        .hasRetryCount("AppendToLedger", 3)
        .tookCatch("AppendToLedger", "Lambda.ServiceException", "ReleaseClaim");
    assertThat(ingest.run(event)).succeeded().hasOutputAt("$.status", "INGESTED");
    assertThat(faults.injected()).extracting(InjectedFault::error).containsOnly("Lambda.ServiceException");
    assertThat(ledger.size()).isEqualTo(1);
  }

  @Test
  void anEventWithoutAnIdIsRejected(StateLab lab) {
    StateMachineUnderTest ingest = lab.deploy(Scenario.fromClasspath(DEFINITION).type(ExecutionType.EXPRESS));

    Execution e = ingest.run(Json.write(Json.parse("{\"amount\": 3}")));

    assertThat(e).failedWith("InvalidEvent").visitedStates("Validate", "InvalidEvent");
    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
  }
}
