package dev.statelab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;

/**
 * Runs recorded cases through the Step Functions API with an SDK client: against
 * {@code statelab serve}, or any endpoint that speaks the API.
 */
public final class ApiBackend implements CaseBackend {

  private static final Duration POLL = Duration.ofMillis(2);
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private final SfnClient sfn;

  /** A backend over a configured client (the caller closes it). */
  public ApiBackend(SfnClient sfn) {
    this.sfn = sfn;
  }

  @Override
  public Outcome run(ConformanceCase c, JsonNode input, Names names, Instant start) {
    String machineArn;
    try {
      machineArn = sfn.createStateMachine(b -> b.name(names.machine()).roleArn(names.roleArn())
          .definition(Json.write(c.definition()))).stateMachineArn();
    } catch (InvalidDefinitionException e) {
      return new Outcome("CREATE_FAILED", null, "InvalidDefinition", e.awsErrorDetails().errorMessage(), List.of());
    }
    try {
      String executionArn = sfn.startExecution(b -> b.stateMachineArn(machineArn).name(names.execution())
          .input(Json.write(input))).executionArn();
      DescribeExecutionResponse described;
      if (c.observedWhileRunning()) {
        if (c.stoppedByTest()) {
          sfn.stopExecution(b -> b.executionArn(executionArn));
        }
        described = sfn.describeExecution(b -> b.executionArn(executionArn));
      } else {
        described = awaitEnd(executionArn);
      }
      List<String> types = new ArrayList<>();
      String token = null;
      do {
        String next = token;
        GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(executionArn).maxResults(1000).nextToken(next));
        for (HistoryEvent e : page.events()) {
          types.add(e.typeAsString());
        }
        token = page.nextToken();
      } while (token != null);
      JsonNode output = described.output() == null ? null : Json.parse(described.output());
      return new Outcome(described.statusAsString(), output, described.error(), described.cause(), types);
    } finally {
      sfn.deleteStateMachine(b -> b.stateMachineArn(machineArn));
    }
  }

  private DescribeExecutionResponse awaitEnd(String executionArn) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (true) {
      DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
      if (d.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
        return d;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return d;
      }
    }
  }
}
