package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.history.HistoryEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One execution of a state machine in a world. Read it from any thread; it changes only while
 * its world runs.
 */
public interface Execution {

  /** The execution ARN. */
  String arn();

  /** The execution name. */
  String name();

  /** The state machine's ARN. */
  String stateMachineArn();

  /** STANDARD or EXPRESS. */
  ExecutionType type();

  /** The machine being run. */
  StateMachine stateMachine();

  /** The status now. */
  ExecutionStatus status();

  /** The execution input. */
  JsonNode input();

  /** The output when SUCCEEDED, else null. */
  JsonNode output();

  /** The error name when FAILED, TIMED_OUT or ABORTED (may be null), else null. */
  String error();

  /** The cause when FAILED, TIMED_OUT or ABORTED (may be null), else null. */
  String cause();

  /** When it started, on the world clock. */
  Instant startDate();

  /** When it ended, or null while running. */
  Instant stopDate();

  /** State transitions so far, counted as Standard workflows are billed (retries included). */
  long transitions();

  /** How many times the execution was redriven. */
  int redriveCount();

  /** When it was last redriven, or null. */
  Instant redriveDate();

  /** A snapshot of the history so far. */
  List<HistoryEvent> history();

  /** Completes when the execution ends. */
  CompletionStage<Execution> completion();
}
