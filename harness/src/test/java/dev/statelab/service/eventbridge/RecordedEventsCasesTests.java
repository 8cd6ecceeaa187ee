package dev.statelab.service.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.conformance.CaseResult;
import dev.statelab.conformance.ConformanceCase;
import dev.statelab.conformance.ConformanceRunner;
import dev.statelab.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the recorded AWS cases of the {@code events:putEvents} integration (LocalStack's
 * test_events_task_service, recorded against AWS) against the EventBridge stand-in.
 *
 * <p>The {@code <detail-type>} and {@code <sqs_queue_url>} placeholders of the input stay as
 * literal strings: the stand-in only needs them to be non-empty. A recorded object cause is
 * compared as its JSON text, as the runner compares causes.
 */
class RecordedEventsCasesTests {

  private static final Path ROOT =
      Path.of(System.getProperty("statelab.conformance.dir", "../../shared/conformance/localstack-aws-recorded"));

  @Test
  void allThreeRecordedPutEventsCasesMatchAws() throws IOException {
    Path dir = ROOT.resolve("services");
    assumeTrue(Files.isDirectory(dir), "the shared AWS recordings are not at " + dir.toAbsolutePath());
    List<String> failures = new ArrayList<>();
    int total = 0;
    for (Path file : ConformanceCase.list(dir)) {
      if (!file.getFileName().toString().contains("events_task_service")) {
        continue;
      }
      total++;
      ObjectNode raw = (ObjectNode) Json.parse(Files.readString(file));
      JsonNode expected = raw.get("expected");
      if (expected.path("cause").isObject()) {
        ((ObjectNode) expected).put("cause", Json.write(expected.get("cause")));
      }
      ConformanceRunner runner = new ConformanceRunner(world -> new EventBridgeModule().install(world));
      CaseResult result = runner.run(ConformanceCase.of(raw));
      if (!result.outcomeMatches() || Boolean.FALSE.equals(result.historyMatches())) {
        failures.add(result.id() + ": " + result.difference());
      }
    }
    assertThat(total).isEqualTo(3);
    assertThat(failures).isEmpty();
  }
}
