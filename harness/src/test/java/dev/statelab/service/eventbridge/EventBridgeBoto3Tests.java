package dev.statelab.service.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
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
 * boto3 against a StateLab server: a numeric rule targeting a state machine, the events:putEvents
 * task, TestEventPattern, PutEvents partial failure and the Pipes API.
 */
class EventBridgeBoto3Tests {

  @Test
  void boto3SeesRulesTasksPatternTestsPartialFailuresAndPipes(@TempDir Path dir) throws Exception {
    assumeTrue(Boto3.available(), "python3 with boto3 is not installed");
    Path script = Boto3.copy(EventBridgeBoto3Tests.class, "boto3_events_flow.py", dir);
    try (StateLabServer server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder()
        .seed(1).realIoGrace(Duration.ofMillis(5)).build()), GatewayOptions.defaults())) {
      Boto3.Result result = Boto3.run(dir, 120, "python3", script.toString(),
          server.endpoint().toString(), server.region(), server.accountId());
      assertThat(result.exit()).as(result.output()).isZero();
      JsonNode out = result.lastLine();
      assertThat(out.get("startedAmounts")).isEqualTo(Json.parse("[150,250]"));
      assertThat(out.at("/putEventsTask/status").asText()).isEqualTo("SUCCEEDED");
      assertThat(out.at("/putEventsTask/output/FailedEntryCount").asInt()).isZero();
      assertThat(out.at("/putEventsTask/output/Entries/0/EventId").asText()).hasSize(36);
      assertThat(out.get("testMatch").asBoolean()).isTrue();
      assertThat(out.get("testNoMatch").asBoolean()).isFalse();
      assertThat(out.get("badPattern").asText()).isEqualTo("InvalidEventPatternException");
      assertThat(out.get("partial")).isEqualTo(Json.parse("{\"FailedEntryCount\":2,\"Entries\":["
          + "{\"EventId\":\"id\"},"
          + "{\"ErrorCode\":\"MalformedDetail\",\"ErrorMessage\":\"Detail is malformed.\"},"
          + "{\"ErrorCode\":\"InvalidArgument\",\"ErrorMessage\":"
          + "\"Parameter Source is not valid. Reason: Source is a required argument.\"}]}"));
      // the table has no stream: the pipe exists but cannot read it
      assertThat(out.get("pipeCreated").asText()).isEqualTo("CREATING");
      assertThat(out.get("pipeDescribed").asText()).isEqualTo("CREATE_FAILED");
      assertThat(out.get("pipeListed")).isEqualTo(Json.parse("[\"orders\"]"));
      assertThat(out.get("pipeTags")).isEqualTo(Json.parse("{\"team\":\"a\"}"));
      assertThat(out.get("pipeDeleted").asText()).isEqualTo("DELETED");
      assertThat(out.get("pipeMissing").asText()).isEqualTo("NotFoundException");
    }
  }

  /** Runs python scripts with a bounded wait; output goes to a file so a chatty script cannot block. */
  static final class Boto3 {

    private Boto3() {}

    record Result(int exit, String output) {
      JsonNode lastLine() {
        String[] lines = output.strip().split("\n");
        return Json.parse(lines[lines.length - 1]);
      }
    }

    static boolean available() throws Exception {
      try {
        Process p = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (java.io.IOException e) {
        return false;
      }
    }

    static Path copy(Class<?> owner, String resource, Path dir) throws Exception {
      Path script = dir.resolve(resource);
      try (InputStream in = owner.getResourceAsStream(resource)) {
        Files.write(script, in.readAllBytes());
      }
      return script;
    }

    static Result run(Path dir, int timeoutSeconds, String... command) throws Exception {
      Path log = dir.resolve("out.log");
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
  }
}
