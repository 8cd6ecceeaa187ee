package dev.statelab.junit;

import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionType;
import java.util.function.Function;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A state machine deployed with {@link StateLab#deploy(Scenario)}: start executions by the SDK
 * (so they appear in ListExecutions and DescribeExecution) and get them back as {@link Execution}s
 * to assert on.
 */
public final class StateMachineUnderTest {

  private final String arn;
  private final String name;
  private final ExecutionType type;
  private final SfnClient sfn;
  private final Function<String, Execution> lookup;
  private final ClockControl clock;

  StateMachineUnderTest(String arn, String name, ExecutionType type, SfnClient sfn,
      Function<String, Execution> lookup, ClockControl clock) {
    this.arn = arn;
    this.name = name;
    this.type = type;
    this.sfn = sfn;
    this.lookup = lookup;
    this.clock = clock;
  }

  /** The state machine ARN. */
  public String arn() {
    return arn;
  }

  /** The state machine name. */
  public String name() {
    return name;
  }

  /** STANDARD or EXPRESS. */
  public ExecutionType type() {
    return type;
  }

  /**
   * Starts an execution (StartExecution) and returns its ARN; for tests meant for either backend,
   * since on LocalStack the execution is read back with the {@code SfnClient}.
   */
  public String startExecution(String input) {
    return sfn.startExecution(b -> b.stateMachineArn(arn).input(input)).executionArn();
  }

  /**
   * Starts an execution (StartExecution) of the embedded backend; on the virtual clock it moves
   * when the clock does.
   */
  public Execution start(String input) {
    return startAt(arn, input);
  }

  /** Starts an execution of a mock test case ({@code arn#TestCase}, as Step Functions Local does). */
  public Execution start(String input, String testCase) {
    return startAt(arn + "#" + testCase, input);
  }

  /** Starts an execution and runs the world until idle. */
  public Execution run(String input) {
    Execution execution = start(input);
    clock.runUntilIdle();
    return execution;
  }

  /** Starts an execution of a mock test case and runs the world until idle. */
  public Execution run(String input, String testCase) {
    Execution execution = start(input, testCase);
    clock.runUntilIdle();
    return execution;
  }

  private Execution startAt(String target, String input) {
    return lookup.apply(sfn.startExecution(b -> b.stateMachineArn(target).input(input)).executionArn());
  }

  @Override
  public String toString() {
    return "StateMachineUnderTest[" + arn + "]";
  }
}
