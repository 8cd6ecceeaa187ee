package dev.statelab.service.costexplorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.cost.Services;
import dev.statelab.engine.Execution;
import dev.statelab.engine.World;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.testing.Processes;
import dev.statelab.server.StateLabServer;
import dev.statelab.service.lambda.LambdaStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** boto3's Cost Explorer client against a server that ran a workflow with a Lambda and a Batch job. */
class CostExplorerBoto3Tests {

  @Test
  void boto3GetsCostAndUsageGroupedByService(@TempDir Path dir) throws Exception {
    String missing = Processes.missingBoto3();
    assumeTrue(missing == null, missing);
    World world = CostExplorerTesting.newWorld();
    CostExplorerTesting.provision(world);
    try (StateLabServer server = StateLabServer.start(world, GatewayOptions.defaults())) {
      Execution e = world.call(() -> world.start(StateMachine.parse(CostExplorerTesting.WORKFLOW),
          Json.parse("{\"n\": 1}")));
      e.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);
      world.call(() -> null);
      Map<String, BigDecimal> expected = CostExplorerTesting.expectedCostByService(world);

      Processes.Result result = Processes.runScript(CostExplorerBoto3Tests.class, "boto3_cost_by_service.py", dir, 60,
          server.endpoint().toString(), server.region());
      LambdaStore.of(world).close();

      assertThat(result.exitCode()).as(result.output()).isZero();
      JsonNode out = result.lastLineJson();
      assertThat(out.get("total").isEmpty()).isTrue();
      assertThat(out.get("estimated").asBoolean()).isTrue();
      assertThat(out.get("units")).containsExactly(Json.text("USD"));
      assertThat(out.get("error").asText()).isEqualTo("ValidationException");
      JsonNode groups = out.get("groups");
      assertThat(groups.size()).isEqualTo(3);
      expected.forEach((service, cost) -> assertThat(new BigDecimal(groups.get(service).asText())).as(service)
          .isCloseTo(cost, within(new BigDecimal("0.0000000001"))));
      assertThat(groups.get(Services.STEP_FUNCTIONS).asText()).isEqualTo("0.00005");
    }
  }

}
