package dev.statelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the benchmark workloads honest: each one is valid ASL, succeeds and makes the number of
 * transitions the README states. One execution each; nothing is measured here.
 */
class WorkloadsTest {

  @ParameterizedTest
  @CsvSource({
    "PASS_CHAIN_100,   100",
    "CHOICE_LOOP_1000, 2001",
    "MAP_100,          101",
    "PARALLEL_10,      11",
  })
  void workloadSucceedsWithExpectedTransitions(Workloads workload, long transitions) {
    StateMachine machine = StateMachine.parse(workload.definitionText());
    try (World world = World.newInstance(WorldOptions.newBuilder().seed(0).build())) {
      Execution execution = world.run(machine, workload.input());

      assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(execution.transitions()).isEqualTo(transitions);
      assertOutput(workload, execution.output());
    }
  }

  private static void assertOutput(Workloads workload, JsonNode output) {
    switch (workload) {
      case PASS_CHAIN_100 -> assertThat(output).isEqualTo(workload.input());
      case CHOICE_LOOP_1000 -> assertThat(output.get("counter").asInt()).isEqualTo(1000);
      case MAP_100 -> assertThat(output).isEqualTo(workload.input().get("items"));
      case PARALLEL_10 -> {
        assertThat(output.size()).isEqualTo(10);
        output.forEach(branch -> assertThat(branch).isEqualTo(workload.input()));
      }
      default -> throw new AssertionError(workload);
    }
  }
}
