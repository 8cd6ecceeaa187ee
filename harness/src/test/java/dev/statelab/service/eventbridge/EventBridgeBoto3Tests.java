package dev.statelab.service.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.WorldOptions;
import dev.statelab.json.Json;
import dev.statelab.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3 against a StateLab server: a numeric rule targeting a state machine, the events:putEvents
 * task, TestEventPattern, PutEvents partial failure and the Pipes API.
 */
class EventBridgeBoto3Tests {

  @Test
  void boto3SeesRulesTasksPatternTestsPartialFailuresAndPipes(@TempDir Path dir) throws Exception {
    String missing = Processes.missingBoto3();
    assumeTrue(missing == null, missing);
    JsonNode out = Processes.runAgainstServer(EventBridgeBoto3Tests.class, "boto3_events_flow.py", dir,
        WorldOptions.newBuilder().seed(1).realIoGrace(Duration.ofMillis(5)).build(), 120);
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
