package dev.statelab.service.pipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.WorldOptions;
import dev.statelab.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with boto3: a DynamoDB table with a NEW_IMAGE stream, a pipe from the stream to a
 * state machine, one PutItem, and an execution whose input carries the new image.
 */
class StreamPipeBoto3Tests {

  @Test
  void aPutItemStartsAnExecutionThroughThePipeWithTheNewImage(@TempDir Path dir) throws Exception {
    String missing = Processes.missingBoto3();
    assumeTrue(missing == null, missing);
    JsonNode out = Processes.runAgainstServer(StreamPipeBoto3Tests.class, "boto3_stream_pipe.py", dir,
        WorldOptions.newBuilder().seed(2).realIoGrace(Duration.ofMillis(5)).build(), 120);
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
