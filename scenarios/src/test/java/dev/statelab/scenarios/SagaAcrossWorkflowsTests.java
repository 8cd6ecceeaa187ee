package dev.statelab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.junit.ClockControl;
import dev.statelab.junit.Scenario;
import dev.statelab.junit.StateLab;
import dev.statelab.junit.StateLabTest;
import dev.statelab.junit.StateMachineUnderTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The saga with its bookings and cancellations as child workflows, tested only through the
 * Step Functions API and the clock control, so the same class runs on either backend: here on the
 * embedded one, with {@code -Dstatelab.backend=localstack} against LocalStack, and pinned there by
 * {@link SagaAcrossWorkflowsOnLocalStackTests}.
 */
@StateLabTest
class SagaAcrossWorkflowsTests {

  static StateMachineUnderTest saga;

  @BeforeAll
  static void deploy(StateLab lab) {
    StateMachineUnderTest book = lab.deploy(Scenario.fromClasspath("saga-workflows/book.asl.json").named("saga-book"));
    StateMachineUnderTest cancel = lab.deploy(Scenario.fromClasspath("saga-workflows/cancel.asl.json").named("saga-cancel"));
    saga = lab.deploy(Scenario.fromClasspath("saga-workflows/saga.asl.json").named("saga-trip")
        .substitute("BookStateMachineArn", book.arn())
        .substitute("CancelStateMachineArn", cancel.arn()));
  }

  @Test
  void aTripWithEverythingAvailableBooksAllThree(SfnClient sfn, ClockControl clock) {
    String trip = saga.startExecution("{\"tripId\": \"t1\", \"unavailable\": \"nothing\"}");
    clock.runUntilIdle();

    DescribeExecutionResponse done = sfn.describeExecution(b -> b.executionArn(trip));
    assertThat(done.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(done.output()).contains("\"car\":{\"bookingId\":\"car-t1\"}");
    assertThat(statesEntered(sfn, trip)).containsExactly("BookHotel", "BookFlight", "BookCar", "Booked");
  }

  @Test
  void anUnavailableCarCancelsTheFlightThenTheHotel(SfnClient sfn, ClockControl clock) {
    String trip = saga.startExecution("{\"tripId\": \"t2\", \"unavailable\": \"car\"}");
    clock.runUntilIdle();

    DescribeExecutionResponse done = sfn.describeExecution(b -> b.executionArn(trip));
    assertThat(done.statusAsString()).isEqualTo("FAILED");
    assertThat(done.error()).isEqualTo("BookingFailed");
    assertThat(statesEntered(sfn, trip))
        .containsExactly("BookHotel", "BookFlight", "BookCar", "CancelFlight", "CancelHotel", "BookingFailed");
  }

  /** The names of the states the execution entered, in order, from GetExecutionHistory. */
  static List<String> statesEntered(SfnClient sfn, String executionArn) {
    return sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn)).events().stream()
        .filter(e -> e.type() != HistoryEventType.UNKNOWN_TO_SDK_VERSION && e.type().toString().endsWith("StateEntered"))
        .map(SagaAcrossWorkflowsTests::enteredName)
        .toList();
  }

  private static String enteredName(HistoryEvent e) {
    return e.stateEnteredEventDetails().name();
  }
}
