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
import dev.statelab.server.StateLabServer;
import dev.statelab.service.lambda.LambdaStore;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** boto3's Cost Explorer client against a server that ran a workflow with a Lambda and a Batch job. */
class CostExplorerBoto3Tests {

  @Test
  void boto3GetsCostAndUsageGroupedByService(@TempDir Path dir) throws Exception {
    assumeTrue(run(new ProcessBuilder("python3", "-c", "import boto3"), 30).exit == 0, "boto3 is not installed");
    Path script = dir.resolve("boto3_cost_by_service.py");
    try (InputStream in = CostExplorerBoto3Tests.class.getResourceAsStream("boto3_cost_by_service.py")) {
      Files.write(script, in.readAllBytes());
    }
    World world = CostExplorerTesting.newWorld();
    CostExplorerTesting.provision(world);
    try (StateLabServer server = StateLabServer.start(world, GatewayOptions.defaults())) {
      Execution e = world.call(() -> world.start(StateMachine.parse(CostExplorerTesting.WORKFLOW),
          Json.parse("{\"n\": 1}")));
      e.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);
      world.call(() -> null);
      Map<String, BigDecimal> expected = CostExplorerTesting.expectedCostByService(world);

      ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), server.endpoint().toString(),
          server.region());
      pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
      Result result = run(pb, 60);
      LambdaStore.of(world).close();

      assertThat(result.exit).as(result.output).isZero();
      String[] lines = result.output.strip().split("\n");
      JsonNode out = Json.parse(lines[lines.length - 1]);
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

  private record Result(int exit, String output) {}

  private static Result run(ProcessBuilder pb, int timeoutSeconds) throws IOException, InterruptedException {
    Process p = pb.redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, "timed out");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
