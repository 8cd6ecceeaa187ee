package dev.statelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.asl.StateMachine;
import dev.statelab.bench.StateTypeWorkload.QueryLanguage;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every state-type chain succeeds in both query languages and carries the payload through
 * unchanged where the state type does not add to it. Nothing is timed here.
 */
class StateTypeWorkloadTest {

  @ParameterizedTest
  @EnumSource(StateTypeWorkload.class)
  void chainSucceedsAlikeInBothQueryLanguages(StateTypeWorkload workload) {
    try (World world = World.newInstance(WorldOptions.newBuilder().seed(0).build())) {
      world.integrations().function(StateTypeWorkload.ECHO, in -> in);
      Execution jsonPath = world.run(StateMachine.parse(workload.definition(QueryLanguage.JSONPATH)), StateTypeWorkload.input(2048));
      Execution jsonata = world.run(StateMachine.parse(workload.definition(QueryLanguage.JSONATA)), StateTypeWorkload.input(2048));

      assertThat(jsonPath.status()).as("%s %s", jsonPath.error(), jsonPath.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(jsonata.status()).as("%s %s", jsonata.error(), jsonata.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(jsonata.transitions()).isEqualTo(jsonPath.transitions());
      assertThat(jsonata.output().get("records")).isEqualTo(jsonPath.output().get("records"));
    }
  }

  @ParameterizedTest
  @EnumSource(StateTypeWorkload.class)
  void inputReachesTheAskedSize(StateTypeWorkload ignored) {
    assertThat(Json.byteSize(StateTypeWorkload.input(16384))).isBetween(16384, 16384 + 100);
  }
}
