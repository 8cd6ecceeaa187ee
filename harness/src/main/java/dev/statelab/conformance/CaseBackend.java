package dev.statelab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** Where a recorded case runs: the embedded engine, or a Step Functions endpoint. */
public interface CaseBackend {

  /**
   * The names a case runs under, which the comparison replaces with the recording's placeholders.
   *
   * @param machine the state machine name
   * @param execution the execution name
   * @param roleArn the execution role
   */
  record Names(String machine, String execution, String roleArn) {}

  /**
   * What happened.
   *
   * @param status the final status, or CREATE_FAILED when the definition was rejected
   * @param output the output when SUCCEEDED
   * @param error the error (the API error code for CREATE_FAILED)
   * @param cause the cause (the API error message for CREATE_FAILED)
   * @param eventTypes the history event types, oldest first
   */
  record Outcome(String status, JsonNode output, String error, String cause, List<String> eventTypes) {}

  /** Creates the case's state machine, runs one execution and reports the outcome. */
  Outcome run(ConformanceCase c, JsonNode input, Names names, Instant start);
}
