package dev.statelab.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.cost.PriceCatalogue;
import dev.statelab.cost.Services;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sweeps over fault rates, retry policies and seeds on virtual-clock worlds. */
class ChaosExperimentTests {

  private static final String DEFINITION = """
      {"StartAt": "Call", "States": {"Call": {
        "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName": "work", "Payload.$": "$"},
        "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "MaxAttempts": 1}],
        "End": true}}}""";

  /** One Lambda call under throttling. */
  private static final Workload WORKLOAD = new Workload() {
    @Override
    public String name() {
      return "one-call";
    }

    @Override
    public JsonNode definition() {
      return Json.parse(DEFINITION);
    }

    @Override
    public void setup(World world) {
      new LambdaModule().install(world);
      LambdaStore.of(world).registerJson("work", in -> in);
    }

    @Override
    public JsonNode input(int index) {
      return Json.parse("{\"n\": " + index + "}");
    }
  };

  private static ChaosSweep sweep(long seed) {
    return new ChaosSweep(List.of(0.0, 0.5),
        List.of(RetryPolicy.none(), RetryPolicy.of(3, 1, 2, false), RetryPolicy.of(3, 1, 2, true)),
        List.of(seed), 40, (faults, rate) -> faults.onFunction("work").withProbability(rate).throttle());
  }

  private static CellResult cell(ChaosReport report, double rate, String policy) {
    return report.cells().stream().filter(c -> c.faultRate() == rate && c.retryPolicy().equals(policy))
        .findFirst().orElseThrow();
  }

  @Test
  void theSameSeedGivesByteIdenticalJson() {
    String first = ChaosExperiment.of(WORKLOAD, sweep(7)).run().toJsonText();
    String second = ChaosExperiment.of(WORKLOAD, sweep(7)).run().toJsonText();
    assertThat(first).isEqualTo(second);
  }

  @Test
  void anotherSeedGivesOtherResults() {
    assertThat(ChaosExperiment.of(WORKLOAD, sweep(7)).run().toJsonText())
        .isNotEqualTo(ChaosExperiment.of(WORKLOAD, sweep(8)).run().toJsonText());
  }

  @Test
  void withoutFaultsEveryExecutionSucceedsInOneAttempt() {
    ChaosReport report = ChaosExperiment.of(WORKLOAD, sweep(7)).run();
    CellResult clean = cell(report, 0.0, "none");
    assertThat(clean.successRate()).isEqualTo(1.0);
    assertThat(clean.attempts()).isEqualTo(40);
    assertThat(clean.faults()).isEmpty();
    assertThat(clean.latencyP99Millis()).isZero();
  }

  @Test
  void retriesTurnThrottlingIntoLatency() {
    ChaosReport report = ChaosExperiment.of(WORKLOAD, sweep(7)).run();
    CellResult none = cell(report, 0.5, "none");
    CellResult retried = cell(report, 0.5, "3x1s-b2");
    CellResult jittered = cell(report, 0.5, "3x1s-b2-full");
    assertThat(none.successRate()).isLessThan(0.75);
    assertThat(none.errors()).containsOnlyKeys("Lambda.TooManyRequestsException");
    assertThat(retried.successRate()).isGreaterThan(none.successRate());
    assertThat(retried.attempts()).isGreaterThan(40);
    assertThat(retried.latencyP90Millis()).isIn(1000L, 3000L, 7000L);
    assertThat(jittered.latencyP90Millis()).isNotIn(1000L, 3000L, 7000L);
  }

  @Test
  void theJsonListsTheSweepAndEveryCell() {
    JsonNode json = ChaosExperiment.of(WORKLOAD, sweep(7)).run().toJson();
    assertThat(json.get("scenario").asText()).isEqualTo("one-call");
    assertThat(json.get("cells")).hasSize(6);
    assertThat(json.get("retryPolicies").get(2).get("jitterStrategy").asText()).isEqualTo("FULL");
    assertThat(json.get("cells").get(0).fieldNames()).toIterable().containsExactly("faultRate", "retryPolicy", "seed",
        "executions", "succeeded", "successRate", "attempts", "faultsInjected", "latencyMillis", "transitions",
        "costUsd", "errors");
  }

  @Test
  void aCellCostsItsTransitionsAndLambdaUsageAtCataloguePrices() {
    CellResult cell = cell(ChaosExperiment.of(WORKLOAD, sweep(7)).run(), 0.0, "none");
    PriceCatalogue prices = PriceCatalogue.defaults();
    BigDecimal perTransition = prices.find(Services.STEP_FUNCTIONS, "StateTransition", "us-east-1").orElseThrow().amount();
    BigDecimal perRequest = prices.find(Services.LAMBDA, "Request", "us-east-1").orElseThrow().amount();
    BigDecimal perGbSecond = prices.find(Services.LAMBDA, "Lambda-GB-Second", "us-east-1").orElseThrow().amount();
    // 40 executions of one Task: 40 transitions; 40 Lambda requests of 1 ms billed at 128 MB.
    BigDecimal expected = perTransition.multiply(BigDecimal.valueOf(40))
        .add(perRequest.multiply(BigDecimal.valueOf(40)))
        .add(perGbSecond.multiply(new BigDecimal("0.125")).multiply(new BigDecimal("0.001")).multiply(BigDecimal.valueOf(40)));

    assertThat(cell.transitions()).isEqualTo(40);
    assertThat(cell.costUsd()).isEqualByComparingTo(expected);
  }

  @Test
  void aRetryPolicyRewritesNestedRetryBlocksAndNoneRemovesThem() {
    JsonNode definition = Json.parse("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 9, "MaxDelaySeconds": 5}]}}},
          "End": true}}}""");
    JsonNode rewritten = RetryPolicy.of(6, 1, 2, true).applyTo(definition);
    JsonNode retrier = rewritten.at("/States/M/ItemProcessor/States/T/Retry/0");
    assertThat(Json.write(retrier)).isEqualTo(
        "{\"ErrorEquals\":[\"States.ALL\"],\"MaxAttempts\":6,\"IntervalSeconds\":1,\"BackoffRate\":2.0,\"JitterStrategy\":\"FULL\"}");
    assertThat(RetryPolicy.none().applyTo(definition).at("/States/M/ItemProcessor/States/T").has("Retry")).isFalse();
    assertThat(definition.at("/States/M/ItemProcessor/States/T/Retry/0/MaxAttempts").asInt()).isEqualTo(9);
  }
}
