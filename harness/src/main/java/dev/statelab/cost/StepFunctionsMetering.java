package dev.statelab.cost;

import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionType;
import dev.statelab.engine.MapRun;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldListener;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Meters Step Functions usage into the world's {@link UsageLedger} when executions end:
 *
 * <ul>
 *   <li>Standard: {@code StateTransition}, quantity = billed transitions as {@link
 *       StateTransitions} counts them from the history (each state entered, each retry; a
 *       redriven execution adds only the transitions since its last end);
 *   <li>Express: {@code Request} 1 and {@code Duration} in GB-seconds = billed duration (100 ms
 *       steps) × billed memory ({@link ExpressMemoryModel}, 64 MB chunks) / 1024.
 * </ul>
 *
 * <p>Child executions of a distributed Map are metered when their Map Run ends, with their own
 * type (Standard or Express children). Install once per world; installing again returns the same
 * meter.
 *
 * <p>Memory: the meter remembers the billings of the last {@link Options#expressBillingLimit()}
 * Express executions ({@link #EXPRESS_BILLING_LIMIT} by default), to answer {@link
 * #expressBilling(String)} and to meter each execution once however often a Map Run reports it.
 * An older execution's billing is forgotten: {@link #expressBilling(String)} returns null for it,
 * and were it reported again it would be metered again (the engine reports an Express execution
 * when it ends, or its Map Run's children when the run ends, so that takes more than the limit of
 * other Express executions ending in between). Standard executions' metered transitions are kept
 * as long as the meter lives, as the Step Functions store keeps the executions (a redrive bills
 * only the transitions since the last count).
 *
 * <pre>{@code
 * StepFunctionsMetering.install(world);
 * world.run(machine, input);
 * double transitions = UsageLedger.of(world).total(Services.STEP_FUNCTIONS, "StateTransition");
 * }</pre>
 */
public final class StepFunctionsMetering implements WorldListener {

  /** The usage type of Standard transitions. */
  public static final String STATE_TRANSITION = "StateTransition";
  /** The usage type of Express requests. */
  public static final String REQUEST = "Request";
  /** The usage type of Express GB-seconds. */
  public static final String DURATION = "Duration";

  /**
   * How many recent Express executions' billings a meter remembers by default (the oldest are
   * forgotten first; {@link Options#withExpressBillingLimit(int)} changes it).
   */
  public static final int EXPRESS_BILLING_LIMIT = 100_000;

  private final World world;
  private final Options options;
  private final Map<String, Long> meteredTransitions = new HashMap<>();
  private final Map<String, ExpressBilling> expressBilling;

  private StepFunctionsMetering(World world, Options options) {
    this.world = world;
    this.options = options;
    this.expressBilling = new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ExpressBilling> eldest) {
        return size() > options.expressBillingLimit();
      }
    };
  }

  /**
   * How to meter.
   *
   * @param countStart whether an execution's start (and each redrive) is one more transition
   * @param memoryModel the Express memory estimate
   * @param expressBillingLimit how many recent Express executions' billings to remember (at least 1)
   */
  public record Options(boolean countStart, ExpressMemoryModel memoryModel, int expressBillingLimit) {

    /** Validates. */
    public Options {
      Objects.requireNonNull(memoryModel, "memoryModel");
      if (expressBillingLimit < 1) {
        throw new IllegalArgumentException("expressBillingLimit must be at least 1, was " + expressBillingLimit);
      }
    }

    /** Options remembering the last {@link #EXPRESS_BILLING_LIMIT} Express billings. */
    public Options(boolean countStart, ExpressMemoryModel memoryModel) {
      this(countStart, memoryModel, EXPRESS_BILLING_LIMIT);
    }

    /** The defaults: the start is no transition; AWS's memory formula. */
    public static Options defaults() {
      return new Options(false, ExpressMemoryModel.awsFormula());
    }

    /** These options remembering the last {@code limit} Express billings. */
    public Options withExpressBillingLimit(int limit) {
      return new Options(countStart, memoryModel, limit);
    }
  }

  /** Installs the meter with default options; idempotent. */
  public static StepFunctionsMetering install(World world) {
    return install(world, Options.defaults());
  }

  /**
   * Installs the meter; idempotent (a second call returns the first meter, its options unchanged).
   */
  public static StepFunctionsMetering install(World world, Options options) {
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(options, "options");
    return world.component(StepFunctionsMetering.class, () -> {
      StepFunctionsMetering meter = new StepFunctionsMetering(world, options);
      world.addListener(meter);
      return meter;
    });
  }

  /** The options in use. */
  public Options options() {
    return options;
  }

  /**
   * The billing of an ended Express execution this meter saw, or null (also once more than {@link
   * Options#expressBillingLimit()} later Express executions have ended).
   */
  public synchronized ExpressBilling expressBilling(String executionArn) {
    return expressBilling.get(executionArn);
  }

  /** The billing an Express execution would get now (it need not have ended). */
  public ExpressBilling billingOf(Execution execution) {
    long end = execution.stopDate() != null ? execution.stopDate().toEpochMilli() : world.now().toEpochMilli();
    return ExpressBilling.of(end - execution.startDate().toEpochMilli(), options.memoryModel().usedMb(execution));
  }

  @Override
  public void executionEnded(Execution execution) {
    meter(execution);
  }

  @Override
  public void mapRunEnded(MapRun mapRun) {
    for (Execution child : mapRun.children()) {
      if (child.status().isTerminal()) {
        meter(child);
      }
    }
  }

  private synchronized void meter(Execution execution) {
    UsageLedger ledger = UsageLedger.of(world);
    Map<String, String> attributes = Map.of("stateMachineArn", execution.stateMachineArn(),
        "executionArn", execution.arn(), "type", execution.type().name());
    if (execution.type() == ExecutionType.STANDARD) {
      long billed = StateTransitions.billed(execution.history(), options.countStart());
      long before = meteredTransitions.getOrDefault(execution.arn(), 0L);
      meteredTransitions.put(execution.arn(), billed);
      if (billed > before) {
        ledger.record(Services.STEP_FUNCTIONS, STATE_TRANSITION, billed - before, "Transitions", attributes);
      }
      return;
    }
    if (expressBilling.containsKey(execution.arn())) {
      return;
    }
    ExpressBilling billing = billingOf(execution);
    expressBilling.put(execution.arn(), billing);
    ledger.record(Services.STEP_FUNCTIONS, REQUEST, 1, "Requests", attributes);
    ledger.record(Services.STEP_FUNCTIONS, DURATION, billing.gbSeconds().doubleValue(), "GB-Seconds", attributes);
  }

  /** The usage types this meter records, for listings. */
  public static List<String> usageTypes() {
    return List.of(STATE_TRANSITION, REQUEST, DURATION);
  }
}
