package dev.statelab.service.sfn;

import dev.statelab.cost.ExpressBilling;
import dev.statelab.cost.StepFunctionsMetering;
import dev.statelab.server.StateLabServer;

import static dev.statelab.service.sfn.SfnAssertions.assertAwsError;
import static dev.statelab.service.sfn.SfnServers.PASS;
import static dev.statelab.service.sfn.SfnServers.PREFIX;
import static dev.statelab.service.sfn.SfnServers.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Starting, describing, stopping, listing, history and redrive through the real SDK client. */
class ExecutionApiTests {

  private static StateLabServer server;
  private static SfnClient sfn;
  private static String pass;
  private static String waiting;
  private static String express;
  private static String expressFail;

  @BeforeAll
  static void start() {
    server = SfnServers.real();
    sfn = server.sfnClient();
    pass = create("pass", PASS, StateMachineType.STANDARD);
    waiting = create("waiting", SfnServers.WAIT_LONG, StateMachineType.STANDARD);
    express = create("express", PASS, StateMachineType.EXPRESS);
    expressFail = create("express-fail", SfnServers.FAIL, StateMachineType.EXPRESS);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String create(String name, String definition, StateMachineType type) {
    return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)
        .type(type)).stateMachineArn();
  }

  static DescribeExecutionResponse awaitDone(String exec) {
    return awaitDone(exec, sfn);
  }

  /** Describes the execution until it is no longer RUNNING (at most 5 s). */
  static DescribeExecutionResponse awaitDone(String exec, SfnClient sfn) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
      if (d.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
        return d;
      }
      sleep(5);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void startExecutionReturnsTheArnAndDescribeShowsOutputAsAJsonString() {
    var started = sfn.startExecution(b -> b.stateMachineArn(pass).name("first")
        .input("{\"a\": 1}"));

    DescribeExecutionResponse d = awaitDone(started.executionArn());

    assertThat(started.executionArn()).isEqualTo(PREFIX + "execution:pass:first");
    assertThat(started.startDate()).isNotNull();
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.input()).isEqualTo("{\"a\":1}");
    assertThat(d.output()).isEqualTo("{\"ok\":true}");
    assertThat(d.stateMachineArn()).isEqualTo(pass);
    assertThat(d.name()).isEqualTo("first");
    assertThat(d.stopDate()).isAfterOrEqualTo(d.startDate());
    assertThat(d.redriveCount()).isZero();
  }

  @Test
  void startExecutionWithTheSameNameAndInputWhileRunningReturnsTheSameExecution() {
    var first = sfn.startExecution(b -> b.stateMachineArn(waiting).name("idem").input("{}"));
    var again = sfn.startExecution(b -> b.stateMachineArn(waiting).name("idem").input("{}"));

    assertThat(again.executionArn()).isEqualTo(first.executionArn());
    assertThat(again.startDate()).isEqualTo(first.startDate());
    sfn.stopExecution(b -> b.executionArn(first.executionArn()));
  }

  @Test
  void startExecutionWithTheSameNameAndOtherInputOrAfterItClosedIsExecutionAlreadyExists() {
    String exec = sfn.startExecution(b -> b.stateMachineArn(waiting).name("dup").input("{}"))
        .executionArn();

    assertAwsError(() -> sfn.startExecution(b -> b.stateMachineArn(waiting).name("dup")
            .input("{\"other\": 1}")), ExecutionAlreadyExistsException.class,
        "ExecutionAlreadyExists", "Execution Already Exists: '" + exec + "'");
    sfn.stopExecution(b -> b.executionArn(exec));
    assertAwsError(() -> sfn.startExecution(b -> b.stateMachineArn(waiting).name("dup")
        .input("{}")), ExecutionAlreadyExistsException.class, "ExecutionAlreadyExists",
        "Execution Already Exists");
  }

  @Test
  void startExecutionWithInputThatIsNotJsonIsInvalidExecutionInput() {
    assertAwsError(() -> sfn.startExecution(b -> b.stateMachineArn(pass).input("{not json")),
        InvalidExecutionInputException.class, "InvalidExecutionInput",
        "Invalid State Machine Execution Input: '");
  }

  @Test
  void startExecutionWithASlashInTheNameIsInvalidName() {
    assertAwsError(() -> sfn.startExecution(b -> b.stateMachineArn(pass).name("a/b")),
        InvalidNameException.class, "InvalidName", "Invalid Name: 'a/b'");
  }

  @Test
  void startExecutionOfAnUnknownMachineIsStateMachineDoesNotExist() {
    String arn = PREFIX + "stateMachine:missing";
    assertAwsError(() -> sfn.startExecution(b -> b.stateMachineArn(arn)),
        StateMachineDoesNotExistException.class, "StateMachineDoesNotExist",
        "State Machine Does Not Exist: '" + arn + "'");
  }

  @Test
  void startSyncBillingDetailsAreWhatTheCostModelBillsALargeMapInSixtyFourMegabyteChunks() {
    // 100 Map iterations of a 200 KB payload: AWS's formula, 50 MB + definition + payload x steps,
    // is past 64 MB, so AWS bills the next chunk.
    String fanOut = create("big-map", """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "ItemSelector": {"blob.$": "$.blob"},
          "ItemProcessor": {"StartAt": "Keep", "States": {"Keep": {"Type": "Pass", "End": true}}},
          "ResultPath": null, "End": true}}}""", StateMachineType.EXPRESS);
    String input = "{\"blob\": \"" + "x".repeat(200_000) + "\", \"items\": [" + "1,".repeat(99) + "1]}";
    StepFunctionsMetering meter = StepFunctionsMetering.install(server.world());

    StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(fanOut).input(input));

    assertThat(r.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    ExpressBilling billed = meter.expressBilling(r.executionArn());
    assertThat(r.billingDetails().billedMemoryUsedInMB()).isEqualTo(billed.billedMemoryMb()).isEqualTo(128);
    assertThat(r.billingDetails().billedDurationInMilliseconds()).isEqualTo(billed.billedDurationMillis());
  }

  @Test
  void startSyncExecutionAnswersWithOutputAndBillingRoundedUpToOneHundredMillis() {
    StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(express)
        .name("sync-1").input("{\"x\": 2}").traceHeader("Root=1-abc"));

    assertThat(r.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"ok\":true}");
    assertThat(r.input()).isEqualTo("{\"x\":2}");
    assertThat(r.executionArn()).startsWith(PREFIX + "express:express:sync-1:");
    assertThat(r.stateMachineArn()).isEqualTo(express);
    assertThat(r.traceHeader()).isEqualTo("Root=1-abc");
    assertThat(r.billingDetails().billedMemoryUsedInMB()).isEqualTo(64);
    assertThat(r.billingDetails().billedDurationInMilliseconds()).isPositive();
    assertThat(r.billingDetails().billedDurationInMilliseconds() % 100).isZero();
  }

  @Test
  void startSyncExecutionOfAFailingWorkflowIsHttp200WithFailedStatus() {
    StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(expressFail));

    assertThat(r.status()).isEqualTo(SyncExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("Boom");
    assertThat(r.cause()).isEqualTo("it broke");
    assertThat(r.output()).isNull();
  }

  @Test
  void startSyncExecutionOfAStandardMachineIsStateMachineTypeNotSupported() {
    assertAwsError(() -> sfn.startSyncExecution(b -> b.stateMachineArn(pass)),
        StateMachineTypeNotSupportedException.class, "StateMachineTypeNotSupported",
        "This operation is not supported by this type of state machine");
  }

  @Test
  void expressStartsAllowDuplicateNamesAndTheirArnsAreInvalidForDescribe() {
    String a = sfn.startExecution(b -> b.stateMachineArn(express).name("same")).executionArn();
    String b2 = sfn.startExecution(b -> b.stateMachineArn(express).name("same")).executionArn();

    assertThat(a).isNotEqualTo(b2).startsWith(PREFIX + "express:express:same:");
    assertAwsError(() -> sfn.describeExecution(b -> b.executionArn(a)),
        InvalidArnException.class, "InvalidArn",
        "Invalid Arn: 'Resource type not valid in this context: express'");
    assertAwsError(() -> sfn.getExecutionHistory(b -> b.executionArn(a)),
        InvalidArnException.class, "InvalidArn", "Invalid Arn: 'Resource type not valid");
    assertAwsError(() -> sfn.listExecutions(b -> b.stateMachineArn(express)),
        StateMachineTypeNotSupportedException.class, "StateMachineTypeNotSupported",
        "This operation is not supported");
  }

  @Test
  void stopExecutionAbortsWithTheGivenErrorAndCauseAndHistoryEndsWithExecutionAborted() {
    String exec = sfn.startExecution(b -> b.stateMachineArn(waiting)).executionArn();

    var stopped = sfn.stopExecution(b -> b.executionArn(exec).error("Halt").cause("by test"));

    DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
    assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(d.error()).isEqualTo("Halt");
    assertThat(d.cause()).isEqualTo("by test");
    assertThat(d.stopDate()).isEqualTo(stopped.stopDate());
    List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
    HistoryEvent last = events.get(events.size() - 1);
    assertThat(last.type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
    assertThat(last.executionAbortedEventDetails().error()).isEqualTo("Halt");
  }

  @Test
  void stopOrDescribeOfAnUnknownExecutionIsExecutionDoesNotExist() {
    String arn = PREFIX + "execution:pass:nobody";
    assertAwsError(() -> sfn.stopExecution(b -> b.executionArn(arn)),
        ExecutionDoesNotExistException.class, "ExecutionDoesNotExist",
        "Execution Does Not Exist: '" + arn + "'");
    assertAwsError(() -> sfn.describeExecution(b -> b.executionArn(arn)),
        ExecutionDoesNotExistException.class, "ExecutionDoesNotExist", "Execution Does Not Exist");
  }

  @Test
  void listExecutionsIsNewestFirstFiltersByStatusAndPages() {
    String machine = create("listed", SfnServers.WAIT_LONG, StateMachineType.STANDARD);
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      started.add(sfn.startExecution(b -> b.stateMachineArn(machine).name("e" + n))
          .executionArn());
    }
    sfn.stopExecution(b -> b.executionArn(started.get(1)));

    List<String> all = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListExecutionsResponse page = sfn.listExecutions(b -> b.stateMachineArn(machine)
          .maxResults(2).nextToken(t));
      page.executions().stream().map(ExecutionListItem::executionArn).forEach(all::add);
      token = page.nextToken();
    } while (token != null);
    List<ExecutionListItem> aborted = sfn.listExecutions(b -> b.stateMachineArn(machine)
        .statusFilter(ExecutionStatus.ABORTED)).executions();

    assertThat(all).containsExactly(started.get(4), started.get(3), started.get(2),
        started.get(1), started.get(0));
    assertThat(aborted).extracting(ExecutionListItem::executionArn).containsExactly(
        started.get(1));
    assertThat(aborted.get(0).stopDate()).isNotNull();
    started.forEach(e -> sfn.stopExecution(b -> b.executionArn(e)));
  }

  @Test
  void listExecutionsWithALowerCaseStatusIsValidationException() {
    assertAwsError(() -> sfn.listExecutions(b -> b.stateMachineArn(pass)
            .statusFilter("succeeded")), ValidationException.class, "ValidationException",
        "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy "
            + "constraint: Member must satisfy enum value set: [");
  }

  @Test
  void getExecutionHistoryPagesForwardAndBackwardAndCanLeaveOutData() {
    String exec = sfn.startExecution(b -> b.stateMachineArn(pass).input("{\"k\": \"v\"}"))
        .executionArn();
    awaitDone(exec);

    List<HistoryEvent> forward = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(exec)
          .maxResults(1).nextToken(t));
      forward.addAll(page.events());
      token = page.nextToken();
    } while (token != null);
    List<HistoryEvent> reverse = sfn.getExecutionHistory(b -> b.executionArn(exec)
        .reverseOrder(true)).events();
    List<HistoryEvent> bare = sfn.getExecutionHistory(b -> b.executionArn(exec)
        .includeExecutionData(false)).events();

    assertThat(forward).extracting(HistoryEvent::type).containsExactly(
        HistoryEventType.EXECUTION_STARTED, HistoryEventType.PASS_STATE_ENTERED,
        HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(forward).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L);
    assertThat(forward.get(0).executionStartedEventDetails().input()).isEqualTo("{\"k\":\"v\"}");
    assertThat(forward.get(0).timestamp()).isNotNull();
    assertThat(reverse).extracting(HistoryEvent::id).containsExactly(4L, 3L, 2L, 1L);
    assertThat(bare.get(0).executionStartedEventDetails().input()).isNull();
    assertThat(bare.get(0).executionStartedEventDetails().roleArn()).isEqualTo(ROLE);
  }

  @Test
  void redriveResumesAFailedExecutionFromTheStateThatFailed() {
    AtomicInteger calls = new AtomicInteger();
    server.world().integrations().function("FlakyOnce", in -> {
      if (calls.getAndIncrement() == 0) {
        throw new IllegalStateException("first call fails");
      }
      return in;
    });
    String machine = create("redrivable", """
        {"StartAt": "Before", "States": {
          "Before": {"Type": "Pass", "Result": {"n": 1}, "Next": "Call"},
          "Call": {"Type": "Task",
                   "Resource": "arn:aws:lambda:us-east-1:123456789012:function:FlakyOnce",
                   "Next": "After"},
          "After": {"Type": "Pass", "End": true}}}""", StateMachineType.STANDARD);
    String exec = sfn.startExecution(b -> b.stateMachineArn(machine).name("r1")).executionArn();
    assertThat(awaitDone(exec).status()).isEqualTo(ExecutionStatus.FAILED);

    var redriven = sfn.redriveExecution(b -> b.executionArn(exec));

    DescribeExecutionResponse d = awaitDone(exec);
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo("{\"n\":1}");
    assertThat(d.redriveCount()).isEqualTo(1);
    assertThat(d.redriveDate()).isEqualTo(redriven.redriveDate());
    List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
    assertThat(events).extracting(HistoryEvent::type).contains(
        HistoryEventType.EXECUTION_FAILED, HistoryEventType.EXECUTION_REDRIVEN,
        HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(events.stream().filter(e -> e.type() == HistoryEventType.PASS_STATE_ENTERED
        && e.stateEnteredEventDetails().name().equals("Before"))).hasSize(1);
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).id()).isEqualTo(i + 1L);
    }
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine).redriveFilter("REDRIVEN"))
        .executions()).extracting(ExecutionListItem::executionArn).containsExactly(exec);
  }

  @Test
  void redriveOfASucceededExecutionIsExecutionNotRedrivable() {
    String exec = sfn.startExecution(b -> b.stateMachineArn(pass)).executionArn();
    awaitDone(exec);

    assertAwsError(() -> sfn.redriveExecution(b -> b.executionArn(exec)),
        ExecutionNotRedrivableException.class, "ExecutionNotRedrivable",
        "Execution is SUCCEEDED and cannot be redriven");
    assertAwsError(() -> sfn.redriveExecution(b -> b.executionArn(PREFIX + "execution:pass:x")),
        ExecutionDoesNotExistException.class, "ExecutionDoesNotExist", "Execution Does Not");
  }

  @Test
  void describeStateMachineForExecutionShowsTheRevisionTheExecutionRan() {
    String machine = create("for-execution", PASS, StateMachineType.STANDARD);
    String exec = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
    sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(SfnServers.FAIL));

    var d = sfn.describeStateMachineForExecution(b -> b.executionArn(exec));

    assertThat(d.definition()).isEqualTo(PASS);
    assertThat(d.stateMachineArn()).isEqualTo(machine);
    assertThat(d.name()).isEqualTo("for-execution");
    assertThat(d.roleArn()).isEqualTo(ROLE);
    assertThat(d.updateDate()).isNotNull();
  }
}
