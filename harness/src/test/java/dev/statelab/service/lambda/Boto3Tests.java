package dev.statelab.service.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** boto3 against a StateLab server: a Python Lambda from a zip, invoked by a state machine that catches its errorType. */
class Boto3Tests {

  @Test
  void boto3CreatesAPythonLambdaAndAStateMachineCatchesItsErrorType(@TempDir Path dir) throws Exception {
    assumeTrue(Zips.available("python3"), "python3 is not installed");
    assumeTrue(run(new ProcessBuilder("python3", "-c", "import boto3"), 30).exit == 0, "boto3 is not installed");
    Path script = dir.resolve("boto3_lambda_flow.py");
    try (InputStream in = Boto3Tests.class.getResourceAsStream("boto3_lambda_flow.py")) {
      Files.write(script, in.readAllBytes());
    }
    try (StateLabServer server = StateLabServer.start(
        World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build()), GatewayOptions.defaults())) {
      ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), server.endpoint().toString(),
          server.region(), server.accountId());
      pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
      Result result = run(pb, 90);
      LambdaStore.of(server.world()).close();

      assertThat(result.exit).as(result.output).isZero();
      String[] lines = result.output.strip().split("\n");
      JsonNode out = Json.parse(lines[lines.length - 1]);
      assertThat(out.get("directFunctionError").asText()).isEqualTo("Unhandled");
      assertThat(out.get("directErrorType").asText()).isEqualTo("InventoryShort");
      assertThat(out.at("/qty2/status").asText()).isEqualTo("SUCCEEDED");
      assertThat(out.at("/qty2/output/reserved").asInt()).isEqualTo(2);
      assertThat(out.at("/qty9/status").asText()).isEqualTo("SUCCEEDED");
      assertThat(out.at("/qty9/output/backorder").asBoolean()).isTrue();
      assertThat(out.at("/qty9/output/error").asText()).isEqualTo("InventoryShort");
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
