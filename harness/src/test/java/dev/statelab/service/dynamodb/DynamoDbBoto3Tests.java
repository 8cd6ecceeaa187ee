package dev.statelab.service.dynamodb;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** boto3 against a StateLab server: DynamoDB with expressions and errors, then the table's stream. */
class DynamoDbBoto3Tests {

  @Test
  void boto3SeesDynamoDbAndOneStreamRecordPerChange(@TempDir Path dir) throws Exception {
    String missing = Processes.missingBoto3();
    assumeTrue(missing == null, missing);
    try (StateLabServer server = StateLabServer.start(
        World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build()), GatewayOptions.defaults())) {
      Processes.Result result = Processes.runScript(DynamoDbBoto3Tests.class, "boto3_dynamodb.py", dir, 90,
          server.endpoint().toString(), server.region());
      assertThat(result.exitCode()).as(result.output()).isZero();
      JsonNode out = result.lastLineJson();

      assertThat(out.get("status").asText()).isEqualTo("ACTIVE");
      assertThat(out.get("updated")).isEqualTo(Json.parse("{\"n\":{\"N\":\"3\"},\"tags\":{\"SS\":[\"a\",\"b\"]}}"));
      assertThat(out.at("/conditional/code").asText()).isEqualTo("ConditionalCheckFailedException");
      assertThat(out.at("/conditional/message").asText()).isEqualTo("The conditional request failed");
      assertThat(out.at("/conditional/item")).isEqualTo(Json.parse("{\"pk\":{\"S\":\"u\"},\"sk\":{\"N\":\"2\"},\"n\":{\"N\":\"5\"}}"));
      assertThat(out.at("/missing/code").asText()).isEqualTo("ResourceNotFoundException");
      assertThat(out.at("/missing/message").asText()).isEqualTo("Requested resource not found");
      assertThat(out.at("/badExpression/code").asText()).isEqualTo("ValidationException");
      assertThat(out.at("/badExpression/message").asText()).startsWith("Invalid KeyConditionExpression: Syntax error;");
      assertThat(out.at("/query/sks")).isEqualTo(Json.parse("[\"2\"]"));
      assertThat(out.at("/query/scanned").asInt()).isEqualTo(2);
      assertThat(out.at("/query/capacity").asDouble()).isEqualTo(0.5);

      JsonNode stream = out.get("stream");
      assertThat(stream).hasSize(4);
      assertThat(stream.findValuesAsText("event")).containsExactly("INSERT", "INSERT", "MODIFY", "REMOVE");
      assertThat(stream.get(2).at("/old/n/N").asText()).isEqualTo("1");
      assertThat(stream.get(2).at("/new/n/N").asText()).isEqualTo("3");
      assertThat(stream.get(3).get("new").isNull()).isTrue();
      assertThat(stream.get(3).at("/old/sk/N").asText()).isEqualTo("2");
      assertThat(stream.get(0).get("keys")).isEqualTo(Json.parse("{\"pk\":{\"S\":\"u\"},\"sk\":{\"N\":\"1\"}}"));
      assertThat(stream.findValuesAsText("seq")).isSorted();
      assertThat(stream.findValuesAsText("view")).containsOnly("NEW_AND_OLD_IMAGES");
    }
  }

}
