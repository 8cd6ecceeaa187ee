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
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * High-volume EXPRESS ingestion of payment events. Express workflows run at least once, and the
 * producer may deliver an event twice, so the workflow claims each {@code eventId} first
 * for its execution ({@code claimEvent} fails with {@code DuplicateEvent} when another execution
 * holds it, and Catch acknowledges the redelivery as {@code DUPLICATE}; the same execution running
 * the claim twice keeps it) and the ledger write is an upsert keyed by the event id.
 * A write that fails for good releases the claim, so a later redelivery can succeed.
 * {@link Ledger#of(World)} holds the idempotency claims and the ledger.
 */
public final class ExpressIngestionScenario implements Scenario {

  @Override
  public String name() {
    return "express-ingestion";
  }

  @Override
  public String description() {
    return "EXPRESS ingestion at volume with an idempotency claim per eventId, under duplicate delivery.";
  }

  @Override
  public void setup(World world) {
    new LambdaModule().install(world);
    Ledger ledger = Ledger.of(world);
    LambdaStore lambda = LambdaStore.of(world);
    lambda.registerJson("claimEvent", event -> {
      String id = event.get("eventId").asText();
      if (!ledger.claim(id, event.get("claimedBy").asText())) {
        throw new LambdaFunctionException("DuplicateEvent", "Event " + id + " was already claimed");
      }
      return Json.object();
    });
    lambda.registerJson("appendToLedger", event -> {
      ledger.append(event.get("eventId").asText(), event.get("amount").decimalValue());
      return Json.object();
    });
    lambda.registerJson("releaseEvent", event -> {
      ledger.release(event.get("eventId").asText());
      return Json.object();
    });
  }

  @Override
  public JsonNode defaultInput() {
    return input(0);
  }

  /** Event {@code evt-<index>} of account {@code acct-<index % 50>}, amount 1.00 to 99.99. */
  @Override
  public JsonNode input(int index) {
    ObjectNode event = Json.object();
    event.put("eventId", "evt-" + index);
    event.put("account", "acct-" + index % 50);
    event.put("amount", new BigDecimal(100 + (index * 7919L) % 9900).movePointLeft(2));
    return event;
  }

  /**
   * Rates 0, 5% and 20% of throttled ledger writes, each write duplicated with probability 2%;
   * no retries against the definition's 3 x 1 s with full jitter; 500 events.
   */
  @Override
  public ChaosSweep defaultSweep() {
    return new ChaosSweep(List.of(0.0, 0.05, 0.2),
        List.of(RetryPolicy.none(), RetryPolicy.of(3, 1, 2, true)),
        List.of(1L), 500,
        (faults, rate) -> {
          faults.onAnyTask().latency(Latency.logNormal(Duration.ofMillis(20), 0.5));
          faults.onFunction("appendToLedger").withProbability(0.02).duplicate();
          faults.onFunction("appendToLedger").withProbability(rate).throttle();
        });
  }

  /** A world's idempotency claims and ledger entries, keyed by event id. */
  public static final class Ledger {
    private final Map<String, String> claims = new HashMap<>();
    private final Map<String, BigDecimal> entries = new HashMap<>();
    private int writes;

    /** The world's ledger, created on first use. */
    public static Ledger of(World world) {
      return world.component(Ledger.class, Ledger::new);
    }

    /** Claims the event for an execution; true when it was free or that execution holds it already. */
    synchronized boolean claim(String eventId, String executionArn) {
      String holder = claims.putIfAbsent(eventId, executionArn);
      return holder == null || holder.equals(executionArn);
    }

    synchronized void release(String eventId) {
      claims.remove(eventId);
    }

    synchronized void append(String eventId, BigDecimal amount) {
      writes++;
      entries.put(eventId, amount);
    }

    /** Entries in the ledger (one per event applied). */
    public synchronized int size() {
      return entries.size();
    }

    /** The sum of every entry. */
    public synchronized BigDecimal total() {
      return entries.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Calls of {@code appendToLedger}, duplicates included. */
    public synchronized int writes() {
      return writes;
    }

    /** Event ids claimed and not released. */
    public synchronized int claims() {
      return claims.size();
    }
  }
}
