package dev.statelab.service.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.testing.Processes;
import dev.statelab.server.StateLabServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3 against a started server: a Distributed Map reads a 10,000-row CSV uploaded to S3, in
 * batches of 100, and writes its results to S3 with ResultWriter; the script reads them back.
 */
class S3Boto3Tests {

  @Test
  void boto3RunsADistributedMapOverATenThousandRowCsvAndReadsTheResultWriterFiles(@TempDir Path dir)
      throws Exception {
    JsonNode out = runScript(dir, "boto3_csv_map.py", 180, "10000");
    System.out.println("S3Boto3Tests: 10,000-row CSV distributed Map ran in " + out.get("seconds").asDouble()
        + " s (StartExecution to DescribeExecution SUCCEEDED)");
    assertThat(out.get("status").asText()).as(out.toString()).isEqualTo("SUCCEEDED");

    JsonNode output = out.get("output");
    String mapRunArn = output.get("MapRunArn").asText();
    String mapRunId = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
    assertThat(mapRunArn).contains(":mapRun:csv-orders/Orders:");
    assertThat(output.fieldNames()).toIterable().containsExactly("MapRunArn", "ResultWriterDetails");
    assertThat(output.get("ResultWriterDetails")).isEqualTo(Json.parse(
        "{\"Bucket\":\"csv-out\",\"Key\":\"results/" + mapRunId + "/manifest.json\"}"));

    JsonNode manifest = out.get("manifest");
    assertThat(manifest.fieldNames()).toIterable().containsExactly("DestinationBucket", "MapRunArn", "ResultFiles");
    assertThat(manifest.get("DestinationBucket").asText()).isEqualTo("csv-out");
    assertThat(manifest.get("MapRunArn").asText()).isEqualTo(mapRunArn);
    assertThat(manifest.get("ResultFiles").fieldNames()).toIterable()
        .containsExactly("FAILED", "PENDING", "SUCCEEDED");
    assertThat(manifest.at("/ResultFiles/FAILED")).isEmpty();
    assertThat(manifest.at("/ResultFiles/PENDING")).isEmpty();
    assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText())
        .isEqualTo("results/" + mapRunId + "/SUCCEEDED_0.json");
    assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Size").asLong()).isEqualTo(out.get("succeededBytes").asLong());

    assertThat(out.get("succeededCount").asInt()).isEqualTo(100);
    assertThat(out.get("total").asInt()).isEqualTo(10_000);
    assertThat(out.get("counts")).isEqualTo(Json.parse("[100]"));
    assertThat(out.get("firstIds")).isEqualTo(Json.parse("[0,100,200]"));
    JsonNode first = out.get("first");
    assertThat(first.fieldNames()).toIterable().containsExactly("ExecutionArn", "Input", "InputDetails", "Name",
        "Output", "OutputDetails", "RedriveCount", "RedriveStatus", "RedriveStatusReason", "StartDate",
        "StateMachineArn", "Status", "StopDate");
    assertThat(first.get("Status").asText()).isEqualTo("SUCCEEDED");
    JsonNode input = Json.parse(first.get("Input").asText());
    assertThat(input.at("/BatchInput/source").asText()).isEqualTo("orders/orders.csv");
    assertThat(input.get("Items")).hasSize(100);
    assertThat(input.at("/Items/0").fieldNames()).toIterable().containsExactly("id", "name", "amount");
    assertThat(input.at("/Items/0/amount").isTextual()).isTrue();
    assertThat(Json.parse(first.get("Output").asText()).get("source").asText()).isEqualTo("orders/orders.csv");
    assertThat(out.get("listed")).extracting(JsonNode::asText).containsExactly(
        "results/" + mapRunId + "/SUCCEEDED_0.json", "results/" + mapRunId + "/manifest.json");
  }

  @Test
  void boto3SeesS3sObjectsListingsAndErrorCodes(@TempDir Path dir) throws Exception {
    JsonNode out = runScript(dir, "boto3_s3_api.py", 90);
    assertThat(out.get("createAgain")).isEqualTo(Json.parse("[\"BucketAlreadyOwnedByYou\","
        + "\"Your previous request to create the named bucket succeeded and you already own it.\",409]"));
    assertThat(out.get("etag").asText()).isEqualTo("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
    assertThat(out.get("body").asText()).isEqualTo("hello world");
    assertThat(out.get("metadata")).isEqualTo(Json.parse("{\"team\":\"core\"}"));
    assertThat(out.get("contentType").asText()).isEqualTo("text/plain");
    assertThat(out.get("range")).isEqualTo(Json.parse("[\"world\",\"bytes 6-10/11\",206]"));
    assertThat(out.get("head").asInt()).isEqualTo(11);
    assertThat(out.get("keys")).isEqualTo(Json.parse("[\"docs/a b.txt\",\"docs/b.txt\"]"));
    assertThat(out.get("prefixes")).isEqualTo(Json.parse("[\"docs/sub/\"]"));
    assertThat(out.get("keyCount").asInt()).isEqualTo(3);
    assertThat(out.get("paged")).isEqualTo(Json.parse(
        "[\"docs/a b.txt\",\"docs/b.txt\",\"docs/sub/c.txt\",\"readme.md\"]"));
    assertThat(out.get("copied").asText()).isEqualTo("hello world");
    assertThat(out.get("deleted")).isEqualTo(Json.parse("[\"copy.txt\",\"readme.md\"]"));
    assertThat(out.get("noSuchKey")).isEqualTo(Json.parse(
        "[\"NoSuchKey\",\"The specified key does not exist.\",404]"));
    assertThat(out.at("/headMissing/0").asText()).isEqualTo("404");
    assertThat(out.get("noSuchBucket")).isEqualTo(Json.parse(
        "[\"NoSuchBucket\",\"The specified bucket does not exist\",404]"));
    assertThat(out.at("/invalidRange/0").asText()).isEqualTo("InvalidRange");
    assertThat(out.at("/invalidRange/2").asInt()).isEqualTo(416);
    assertThat(out.at("/notEmpty/0").asText()).isEqualTo("BucketNotEmpty");
    assertThat(out.get("buckets")).isEqualTo(Json.parse("[\"py-api\"]"));
  }

  /** Runs a boto3 script from the test resources against a fresh server; answers its last output line. */
  private static JsonNode runScript(Path dir, String name, int timeoutSeconds, String... extra) throws Exception {
    String missing = Processes.missingBoto3();
    assumeTrue(missing == null, missing);
    try (StateLabServer server = StateLabServer.start(
        World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build()), GatewayOptions.defaults())) {
      List<String> args = new ArrayList<>(List.of(server.endpoint().toString(), server.region()));
      args.addAll(List.of(extra));
      Processes.Result result = Processes.runScript(S3Boto3Tests.class, name, dir, timeoutSeconds, args.toArray(String[]::new));
      assertThat(result.exitCode()).as(result.output()).isZero();
      return result.lastLineJson();
    }
  }
}
