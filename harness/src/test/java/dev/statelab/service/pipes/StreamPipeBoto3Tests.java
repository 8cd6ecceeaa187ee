package dev.statelab.service.pipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.server.StateLabServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with boto3: a DynamoDB table with a NEW_IMAGE stream, a pipe from the stream to a
 * state machine, one PutItem, and an execution whose input carries the new image.
 */
class StreamPipeBoto3Tests {

  @Test
  void aPutItemStartsAnExecutionThroughThePipeWithTheNewImage(@TempDir Path dir) throws Exception {
    assumeTrue(boto3(), "python3 with boto3 is not installed");
    Path script = dir.resolve("boto3_stream_pipe.py");
    try (InputStream in = StreamPipeBoto3Tests.class.getResourceAsStream("boto3_stream_pipe.py")) {
      Files.write(script, in.readAllBytes());
    }
    try (StateLabServer server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder()
        .seed(2).realIoGrace(Duration.ofMillis(5)).build()), GatewayOptions.defaults())) {
      Path log = dir.resolve("out.log");
      ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), server.endpoint().toString(),
          server.region(), server.accountId()).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
      Process p = pb.start();
      boolean done = p.waitFor(120, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(done).as(output).isTrue();
      assertThat(p.exitValue()).as(output).isZero();
      String[] lines = output.strip().split("\n");
      JsonNode out = dev.statelab.json.Json.parse(lines[lines.length - 1]);
      assertThat(out.get("pipeState").asText()).isEqualTo("RUNNING");
      assertThat(out.get("inputs")).hasSize(1);
      JsonNode record = out.at("/inputs/0/0");
      assertThat(record.get("eventName").asText()).isEqualTo("INSERT");
      assertThat(record.get("eventSourceARN").asText()).isEqualTo(out.get("stream").asText());
      assertThat(record.at("/dynamodb/NewImage/id/S").asText()).isEqualTo("o-1");
      assertThat(record.at("/dynamodb/NewImage/amount/N").asText()).isEqualTo("42");
      assertThat(record.at("/dynamodb/NewImage/status/S").asText()).isEqualTo("PAID");
      assertThat(record.at("/dynamodb/StreamViewType").asText()).isEqualTo("NEW_IMAGE");
    }
  }

  private static boolean boto3() throws Exception {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
