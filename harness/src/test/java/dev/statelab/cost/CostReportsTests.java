package dev.statelab.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.ExecutionType;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.json.Json;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report JSON, from a scenario measured once as Standard and once as Express. */
class CostReportsTests {

  /** Validate, wait 2 s, then Pass to the end: 4 states. */
  private static final String ORDER_FLOW = """
      {"StartAt": "Validate", "States": {
        "Validate": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "validate", "Payload.$": "$"}, "ResultSelector": {"ok.$": "$.Payload.ok"},
          "Next": "Hold"},
        "Hold": {"Type": "Wait", "Seconds": 2, "Next": "Shape"},
        "Shape": {"Type": "Pass", "Parameters": {"ok.$": "$.ok"}, "Next": "Done"},
        "Done": {"Type": "Succeed"}}}""";

  /** Runs the flow once with the given type in a fresh world; returns the world's ledger and the meter's billing. */
  static ScenarioUsage measure() {
    UsageLedger[] ledgers = new UsageLedger[2];
    ExpressBilling billing = null;
    for (ExecutionType type : ExecutionType.values()) {
      try (World world = World.newInstance(WorldOptions.newBuilder()
          .startTime(Instant.parse("2026-11-02T00:00:00Z")).build())) {
        StepFunctionsMetering meter = StepFunctionsMetering.install(world);
        new LambdaModule().install(world);
        LambdaStore.of(world).registerJson("validate", in -> Json.parse("{\"ok\": true}"));
        Execution e = world.run(StateMachine.parse(ORDER_FLOW), ExecutionRequest.of(Json.object()).withType(type));
        ledgers[type.ordinal()] = UsageLedger.of(world);
        LambdaStore.of(world).close();
        if (type == ExecutionType.EXPRESS) {
          billing = meter.expressBilling(e.arn());
        }
      }
    }
    return ScenarioUsage.of("order-flow", ledgers[0], ledgers[1], billing);
  }

  @Test
  void theReportListsPricesWithSourcesAndEachScenariosCosts() throws Exception {
    ScenarioUsage usage = measure();

    ObjectNode json = CostReports.toJson(PriceCatalogue.defaults(), List.of(new CostReports.Scenario(usage, 1_000_000)));
    Path sample = Path.of("target", "cost-report-sample.json");
    Files.createDirectories(sample.getParent());
    Files.writeString(sample, Json.pretty(json));

    JsonNode transition = json.at("/prices/standardPerTransition");
    assertThat(transition.get("amount").asText()).isEqualTo("0.000025");
    assertThat(transition.get("unit").asText()).isEqualTo("transition");
    assertThat(transition.get("source").asText()).startsWith("https://");
    assertThat(transition.get("date").asText()).isEqualTo("2026-03-14");
    assertThat(json.at("/prices/expressPerRequest/amount").asText()).isEqualTo("0.000001");
    assertThat(json.at("/prices/expressPerGbSecond/amount").asText()).isEqualTo("0.00001667");
    assertThat(json.at("/prices/expressPerGbSecond/tiers")).hasSize(3);
    assertThat(json.at("/prices/costExplorerPerRequest/amount").asText()).isEqualTo("0.01");

    JsonNode scenario = json.at("/scenarios/0");
    assertThat(scenario.get("name").asText()).isEqualTo("order-flow");
    assertThat(scenario.get("executions").asLong()).isEqualTo(1_000_000);
    assertThat(scenario.at("/standard/transitionsPerExecution").asLong()).isEqualTo(4);
    // 4,000,000 transitions x $0.000025
    assertThat(scenario.at("/standard/stepFunctionsCost").asText()).isEqualTo("100");
    assertThat(scenario.at("/express/billedDurationMsPerExecution").asLong()).isEqualTo(2000);
    assertThat(scenario.at("/express/billedMemoryMbPerExecution").asLong()).isEqualTo(64);
    // 1,000,000 x ($0.000001 + 0.125 GB-s x $0.00001667)
    assertThat(scenario.at("/express/stepFunctionsCost").asText()).isEqualTo("3.08375");
    assertThat(scenario.at("/usagePerExecution/express/requests").asDouble()).isEqualTo(1);
    assertThat(scenario.at("/usagePerExecution/standard/transitions").asLong()).isEqualTo(4);
    assertThat(scenario.at("/usagePerExecution/standard/lambdaRequests").asDouble()).isEqualTo(1);
    assertThat(scenario.at("/usagePerExecution/express/lambdaRequests").asDouble()).isEqualTo(1);
    assertThat(scenario.at("/standard/costByService").has("AWS Lambda")).isTrue();
    assertThat(scenario.get("cheaper").asText()).isEqualTo("EXPRESS");
    assertThat(scenario.get("breakEvenExecutions").asText()).isEqualTo("never");
  }

  @Test
  void aLatencyEstimateAddsOverheadsToTheObservedDuration() {
    try (World world = World.newInstance()) {
      new LambdaModule().install(world);
      LambdaStore.of(world).registerJson("validate", in -> Json.parse("{\"ok\": true}"));
      Execution e = world.run(StateMachine.parse(ORDER_FLOW), Json.object());
      LambdaStore.of(world).close();
      LatencyModel model = LatencyModel.defaults()
          .withTransition(ExecutionType.STANDARD, new LatencyModel.Distribution(40, 40, "fixed"))
          .withIntegration("lambda", LatencyModel.calibrate(List.of(25.0, 25.0, 25.0)));

      LatencyModel.Estimate estimate = model.estimate(e);

      assertThat(estimate.observedMillis()).isEqualTo(2000);
      assertThat(estimate.transitions()).isEqualTo(4);
      assertThat(estimate.transitionOverheadMillis()).isEqualTo(160);
      assertThat(estimate.taskAttempts()).isEqualTo(1);
      assertThat(estimate.integrationMillis()).isEqualTo(25);
      assertThat(estimate.totalMillis()).isEqualTo(2185);
      assertThat(model.percentile(e, 0.99, 1000, 7)).isEqualTo(2185);
      assertThat(LatencyModel.defaults().percentile(e, 0.99, 2000, 7))
          .isGreaterThan(LatencyModel.defaults().estimate(e).totalMillis());
    }
  }
}
