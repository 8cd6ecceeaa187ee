package dev.statelab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleExecutionsTests {

  private static List<String> types(JsonNode run) {
    List<String> out = new ArrayList<>();
    run.path("events").forEach(e -> out.add(e.path("type").asText()));
    return out;
  }

  @Test
  void checkedInSampleIsWhatTheHarnessProducesToday(@TempDir Path dir) throws IOException {
    SampleExecutions.write(dir);
    for (String scenario : List.of("order-happy-path", "order-payment-declined")) {
      JsonNode fresh = Json.parse(Files.readString(dir.resolve(scenario + ".json")));
      JsonNode checkedIn = Json.parse(Files.readString(
          ReportGeneratorTests.SAMPLE.resolve("executions").resolve(scenario + ".json")));
      assertThat(types(fresh)).isEqualTo(types(checkedIn));
      assertThat(fresh.path("status")).isEqualTo(checkedIn.path("status"));
      assertThat(fresh.path("cost")).isEqualTo(checkedIn.path("cost"));
    }
  }

  @Test
  void happyPathRetriesTheChargeTwiceOnTheVirtualClock(@TempDir Path dir) throws IOException {
    SampleExecutions.write(dir);
    JsonNode run = Json.parse(Files.readString(dir.resolve("order-happy-path.json")));
    assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(types(run).stream().filter("LambdaFunctionFailed"::equals).count()).isEqualTo(2);
    long start = java.time.Instant.parse(run.path("startDate").asText()).toEpochMilli();
    long stop = java.time.Instant.parse(run.path("stopDate").asText()).toEpochMilli();
    assertThat(stop - start).isEqualTo(4890);
    assertThat(run.path("cost").path("transitions").asLong()).isEqualTo(13);
  }
}
