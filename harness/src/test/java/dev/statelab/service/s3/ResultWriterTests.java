package dev.statelab.service.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Distributed Map writing its results to the S3 stand-in, in-process on a virtual clock. */
class ResultWriterTests {

  private final World world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.VIRTUAL).build());
  private final S3Store store = S3Store.of(world);

  ResultWriterTests() {
    new S3Module().install(world);
    store.createBucket("out");
  }

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  private Execution run(String writer, String extra, String input) {
    String definition = """
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,%s
          "ResultWriter":%s,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"Check","States":{
              "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":2,"Next":"Boom"}],"Default":"Ok"},
              "Ok":{"Type":"Pass","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true},
              "Boom":{"Type":"Fail","Error":"Boom","Cause":"two"}}}}}}""".formatted(extra, writer);
    return world.run(StateMachine.parse(definition), Json.parse(input));
  }

  private JsonNode read(String key) {
    return Json.parse(store.text("out", key));
  }

  @Test
  void theMapOutputNamesTheManifestAndTheMapRun() {
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}}""", "",
        "[{\"n\":1},{\"n\":3}]");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    String mapRunArn = e.history().stream().filter(h -> h.type().equals("MapRunStarted")).findFirst()
        .map(HistoryEvent::details).orElseThrow().get("mapRunArn").asText();
    String id = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
    assertThat(e.output()).isEqualTo(Json.parse("""
        {"MapRunArn":"%s","ResultWriterDetails":{"Bucket":"out","Key":"runs/%s/manifest.json"}}"""
        .formatted(mapRunArn, id)));
  }

  @Test
  void theManifestListsTheSucceededFileWithItsSize() {
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}}""", "",
        "[{\"n\":1},{\"n\":3}]");

    JsonNode manifest = read(e.output().at("/ResultWriterDetails/Key").asText());
    String folder = e.output().at("/ResultWriterDetails/Key").asText().replace("manifest.json", "");
    assertThat(manifest.fieldNames()).toIterable().containsExactly("DestinationBucket", "MapRunArn", "ResultFiles");
    assertThat(manifest.get("DestinationBucket").asText()).isEqualTo("out");
    assertThat(manifest.get("MapRunArn").asText()).isEqualTo(e.output().get("MapRunArn").asText());
    assertThat(manifest.at("/ResultFiles/FAILED")).isEmpty();
    assertThat(manifest.at("/ResultFiles/PENDING")).isEmpty();
    assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText()).isEqualTo(folder + "SUCCEEDED_0.json");
    assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Size").asLong())
        .isEqualTo(store.object("out", folder + "SUCCEEDED_0.json").size());
  }

  @Test
  void theSucceededFileHoldsEachChildExecutionWithInputAndOutputAsStrings() {
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}}""", "",
        "[{\"n\":1},{\"n\":3}]");

    String folder = e.output().at("/ResultWriterDetails/Key").asText().replace("manifest.json", "");
    JsonNode succeeded = read(folder + "SUCCEEDED_0.json");
    assertThat(succeeded).hasSize(2);
    JsonNode first = succeeded.get(0);
    assertThat(first.fieldNames()).toIterable().containsExactly("ExecutionArn", "Input", "InputDetails", "Name",
        "Output", "OutputDetails", "RedriveCount", "RedriveStatus", "RedriveStatusReason", "StartDate",
        "StateMachineArn", "Status", "StopDate");
    assertThat(first.get("Input").asText()).isEqualTo("{\"n\":1}");
    assertThat(first.get("Output").asText()).isEqualTo("{\"doubled\":2}");
    assertThat(first.get("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(first.at("/InputDetails/Included").asBoolean()).isTrue();
    assertThat(first.get("RedriveStatus").asText()).isEqualTo("NOT_REDRIVABLE");
    assertThat(first.get("StartDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(first.get("ExecutionArn").asText()).contains(":execution:");
  }

  @Test
  void failedChildrenGoToTheFailedFileWithErrorAndCause() {
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs/"}}""",
        "\"ToleratedFailureCount\":1,", "[{\"n\":1},{\"n\":2},{\"n\":3}]");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    String key = e.output().at("/ResultWriterDetails/Key").asText();
    assertThat(key).doesNotContain("//");
    JsonNode manifest = read(key);
    JsonNode failed = read(manifest.at("/ResultFiles/FAILED/0/Key").asText());
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).get("Status").asText()).isEqualTo("FAILED");
    assertThat(failed.get(0).get("Error").asText()).isEqualTo("Boom");
    assertThat(failed.get(0).get("Cause").asText()).isEqualTo("two");
    assertThat(failed.get(0).has("Output")).isFalse();
    assertThat(read(manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText())).hasSize(2);
  }

  @Test
  void exceedingTheToleranceStillWritesTheResults() {
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}}""",
        "\"MaxConcurrency\":1,", "[{\"n\":1},{\"n\":2},{\"n\":3}]");

    assertThat(e.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(store.objects("out", "runs/", null)).extracting(S3Object::key)
        .anyMatch(k -> k.endsWith("/manifest.json")).anyMatch(k -> k.endsWith("/FAILED_0.json"));
  }

  @Test
  void aMissingBucketFailsWithResultWriterFailed() {
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"nobucket","Prefix":"runs"}}""", "",
        "[{\"n\":1}]");

    assertThat(e.error()).isEqualTo("States.ResultWriterFailed");
    assertThat(e.cause()).startsWith("The specified bucket does not exist (Service: S3, Status Code: 404");
  }

  @Test
  void writerConfigCompactJsonlWritesOneOutputPerLine() {
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"c"},
         "WriterConfig":{"OutputType":"JSONL","Transformation":"COMPACT"}}""", "", "[{\"n\":1},{\"n\":3}]");

    JsonNode manifest = read(e.output().at("/ResultWriterDetails/Key").asText());
    String key = manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText();
    assertThat(key).endsWith("SUCCEEDED_0.jsonl");
    assertThat(store.text("out", key)).isEqualTo("{\"doubled\":2}\n{\"doubled\":6}\n");
  }

  @Test
  void compactWritesAFailedChildUnchanged() {
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"c"},
         "WriterConfig":{"OutputType":"JSON","Transformation":"COMPACT"}}""", "\"ToleratedFailureCount\":1,",
        "[{\"n\":2}]");

    JsonNode manifest = read(e.output().at("/ResultWriterDetails/Key").asText());
    JsonNode failed = read(manifest.at("/ResultFiles/FAILED/0/Key").asText());
    assertThat(failed.get(0).get("Error").asText()).isEqualTo("Boom");
    assertThat(failed.get(0).get("Status").asText()).isEqualTo("FAILED");
  }

  @Test
  void tenThousandCsvRowsWithoutABatcherRunAsTenThousandChildExecutions() {
    StringBuilder csv = new StringBuilder("n\n");
    for (int i = 0; i < 10_000; i++) {
      csv.append(i).append('\n');
    }
    store.putObject("out", "rows.csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv",
        java.util.Map.of());
    long started = System.nanoTime();
    Execution e = world.run(StateMachine.parse("""
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
          "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV"},
            "Parameters":{"Bucket":"out","Key":"rows.csv"}},
          "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"big"}},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}"""), Json.object());
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("ResultWriterTests: 10,000 unbatched CSV rows as 10,000 child executions in " + millis + " ms");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode manifest = read(e.output().at("/ResultWriterDetails/Key").asText());
    assertThat(read(manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText())).hasSize(10_000);
  }

  @Test
  void writerConfigWithoutABucketPreviewsTheTransformedResults() {
    Execution e = run("""
        {"WriterConfig":{"OutputType":"JSON","Transformation":"FLATTEN"}}""", "", "[{\"n\":1},{\"n\":3}]");

    assertThat(e.output()).isEqualTo(Json.parse("[{\"doubled\":2},{\"doubled\":6}]"));
  }
}
