package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.StateMachine;

/**
 * A child workflow execution of a distributed Map: it runs on the parent's event loop, but is an
 * execution of its own, as in AWS, with its own ARN and history (the parent shows only Map Run
 * events). ListExecutions with the Map Run's ARN lists these.
 */
final class ChildExecution extends ExecutionRecord {

  private final String mapRunArn;

  ChildExecution(String mapRunArn, String arn, String name, String stateMachineArn, StateMachine machine,
      ExecutionType type, JsonNode input, long startMillis) {
    super(arn, name, stateMachineArn, type, machine, input, startMillis);
    this.mapRunArn = mapRunArn;
  }

  long emit(String eventType, ObjectNode details, long previous, long nowMillis) {
    return append(eventType, details, previous, nowMillis);
  }

  void ended(ExecutionStatus end, JsonNode result, String err, String errCause, long nowMillis) {
    recordEnd(end, result, err, errCause, nowMillis);
  }

  /** The Map Run that started it. */
  String mapRunArn() {
    return mapRunArn;
  }

  @Override
  public long transitions() {
    return history().stream().filter(e -> e.type().endsWith("StateEntered")).count();
  }
}
