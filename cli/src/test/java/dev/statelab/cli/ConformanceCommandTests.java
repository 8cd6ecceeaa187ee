package dev.statelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTests {

  @TempDir Path dir;

  private void writeCase(String file, String id, String definition, String input, String expected) throws IOException {
    Files.writeString(dir.resolve(file), """
        {"id": "%s", "category": "pass_io", "definition": %s, "input": %s, "expected": %s,
         "event_types": ["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]}"""
        .formatted(id, definition, input, expected));
  }

  @Test
  void printsFailingCasesThenTheCountsAloneOnTheLastLine() throws IOException {
    String pass = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": 1, \"End\": true}}}";
    writeCase("a.json", "case-a", pass, "{}", "{\"status\": \"SUCCEEDED\", \"output\": 1}");
    writeCase("b.json", "case-b", pass, "{}", "{\"status\": \"SUCCEEDED\", \"output\": 2}");
    Path report = dir.resolve("report.jsonl");

    CliRunner.Result r = CliRunner.run("conformance", dir.toString(), "--report", report.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("1 passed, 1 failed");
    assertThat(r.out()).contains("FAIL case-b: output 1, expected 2");
    List<String> reported = Files.readAllLines(report);
    assertThat(reported).hasSize(2);
    assertThat(Json.parse(reported.get(0)).get("events").size()).isEqualTo(4);
    assertThat(Json.parse(reported.get(1)).get("output").asInt()).isEqualTo(1);
  }

  @Test
  void theReportFolderIsCreatedWhenMissing() throws IOException {
    String pass = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": 1, \"End\": true}}}";
    writeCase("a.json", "case-a", pass, "{}", "{\"status\": \"SUCCEEDED\", \"output\": 1}");
    Path report = dir.resolve("not/yet/there/report.jsonl");

    CliRunner.Result r = CliRunner.run("conformance", dir.toString(), "--report", report.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(Files.readAllLines(report)).hasSize(1);
  }

  @Test
  void knownFailuresDoNotFailTheRunButNewOnesDo() throws IOException {
    String pass = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": 1, \"End\": true}}}";
    writeCase("b.json", "case-b", pass, "{}", "{\"status\": \"SUCCEEDED\", \"output\": 2}");
    Path known = Files.writeString(Files.createTempFile("known", ".txt"), "case-b # recorded output differs\n");
    Path cases = dir;

    assertThat(CliRunner.run("conformance", cases.toString(), "--known-failures", known.toString()).exitCode()).isZero();
    Files.writeString(known, "# nothing listed\n");
    assertThat(CliRunner.run("conformance", cases.toString(), "--known-failures", known.toString()).exitCode()).isEqualTo(1);
  }

  @Test
  void rejectedDefinitionIsReportedAsCreateFailedWithTheApiError() throws IOException {
    Files.writeString(dir.resolve("c.json"), """
        {"id": "case-c", "category": "validation",
         "definition": {"StartAt": "W", "States": {"W": {"Type": "Wait", "Timestamp": "2016-12-05 21:29:29Z", "End": true}}},
         "input": {},
         "expected": {"status": "CREATE_FAILED", "error": "InvalidDefinition",
           "message": "An error occurred (InvalidDefinition) when calling the CreateStateMachine operation: Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/W/Timestamp'"}}""");
    Path report = dir.resolve("r.jsonl");

    CliRunner.Result r = CliRunner.run("conformance", dir.toString(), "--report", report.toString());

    assertThat(r.out().lines().toList()).last().isEqualTo("1 passed, 0 failed");
    assertThat(Json.parse(Files.readString(report)).get("status").asText()).isEqualTo("CREATE_FAILED");
  }
}
