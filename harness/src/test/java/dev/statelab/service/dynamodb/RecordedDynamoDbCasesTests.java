package dev.statelab.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the recorded AWS cases that use DynamoDB against the stand-in: the {@code <test-table>} and
 * {@code table-name} placeholders become a table the test creates with partition key {@code id}
 * (except for the case that expects the table to be missing). The recording masks SdkHttpMetadata
 * headers with LocalStack's default transformers, which the case files do not list; they are added
 * back when the recorded value shows the mask.
 */
class RecordedDynamoDbCasesTests {

  private static final Path ROOT =
      Path.of(System.getProperty("statelab.conformance.dir", "../../shared/conformance/localstack-aws-recorded"));
  private static final String TABLE = "RecordedTable";
  private static final Map<String, String> SDK_HEADER_MASKS = Map.of(
      "Date", "date",
      "x-amzn-RequestId", "x-amzn-RequestId",
      "x-amzn-requestid", "x-amzn-requestid",
      "x-amz-crc32", "x-amz-crc32",
      "RequestId", "RequestId");

  @Test
  void everyRecordedDynamoDbCaseMatchesAws() throws IOException {
    Path dir = ROOT.resolve("services");
    assumeTrue(Files.isDirectory(dir), "the shared AWS recordings are not at " + dir.toAbsolutePath());
    List<String> failures = new ArrayList<>();
    int total = 0;
    for (Path file : ConformanceCase.list(dir)) {
      JsonNode raw = Json.parse(Files.readString(file));
      if (!usesDynamoDb(raw)) {
        continue;
      }
      total++;
      JsonNode prepared = prepare(raw);
      boolean tableExists = !prepared.path("expected").path("error").asText().endsWith("ResourceNotFoundException");
      ConformanceRunner runner = new ConformanceRunner(world -> {
        new DynamoDbModule().install(world);
        if (tableExists) {
          DynamoDbStore.of(world).createTable(Json.parse("{\"TableName\":\"" + TABLE + "\","
              + "\"BillingMode\":\"PAY_PER_REQUEST\","
              + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
              + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]}"));
        }
      });
      CaseResult result = runner.run(ConformanceCase.of(prepared));
      if (!result.outcomeMatches()) {
        failures.add(result.id() + ": " + result.difference());
      }
    }
    System.out.printf("recorded DynamoDB cases: %d/%d passed%n", total - failures.size(), total);
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertThat(total).isEqualTo(6);
    assertThat(failures).isEmpty();
  }

  private static boolean usesDynamoDb(JsonNode raw) {
    for (JsonNode s : raw.path("services")) {
      if (s.asText().equals("dynamodb")) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode prepare(JsonNode raw) {
    ObjectNode out = raw.deepCopy();
    for (String member : List.of("definition", "input", "expected")) {
      if (raw.has(member)) {
        String text = Json.write(raw.get(member)).replace("<test-table>", TABLE).replace("\"table-name\"", "\"" + TABLE + "\"");
        out.set(member, Json.parse(text));
      }
    }
    ArrayNode transformers = ((ObjectNode) out.get("source")).withArray("snapshot_transformers");
    SDK_HEADER_MASKS.forEach((key, mask) -> {
      if (hasMaskedValue(raw.get("expected"), key, mask)) {
        transformers.add("JsonpathTransformer('$.." + key + "', '" + mask + "')");
      }
    });
    return out;
  }

  private static boolean hasMaskedValue(JsonNode node, String key, String mask) {
    if (node == null) {
      return false;
    }
    if (node.isObject() && node.path(key).isTextual() && node.get(key).asText().equals(mask)) {
      return true;
    }
    for (JsonNode child : node) {
      if (hasMaskedValue(child, key, mask)) {
        return true;
      }
    }
    return false;
  }
}
