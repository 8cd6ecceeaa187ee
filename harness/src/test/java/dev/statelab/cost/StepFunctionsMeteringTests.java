package dev.statelab.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.ExecutionType;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import java.time.Instant;
import dev.statelab.json.Json;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step Functions usage metered into the ledger: Standard transitions with retries, Express billing. */
class StepFunctionsMeteringTests {

  private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

  private World world;

  @BeforeEach
  void setUp() {
    world = World.newInstance();
    StepFunctionsMetering.install(world);
  }

  @AfterEach
  void tearDown() {
    world.close();
  }

  @Test
  void standardTransitionsCountEveryStateEnteredAndEveryRetry() {
    AtomicInteger calls = new AtomicInteger();
    world.integrations().function("Flaky", in -> {
      if (calls.incrementAndGet() < 3) {
        throw new StatesError("Flaky", "try again");
      }
      return in;
    });
    Execution e = world.run(StateMachine.parse("""
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Next": "Call"},
          "Call": {"Type": "Task", "Resource": "%sFlaky",
            "Retry": [{"ErrorEquals": ["Flaky"], "MaxAttempts": 3, "IntervalSeconds": 1}], "Next": "Done"},
          "Done": {"Type": "Succeed"}}}""".formatted(FUNCTION_ARN)), Json.object());

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    // 3 states entered + 2 retries of Call.
    assertThat(StateTransitions.billed(e.history())).isEqualTo(5);
    assertThat(e.transitions()).isEqualTo(5);
    assertThat(UsageLedger.of(world).total(Services.STEP_FUNCTIONS, "StateTransition")).isEqualTo(5);
    assertThat(UsageLedger.of(world).records()).singleElement()
        .satisfies(r -> assertThat(r.attributes()).containsEntry("executionArn", e.arn()));
  }

  @Test
  void retriedParallelBranchesCountTheirStatesAgain() {
    AtomicInteger calls = new AtomicInteger();
    world.integrations().function("FailOnce", in -> {
      if (calls.incrementAndGet() == 1) {
        throw new StatesError("Boom", "once");
      }
      return in;
    });
    Execution e = world.run(StateMachine.parse("""
        {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true,
          "Retry": [{"ErrorEquals": ["Boom"], "MaxAttempts": 1, "IntervalSeconds": 1}],
          "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%sFailOnce", "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}}}""".formatted(FUNCTION_ARN)),
        Json.object());

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(StateTransitions.billed(e.history())).isEqualTo(e.transitions());
    assertThat(UsageLedger.of(world).total(Services.STEP_FUNCTIONS, "StateTransition"))
        .isEqualTo((double) e.transitions());
  }

  @Test
  void countingTheStartIsAnOption() {
    Execution e = world.run(StateMachine.parse("""
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"""), Json.object());

    assertThat(StateTransitions.billed(e.history())).isEqualTo(1);
    assertThat(StateTransitions.billed(e.history(), true)).isEqualTo(2);
  }

  @Test
  void expressDurationIsRoundedUpTo100MillisecondsAndMemoryTo64MegabyteChunks() {
    World w = World.newInstance(WorldOptions.newBuilder().startTime(Instant.parse("2026-11-02T00:00:00Z")).build());
    StepFunctionsMetering meter = StepFunctionsMetering.install(w);
    Execution e = w.run(StateMachine.parse("""
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "Timestamp": "2026-11-02T00:00:00.250Z", "End": true}}}"""),
        ExecutionRequest.of(Json.object()).withType(ExecutionType.EXPRESS));
    world.close();
    world = w;

    ExpressBilling billing = meter.expressBilling(e.arn());
    assertThat(billing.durationMillis()).isEqualTo(250);
    assertThat(billing.billedDurationMillis()).isEqualTo(300);
    assertThat(billing.usedMemoryMb()).isBetween(50.0, 50.001);
    assertThat(billing.billedMemoryMb()).isEqualTo(64);
    assertThat(UsageLedger.of(world).total(Services.STEP_FUNCTIONS, "Request")).isEqualTo(1);
    // 64 MB / 1024 x 0.3 s
    assertThat(UsageLedger.of(world).total(Services.STEP_FUNCTIONS, "Duration")).isEqualTo(0.01875);
    assertThat(UsageLedger.of(world).total(Services.STEP_FUNCTIONS, "StateTransition")).isZero();
  }

