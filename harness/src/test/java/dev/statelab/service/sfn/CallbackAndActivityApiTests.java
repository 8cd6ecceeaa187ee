package dev.statelab.service.sfn;

import dev.statelab.server.StateLabServer;

import static dev.statelab.service.sfn.SfnAssertions.assertAwsError;
import static dev.statelab.service.sfn.SfnServers.PREFIX;
import static dev.statelab.service.sfn.SfnServers.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.json.Json;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Task tokens (.waitForTaskToken) and activities, through the real SDK client. */
class CallbackAndActivityApiTests {

  private static final String CALLBACK = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
  private static StateLabServer server;
  private static SfnClient sfn;
  private static final BlockingQueue<String> TOKENS = new LinkedBlockingQueue<>();
  private static String callbackMachine;

  @BeforeAll
  static void start() {
    server = SfnServers.real();
    sfn = server.sfnClient();
    server.world().integrations().register(CALLBACK, request -> {
      TOKENS.add(request.taskToken());
      return CompletableFuture.completedFuture(Json.object());
    });
    callbackMachine = sfn.createStateMachine(b -> b.name("callback").roleArn(ROLE).definition("""
        {"StartAt": "Wait", "States": {"Wait": {"Type": "Task", "Resource": "%s",
          "Parameters": {"MessageBody.$": "$$.Task.Token"}, "End": true}}}"""
        .formatted(CALLBACK))).stateMachineArn();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String startAndTakeToken() throws InterruptedException {
    TOKENS.clear();
    String exec = sfn.startExecution(b -> b.stateMachineArn(callbackMachine)).executionArn();
    String token = TOKENS.poll(5, TimeUnit.SECONDS);
    assertThat(token).as("task token").isNotNull();
    return exec + "\n" + token;
  }

  @Test
  void sendTaskSuccessCompletesAWaitingTaskWithItsOutput() throws Exception {
    String[] started = startAndTakeToken().split("\n");

    sfn.sendTaskHeartbeat(b -> b.taskToken(started[1]));
    sfn.sendTaskSuccess(b -> b.taskToken(started[1]).output("{\"done\": true}"));

    DescribeExecutionResponse d = ExecutionApiTests.awaitDone(started[0], sfn);
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo("{\"done\":true}");
  }

  @Test
  void sendTaskFailureFailsTheExecutionWithTheGivenErrorAndCause() throws Exception {
    String[] started = startAndTakeToken().split("\n");

    sfn.sendTaskFailure(b -> b.taskToken(started[1]).error("Rejected").cause("no stock"));

    DescribeExecutionResponse d = ExecutionApiTests.awaitDone(started[0], sfn);
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("Rejected");
    assertThat(d.cause()).isEqualTo("no stock");
  }

  @Test
  void aTokenUsedTwiceIsTaskTimedOutAndAnUnknownOneIsTaskDoesNotExist() throws Exception {
    String[] started = startAndTakeToken().split("\n");
    sfn.sendTaskSuccess(b -> b.taskToken(started[1]).output("{}"));

    assertAwsError(() -> sfn.sendTaskSuccess(b -> b.taskToken(started[1]).output("{}")),
        TaskTimedOutException.class, "TaskTimedOut", "Task Timed Out");
    assertAwsError(() -> sfn.sendTaskHeartbeat(b -> b.taskToken("no-such-token")),
        TaskDoesNotExistException.class, "TaskDoesNotExist", "Task does not exist");
  }

  @Test
  void sendTaskSuccessWithOutputThatIsNotJsonIsInvalidOutput() throws Exception {
    String[] started = startAndTakeToken().split("\n");

    assertAwsError(() -> sfn.sendTaskSuccess(b -> b.taskToken(started[1]).output("{oops")),
        InvalidOutputException.class, "InvalidOutput", "Invalid State Machine Execution Output");
    sfn.stopExecution(b -> b.executionArn(started[0]));
  }

  @Test
  void sendTaskSuccessWithoutATokenIsValidationException() {
    assertAwsError(() -> sfn.sendTaskSuccess(b -> b.output("{}")), ValidationException.class,
        "ValidationException", "1 validation error detected: Value null at 'taskToken'");
  }

  @Test
  void activitiesAreCreatedIdempotentlyDescribedListedAndDeleted() {
    String arn = sfn.createActivity(b -> b.name("lifecycle")).activityArn();
    String again = sfn.createActivity(b -> b.name("lifecycle")).activityArn();

    assertThat(arn).isEqualTo(PREFIX + "activity:lifecycle").isEqualTo(again);
    assertThat(sfn.describeActivity(b -> b.activityArn(arn)).name()).isEqualTo("lifecycle");
    assertThat(sfn.listActivities(b -> { }).activities()).extracting(a -> a.activityArn())
        .contains(arn);
    sfn.deleteActivity(b -> b.activityArn(arn));
    assertAwsError(() -> sfn.describeActivity(b -> b.activityArn(arn)),
        ActivityDoesNotExistException.class, "ActivityDoesNotExist",
        "Activity Does Not Exist: '" + arn + "'");
    assertAwsError(() -> sfn.describeActivity(b -> b.activityArn(PREFIX + "stateMachine:x")),
        InvalidArnException.class, "InvalidArn", "Invalid Arn");
  }

  @Test
  void aWorkerGetsTheActivityTaskAndFinishesItWithTheToken() {
    String activity = sfn.createActivity(b -> b.name("pack")).activityArn();
    String machine = sfn.createStateMachine(b -> b.name("uses-activity").roleArn(ROLE)
        .definition(StateMachineApiTests.task(activity))).stateMachineArn();
    String exec = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"item\": 7}"))
        .executionArn();

    GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activity)
        .workerName("worker-1"));
    sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"packed\": 7}"));

    assertThat(task.input()).isEqualTo("{\"item\":7}");
    DescribeExecutionResponse d = ExecutionApiTests.awaitDone(exec, sfn);
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo("{\"packed\":7}");
    List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
    assertThat(events).extracting(HistoryEvent::type).contains(
        HistoryEventType.ACTIVITY_SCHEDULED, HistoryEventType.ACTIVITY_STARTED,
        HistoryEventType.ACTIVITY_SUCCEEDED);
    assertThat(events.stream().filter(e -> e.type() == HistoryEventType.ACTIVITY_STARTED)
        .findFirst().orElseThrow().activityStartedEventDetails().workerName())
        .isEqualTo("worker-1");
  }

  @Test
  void aPollWaitingBeforeTheTaskIsScheduledReceivesIt() throws Exception {
    String activity = sfn.createActivity(b -> b.name("early-poll")).activityArn();
    String machine = sfn.createStateMachine(b -> b.name("early-poll-machine").roleArn(ROLE)
        .definition(StateMachineApiTests.task(activity))).stateMachineArn();
    CompletableFuture<GetActivityTaskResponse> poll = CompletableFuture.supplyAsync(() ->
        sfn.getActivityTask(b -> b.activityArn(activity)));
    Thread.sleep(100);

    String exec = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\": 1}"))
        .executionArn();
    GetActivityTaskResponse task = poll.get(5, TimeUnit.SECONDS);
    sfn.sendTaskFailure(b -> b.taskToken(task.taskToken()).error("Nope"));

    assertThat(task.input()).isEqualTo("{\"n\":1}");
    assertThat(ExecutionApiTests.awaitDone(exec, sfn).error()).isEqualTo("Nope");
  }

  @Test
  void aPollWithNothingToDoAnswersWithoutATokenWhenItTimesOut() {
    String activity = sfn.createActivity(b -> b.name("idle")).activityArn();

    long start = System.nanoTime();
    GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activity));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(task.taskToken()).isNull();
    assertThat(task.input()).isNull();
    assertThat(millis).isBetween(400L, 3000L);
  }

  @Test
  void pollingAnUnknownActivityIsActivityDoesNotExist() {
    String arn = PREFIX + "activity:never-created";
    assertAwsError(() -> sfn.getActivityTask(b -> b.activityArn(arn)),
        ActivityDoesNotExistException.class, "ActivityDoesNotExist",
        "Activity Does Not Exist: '" + arn + "'");
  }
}
