package dev.statelab.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.chaos.Latency;
import dev.statelab.chaos.RetryPolicy;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.service.lambda.LambdaFunctionException;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A trip booking saga: book a hotel, a flight and a car; when one fails for good (after its
 * retries), Catch routes to the compensations, which cancel what was booked, newest first, and
 * the execution fails with {@code BookingFailed}. {@link Bookings#of(World)} shows what is still
 * booked, so a test can check that a rolled-back trip leaves nothing behind.
 */
public final class SagaScenario implements Scenario {

  @Override
  public String name() {
    return "saga";
  }

  @Override
  public String description() {
    return "Book hotel, flight and car; Catch-driven compensation cancels earlier bookings when a later one fails.";
  }

  @Override
  public void setup(World world) {
    new LambdaModule().install(world);
    LambdaStore lambda = LambdaStore.of(world);
    Bookings bookings = Bookings.of(world);
    for (String kind : new String[] {"hotel", "flight", "car"}) {
      String upper = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
      lambda.registerJson("book" + upper, trip -> {
        if (trip.path("unavailable").asText().equals(kind)) {
          throw new LambdaFunctionException(upper + "Unavailable", "No " + kind + " for trip " + trip.path("tripId").asText());
        }
        ObjectNode out = Json.object();
        out.put("bookingId", bookings.book(kind));
        return out;
      });
      lambda.registerJson("cancel" + upper, request -> {
        bookings.cancel(request.path("bookingId").asText());
        return Json.object();
      });
    }
  }

  @Override
  public JsonNode defaultInput() {
    return Json.parse("{\"tripId\": \"trip-1\"}");
  }

  @Override
  public JsonNode input(int index) {
    return Json.parse("{\"tripId\": \"trip-" + (index + 1) + "\"}");
  }

  /** Rates 0, 10% and 30% of Lambda.ServiceException on flight and car bookings; no retries, 2 x 1 s, 4 x 1 s with full jitter. */
  @Override
  public ChaosSweep defaultSweep() {
    return new ChaosSweep(List.of(0.0, 0.1, 0.3),
        List.of(RetryPolicy.none(), RetryPolicy.of(2, 1, 2, false), RetryPolicy.of(4, 1, 2, true)),
        List.of(1L), 100,
        (faults, rate) -> {
          faults.onAnyTask().latency(Latency.logNormal(Duration.ofMillis(150), 0.5));
          faults.onFunction("bookFlight").withProbability(rate).serviceError();
          faults.onFunction("bookCar").withProbability(rate).serviceError();
        });
  }

  /** What a world's booking services hold: booking ids by kind, and every cancellation. */
  public static final class Bookings {
    private final Map<String, Integer> counters = new TreeMap<>();
    private final Set<String> active = new TreeSet<>();
    private final Set<String> cancelled = new TreeSet<>();

    /** The world's bookings, created on first use. */
    public static Bookings of(World world) {
      return world.component(Bookings.class, Bookings::new);
    }

    synchronized String book(String kind) {
      int n = counters.merge(kind, 1, Integer::sum);
      String id = kind + "-" + n;
      active.add(id);
      return id;
    }

    synchronized void cancel(String bookingId) {
      if (active.remove(bookingId)) {
        cancelled.add(bookingId);
      }
    }

    /** Bookings made and not cancelled, sorted. */
    public synchronized List<String> active() {
      return List.copyOf(active);
    }

    /** Bookings cancelled, sorted. */
    public synchronized List<String> cancelled() {
      return List.copyOf(cancelled);
    }
  }
}
