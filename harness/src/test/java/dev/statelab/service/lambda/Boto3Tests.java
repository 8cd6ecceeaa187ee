package dev.statelab.service.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.testing.Processes;
import dev.statelab.server.StateLabServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** boto3 against a StateLab server: a Python Lambda from a zip, invoked by a state machine that catches its errorType. */
class Boto3Tests {

  @Test
  void boto3CreatesAPythonLambdaAndAStateMachineCatchesItsErrorType(@TempDir Path dir) throws Exception {
    assumeTrue(Zips.available("python3"), "python3 is not installed");
    String missing = Processes.missingBoto3();
    assumeTrue(missing == null, missing);
    try (StateLabServer server = StateLabServer.start(
        World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build()), GatewayOptions.defaults())) {
      Processes.Result result = Processes.runScript(Boto3Tests.class, "boto3_lambda_flow.py", dir, 90,
          server.endpoint().toString(), server.region(), server.accountId());
      LambdaStore.of(server.world()).close();

      assertThat(result.exitCode()).as(result.output()).isZero();
      JsonNode out = result.lastLineJson();
      assertThat(out.get("directFunctionError").asText()).isEqualTo("Unhandled");
      assertThat(out.get("directErrorType").asText()).isEqualTo("InventoryShort");
      assertThat(out.at("/qty2/status").asText()).isEqualTo("SUCCEEDED");
      assertThat(out.at("/qty2/output/reserved").asInt()).isEqualTo(2);
      assertThat(out.at("/qty9/status").asText()).isEqualTo("SUCCEEDED");
      assertThat(out.at("/qty9/output/backorder").asBoolean()).isTrue();
      assertThat(out.at("/qty9/output/error").asText()).isEqualTo("InventoryShort");
    }
  }

}
