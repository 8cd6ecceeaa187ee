package dev.statelab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.asl.StateMachine;
import dev.statelab.chaos.ChaosExperiment;
import dev.statelab.chaos.Faults;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.json.Json;
import dev.statelab.service.lambda.LambdaStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** saga: book hotel, flight and car; compensate with Catch when a booking fails for good. */
class SagaScenarioTests {

  private final Scenario scenario = ScenarioCatalog.byName("saga").orElseThrow();
  private final World world = World.newInstance(WorldOptions.newBuilder().seed(1).startTime(ChaosExperiment.START).build());
  private SagaScenario.Bookings bookings;

  @BeforeEach
  void setUp() {
    scenario.setup(world);
    bookings = SagaScenario.Bookings.of(world);
  }

  @AfterEach
  void tearDown() {
    world.close();
  }

  private static List<String> tasksEntered(Execution e) {
    return e.history().stream().filter(h -> h.type().equals("TaskStateEntered"))
        .map(h -> h.details().get("name").asText()).toList();
  }

  @Test
  void aTripWithEverythingAvailableKeepsAllThreeBookings() {
    Execution e = world.run(scenario.stateMachine(), scenario.defaultInput());

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(bookings.active()).containsExactly("car-1", "flight-1", "hotel-1");
    assertThat(e.output().at("/car/bookingId").asText()).isEqualTo("car-1");
  }

  @Test
  void anUnavailableCarCancelsTheFlightThenTheHotel() {
    Execution e = world.run(scenario.stateMachine(), Json.parse("{\"tripId\": \"t\", \"unavailable\": \"car\"}"));

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("BookingFailed");
    assertThat(tasksEntered(e)).containsExactly("BookHotel", "BookFlight", "BookCar", "CancelFlight", "CancelHotel");
    assertThat(bookings.active()).isEmpty();
    assertThat(bookings.cancelled()).containsExactly("flight-1", "hotel-1");
  }

  @Test
  void anUnavailableHotelNeedsNoCompensation() {
    Execution e = world.run(scenario.stateMachine(), Json.parse("{\"tripId\": \"t\", \"unavailable\": \"hotel\"}"));

    assertThat(e.error()).isEqualTo("BookingFailed");
    assertThat(tasksEntered(e)).containsExactly("BookHotel");
    assertThat(bookings.active()).isEmpty();
  }

  @Test
  void aTransientFlightErrorIsRetriedNotCompensated() {
    Faults.of(world).onFunction("bookFlight").onNthCall(1).serviceError();

    Execution e = world.run(scenario.stateMachine(), scenario.defaultInput());

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(bookings.cancelled()).isEmpty();
  }

  @Test
  void underRandomServiceErrorsNoTripIsLeftHalfBooked() {
    LambdaStore.of(world).runHandlersInline(true);
    Faults faults = Faults.of(world);
    faults.onFunction("bookFlight").withProbability(0.3).serviceError();
    faults.onFunction("bookCar").withProbability(0.3).serviceError();
    StateMachine machine = scenario.stateMachine();
    List<Execution> trips = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      trips.add(world.start(machine, scenario.input(i)));
    }
    world.runUntilIdle();

    long booked = trips.stream().filter(t -> t.status() == ExecutionStatus.SUCCEEDED).count();
    assertThat(booked).isBetween(50L, 99L);
    assertThat(trips).filteredOn(t -> t.status() != ExecutionStatus.SUCCEEDED)
        .extracting(Execution::error).containsOnly("BookingFailed");
    // Every trip either holds its three bookings or none.
    assertThat(bookings.active()).hasSize((int) booked * 3);
  }
}
