package dev.statelab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.cost.CostBreakdown;
import dev.statelab.cost.CostModel;
import dev.statelab.cost.PriceCatalogue;
import dev.statelab.cost.Services;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.ExecutionType;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario measured once as Standard and once as Express, for the cost model and the reports. */
class ScenarioRunsTests {

  private final Scenario saga = ScenarioCatalog.byName("saga").orElseThrow();

  @Test
  void theSagaRunsBothWaysAndEachRunRecordsItsOwnUsage() {
    ScenarioRuns.Measured m = ScenarioRuns.measure(saga, 1);

    assertThat(m.standard().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(m.express().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(m.express().type()).isEqualTo(ExecutionType.EXPRESS);
    // Three bookings and the final state: the Standard run bills each state entered.
    assertThat(m.usage().transitionsPerExecution()).isEqualTo(m.standard().transitions());
    assertThat(m.usage().standardTotal(Services.LAMBDA, "Request")).isEqualTo(3);
    assertThat(m.usage().expressTotal(Services.STEP_FUNCTIONS, "Request")).isEqualTo(1);
    assertThat(m.usage().expressBilling().billedMemoryMb()).isEqualTo(64);
  }

  @Test
  void measuringTwiceWithOneSeedGivesTheSameUsage() {
    ScenarioRuns.Measured first = ScenarioRuns.measure(saga, 3);
    ScenarioRuns.Measured second = ScenarioRuns.measure(saga, 3);

    assertThat(second.usage().standard()).isEqualTo(first.usage().standard());
    assertThat(second.usage().express()).isEqualTo(first.usage().express());
  }

  @Test
  void aDefinitionExpressCannotRunIsMeasuredAsStandardOnlyWithAwsReason() {
    Scenario callback = new Scenario() {
      @Override
      public String name() {
        return "callback";
      }

      @Override
      public String description() {
        return "waits for a task token";
      }

      @Override
      public void setup(World world) {}

      @Override
      public JsonNode defaultInput() {
        return Json.object();
      }

      @Override
      public ChaosSweep defaultSweep() {
        return saga.defaultSweep();
      }

      @Override
      public JsonNode definition() {
        return Json.parse("""
            {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters": {"FunctionName": "ask", "Payload": {"token.$": "$$.Task.Token"}},
              "TimeoutSeconds": 60, "End": true}}}""");
      }
    };

    ScenarioRuns.Measured m = ScenarioRuns.measure(callback, 1);

    assertThat(m.comparable()).isFalse();
    assertThat(m.express()).isNull();
    assertThat(m.expressProblem()).contains("waitForTaskToken");
    assertThat(m.standardUsage()).isNotEmpty();
  }

  @Test
  void everyUsageTheScenariosRecordHasAPriceInTheCatalogue() {
    CostModel prices = CostModel.of(PriceCatalogue.defaults());
    for (Scenario scenario : ScenarioCatalog.all()) {
      ScenarioRuns.Measured m = ScenarioRuns.measure(scenario, 1);
      List<CostBreakdown.Line> unpriced = prices.price(m.standardUsage()).lines().stream()
          .filter(CostBreakdown.Line::unpriced).toList();

      assertThat(unpriced).as(scenario.name()).isEmpty();
    }
  }
}
