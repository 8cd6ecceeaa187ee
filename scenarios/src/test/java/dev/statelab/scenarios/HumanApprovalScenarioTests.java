package dev.statelab.scenarios;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.engine.Execution;
import dev.statelab.junit.ClockControl;
import dev.statelab.junit.Scenario;
import dev.statelab.junit.StateLab;
import dev.statelab.junit.StateLabTest;
import dev.statelab.junit.StateMachineUnderTest;
import dev.statelab.junit.WorldLifecycle;
import dev.statelab.scenarios.HumanApprovalScenario.Inbox;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * human-approval: the approver answers through the Step Functions API with an injected
 * {@link SfnClient} (SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat), and the virtual clock
 * moves days in microseconds.
 */
@StateLabTest(lifecycle = WorldLifecycle.PER_METHOD)
class HumanApprovalScenarioTests {

  private StateMachineUnderTest approval;
  private Inbox inbox;

  @BeforeEach
  void deploy(StateLab lab) {
    new HumanApprovalScenario().setup(lab.world());
    inbox = Inbox.of(lab.world()).answerByHand();
    approval = lab.deploy(Scenario.fromClasspath("scenarios/human-approval.asl.json"));
  }

  @Test
  void theManagerApprovesWithSendTaskSuccess(SfnClient sfn, ClockControl clock) {
    Execution request = approval.start("{\"requestId\": \"PR-7\", \"amount\": 1200}");
    clock.runUntilStateEntered(request, "AskManager");
    clock.advance(Duration.ofHours(5));

    sfn.sendTaskSuccess(b -> b.taskToken(inbox.tokenFor("manager")).output("{\"approvedBy\": \"maria\"}"));
    clock.runUntilIdle();

    assertThat(request).succeeded()
        .visitedStates("AskManager", "Approved")
        .hasOutput("{\"requestId\": \"PR-7\", \"status\": \"APPROVED\", \"approvedBy\": \"maria\"}")
        .ranFor(Duration.ofHours(5));
    assertThat(inbox.emails()).singleElement()
        .satisfies(email -> assertThat(email.get("amount").asInt()).isEqualTo(1200));
  }

  @Test
  void theManagerRejectsWithSendTaskFailure(SfnClient sfn, ClockControl clock) {
    Execution request = approval.start("{\"requestId\": \"PR-8\", \"amount\": 90000}");
    clock.runUntilStateEntered(request, "AskManager");

    sfn.sendTaskFailure(b -> b.taskToken(inbox.tokenFor("manager"))
        .error("Rejected").cause("Over the team's budget"));
    clock.runUntilIdle();

    assertThat(request).failedWith("RequestRejected")
        .hasCause("Over the team's budget")
        .tookCatch("AskManager", "Rejected", "RequestRejected");
  }

  @Test
  void aManagerWhoOpensTheRequestDailyButNeverDecidesIsEscalatedAfterThreeDays(SfnClient sfn, ClockControl clock) {
    Execution request = approval.start("{\"requestId\": \"PR-9\", \"amount\": 5000}");
    clock.runUntilStateEntered(request, "AskManager");
    String managerToken = inbox.tokenFor("manager");
    for (int day = 0; day < 3; day++) {
      clock.advance(Duration.ofHours(20));
      sfn.sendTaskHeartbeat(b -> b.taskToken(managerToken));
    }
    clock.advance(Duration.ofHours(24));

    assertThat(request).isRunning();
    assertThat(inbox.lastTo("director")).isPresent();
    sfn.sendTaskSuccess(b -> b.taskToken(inbox.tokenFor("director")).output("{\"approvedBy\": \"dan\"}"));
    clock.runUntilIdle();
    assertThat(request).succeeded()
        .tookCatch("AskManager", "States.Timeout", "AskDirector")
        .hasOutputAt("$.approvedBy", "dan")
        .ranFor(Duration.ofHours(3 * 20 + 24));
  }

  @Test
  void aManagerWhoNeverOpensTheRequestIsEscalatedAfterOneDay(ClockControl clock) {
    Execution request = approval.start("{\"requestId\": \"PR-10\", \"amount\": 5000}");
    clock.runUntilStateEntered(request, "AskDirector");

    assertThat(Duration.between(request.startDate(), clock.now())).isEqualTo(Duration.ofDays(1));
    // AWS records a missed heartbeat as States.Timeout; Catch on States.HeartbeatTimeout matches it too.
    assertThat(request).isRunning().tookCatch("AskManager", "States.Timeout", "AskDirector");
  }

  @Test
  void whenNobodyAnswersForFiveDaysTheRequestFails(ClockControl clock) {
    Execution request = approval.start("{\"requestId\": \"PR-11\", \"amount\": 5000}");
    clock.advance(Duration.ofDays(30));

    assertThat(request).failedWith("ApprovalTimedOut")
        .visitedStates("AskManager", "AskDirector", "NobodyAnswered")
        .ranFor(Duration.ofDays(1 + 2));
  }
}
