package dev.statelab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.chaos.ChaosExperiment;
import dev.statelab.chaos.Faults;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** fan-out: a Map over 20 items with ToleratedFailurePercentage 10. */
class FanOutScenarioTests {

  private final Scenario scenario = ScenarioCatalog.byName("fan-out").orElseThrow();
  private final World world = World.newInstance(WorldOptions.newBuilder().seed(1).startTime(ChaosExperiment.START).build());

  @BeforeEach
  void setUp() {
    scenario.setup(world);
  }

  @AfterEach
  void tearDown() {
    world.close();
  }

  @Test
  void onePoisonItemInTwentyIsTolerated() {
    Execution e = world.run(scenario.stateMachine(), scenario.defaultInput());

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output().get("results")).hasSize(FanOutScenario.ITEMS);
    assertThat(e.history()).filteredOn(h -> h.type().equals("TaskFailed"))
        .extracting(h -> h.details().get("error").asText()).containsExactly("InvalidItem");
  }

  @Test
  void threePoisonItemsInTwentyFailTheMap() {
    ObjectNode input = (ObjectNode) scenario.defaultInput();
    ((ObjectNode) input.get("items").get(1)).put("poison", true);
    ((ObjectNode) input.get("items").get(2)).put("poison", true);

    Execution e = world.run(scenario.stateMachine(), input);

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void transientLambdaErrorsAreRetriedAndDoNotCountAsFailures() {
    Faults faults = Faults.of(world);
    faults.onFunction("process").onCalls(1, 2, 3, 4, 5).serviceError();

    Execution e = world.run(scenario.stateMachine(), scenario.defaultInput());

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(faults.injected()).hasSize(5);
    assertThat(e.history()).filteredOn(h -> h.type().equals("TaskFailed"))
        .extracting(h -> h.details().get("error").asText())
        .containsOnly("Lambda.ServiceException", "InvalidItem");
  }
}
