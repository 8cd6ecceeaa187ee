package dev.statelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.asl.StateMachine;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import org.junit.jupiter.api.Test;

/** The two versions of the query-language workload compute the same output (nothing is timed). */
class QueryLanguageWorkloadTest {

  @Test
  void jsonPathAndJsonataVersionsProduceTheSameOutput() {
    try (World world = World.newInstance()) {
      Execution jsonPath = world.run(StateMachine.parse(QueryLanguageWorkload.JSONPATH.definitionText()), QueryLanguageWorkload.input());
      Execution jsonata = world.run(StateMachine.parse(QueryLanguageWorkload.JSONATA.definitionText()), QueryLanguageWorkload.input());

      assertThat(jsonPath.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(jsonata.status()).as("%s %s", jsonata.error(), jsonata.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(jsonata.output()).isEqualTo(jsonPath.output());
      assertThat(jsonPath.output().get("first").asText()).isEqualTo("0: sku-0");
      assertThat(jsonPath.output().get("count").asInt()).isEqualTo(20);
    }
  }
}
