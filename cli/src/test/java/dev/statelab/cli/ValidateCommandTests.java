package dev.statelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTests {

  @TempDir Path dir;

  @Test
  void validDefinitionPrintsOkAndExitsZero() throws IOException {
    Path def = dir.resolve("ok.json");
    Files.writeString(def, "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");

    CliRunner.Result r = CliRunner.run("validate", def.toString());

    assertThat(r.exitCode()).isZero();
    JsonNode out = Json.parse(r.out());
    assertThat(out.get("result").asText()).isEqualTo("OK");
    assertThat(out.get("diagnostics")).isEmpty();
  }

  @Test
  void invalidDefinitionListsEveryProblemAndExitsOne() throws IOException {
    Path def = dir.resolve("bad.json");
    Files.writeString(def, """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B", "End": true},
          "B": {"Type": "Wait", "Timestamp": "tomorrow", "End": true},
          "C": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "End": true}}}""");

    CliRunner.Result r = CliRunner.run("validate", def.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode out = Json.parse(r.out());
    assertThat(out.get("result").asText()).isEqualTo("FAIL");
    assertThat(out.get("diagnostics").findValuesAsText("location"))
        .contains("/States/A", "/States/B/Timestamp", "/States/C");
    assertThat(out.get("message").asText()).startsWith("Invalid State Machine Definition: '");
  }
}
