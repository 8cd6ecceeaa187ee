package dev.statelab.scenarios;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.asl.StateMachine;
import dev.statelab.chaos.Faults;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.junit.ClockControl;
import dev.statelab.junit.Scenario;
import dev.statelab.junit.StateLab;
import dev.statelab.junit.StateLabTest;
import dev.statelab.junit.StateMachineUnderTest;
import dev.statelab.junit.WorldLifecycle;
import dev.statelab.scenarios.SagaScenario.Bookings;
import dev.statelab.service.lambda.LambdaStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * saga: the assertions read the compensation off the history ({@code visitedStates},
 * {@code tookCatch}, {@code hasRetryDelays}), and the fault DSL fails the n-th call or a random
 * share of calls.
 */
@StateLabTest(lifecycle = WorldLifecycle.PER_METHOD, seed = 1)
class SagaScenarioTests {

  private StateMachineUnderTest saga;
  private Bookings bookings;
  private Faults faults;

  @BeforeEach
  void deploy(StateLab lab) {
    new SagaScenario().setup(lab.world());
    bookings = Bookings.of(lab.world());
    faults = Faults.of(lab.world());
    saga = lab.deploy(Scenario.fromClasspath("scenarios/saga.asl.json"));
  }

  @Test
  void aTripWithEverythingAvailableKeepsAllThreeBookings() {
    Execution trip = saga.run("{\"tripId\": \"trip-1\"}");

    assertThat(trip).succeeded()
        .visitedStates("BookHotel", "BookFlight", "BookCar", "Booked")
        .hasOutputAt("$.car.bookingId", "car-1");
    assertThat(bookings.active()).containsExactly("car-1", "flight-1", "hotel-1");
  }

  @Test
  void anUnavailableCarCancelsTheFlightThenTheHotel() {
    Execution trip = saga.run("{\"tripId\": \"trip-2\", \"unavailable\": \"car\"}");

    assertThat(trip).failedWith("BookingFailed")
        .tookCatch("BookCar", "CarUnavailable", "CancelFlight")
        .visitedStates("BookHotel", "BookFlight", "BookCar", "CancelFlight", "CancelHotel", "BookingFailed");
    assertThat(bookings.active()).isEmpty();
    assertThat(bookings.cancelled()).containsExactly("flight-1", "hotel-1");
  }

  @Test
  void anUnavailableHotelNeedsNoCompensation() {
    Execution trip = saga.run("{\"tripId\": \"trip-3\", \"unavailable\": \"hotel\"}");

    assertThat(trip).failedWith("BookingFailed").visitedStates("BookHotel", "BookingFailed");
    assertThat(bookings.active()).isEmpty();
  }

  @Test
  void aTransientFlightErrorIsRetriedAfterASecondNotCompensated() {
    faults.onFunction("bookFlight").onNthCall(1).serviceError();

    Execution trip = saga.run("{\"tripId\": \"trip-4\"}");

    assertThat(trip).succeeded()
        .hasRetryCount("BookFlight", 1)
        .hasRetryDelays("BookFlight", Duration.ofSeconds(1));
    assertThat(bookings.cancelled()).isEmpty();
  }

  @Test
  void underThirtyPercentServiceErrorsNoTripIsLeftHalfBooked(StateLab lab, ClockControl clock) {
    LambdaStore.of(lab.world()).runHandlersInline(true);
    faults.onFunction("bookFlight").withProbability(0.3).serviceError();
    faults.onFunction("bookCar").withProbability(0.3).serviceError();
    StateMachine machine = new SagaScenario().stateMachine();
    List<Execution> trips = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      trips.add(lab.world().start(machine, new SagaScenario().input(i)));
    }
    clock.runUntilIdle();

    long booked = trips.stream().filter(t -> t.status() == ExecutionStatus.SUCCEEDED).count();
    assertThat(booked).isBetween(50L, 99L);
    assertThat(trips).filteredOn(t -> t.status() != ExecutionStatus.SUCCEEDED)
        .allSatisfy(t -> assertThat(t).failedWith("BookingFailed"));
    // Every trip holds either its three bookings or none.
    assertThat(bookings.active()).hasSize((int) booked * 3);
  }
}