  @Test
  void largePayloadsInAMapBillTheNextMemoryChunk() {
    ArrayNode items = Json.array();
    String big = "x".repeat(100_000);
    for (int i = 0; i < 200; i++) {
      items.add(big);
    }
    Execution e = world.run(StateMachine.parse("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ResultSelector": {"n.$": "States.ArrayLength($)"},
          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "End": true}}}}}}"""),
        ExecutionRequest.of(items).withType(ExecutionType.EXPRESS));

    ExpressBilling billing = StepFunctionsMetering.install(world).expressBilling(e.arn());
    // 50 MB + definition + ~20 MB largest payload x 200 iterations: far above 64 MB.
    assertThat(ExpressMemoryModel.mapOrParallelSteps(e.history())).isEqualTo(200);
    assertThat(billing.usedMemoryMb()).isGreaterThan(64);
    assertThat(billing.billedMemoryMb() % 64).isZero();
    assertThat(billing.billedMemoryMb()).isEqualTo(ExpressMemoryModel.chunk(billing.usedMemoryMb()));
  }

  @Test
  void installingTwiceMetersOnce() {
    assertThat(StepFunctionsMetering.install(world)).isSameAs(StepFunctionsMetering.install(world));
    world.run(StateMachine.parse("""
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"""), Json.object());

    assertThat(UsageLedger.of(world).records()).hasSize(1);
  }

  @Test
  void aFixedMemoryModelOverridesTheEstimate() {
    try (World other = World.newInstance()) {
      StepFunctionsMetering meter = StepFunctionsMetering.install(other,
          new StepFunctionsMetering.Options(false, ExpressMemoryModel.fixed(130)));
      Execution e = other.run(StateMachine.parse("""
          {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"""),
          ExecutionRequest.of(Json.object()).withType(ExecutionType.EXPRESS));

      assertThat(meter.expressBilling(e.arn()).billedMemoryMb()).isEqualTo(192);
      assertThat(meter.expressBilling(e.arn()).billedDurationMillis()).isEqualTo(100);
    }
  }

  @Test
  void distributedMapChildrenAreMeteredWithTheirOwnType() {
    String machine = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "%s"},
            "StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}}}}""";

    Execution standard = world.run(StateMachine.parse(machine.formatted("STANDARD")), Json.parse("[1, 2, 3]"));
    assertThat(standard.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    // The parent enters M once; each of the 3 children enters A and B.
    assertThat(UsageLedger.of(world).total(Services.STEP_FUNCTIONS, "StateTransition")).isEqualTo(1 + 3 * 2);

    world.run(StateMachine.parse(machine.formatted("EXPRESS")), Json.parse("[1, 2]"));
    assertThat(UsageLedger.of(world).total(Services.STEP_FUNCTIONS, "StateTransition")).isEqualTo(7 + 1);
    assertThat(UsageLedger.of(world).total(Services.STEP_FUNCTIONS, "Request")).isEqualTo(2);
    assertThat(UsageLedger.of(world).total(Services.STEP_FUNCTIONS, "Duration")).isEqualTo(2 * 0.00625);
  }

  @Test
  void onlyTheMostRecentExpressBillingsAreRememberedAndEachExecutionIsMeteredOnce() {
    try (World other = World.newInstance()) {
      StepFunctionsMetering meter = StepFunctionsMetering.install(other,
          StepFunctionsMetering.Options.defaults().withExpressBillingLimit(20));
      StateMachine machine = StateMachine.parse("""
          {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""");
      java.util.List<Execution> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 50; i++) {
        runs.add(other.run(machine, ExecutionRequest.of(Json.object()).withType(ExecutionType.EXPRESS)));
      }

      assertThat(runs).filteredOn(e -> meter.expressBilling(e.arn()) != null)
          .containsExactlyElementsOf(runs.subList(30, 50));
      assertThat(meter.expressBilling(runs.get(49).arn()).billedDurationMillis()).isEqualTo(100);
      // A recent execution reported again is not metered again.
      meter.executionEnded(runs.get(49));
      assertThat(UsageLedger.of(other).total(Services.STEP_FUNCTIONS, "Request")).isEqualTo(50);
    }
  }

  @Test
  void theDefaultMeterRemembersTheLast100000ExpressBillings() {
    assertThat(StepFunctionsMetering.Options.defaults().expressBillingLimit())
        .isEqualTo(StepFunctionsMetering.EXPRESS_BILLING_LIMIT).isEqualTo(100_000);
    assertThatThrownBy(() -> StepFunctionsMetering.Options.defaults().withExpressBillingLimit(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
