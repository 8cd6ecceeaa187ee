package dev.statelab.cost;

import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionType;
import dev.statelab.engine.MapRun;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldListener;
import java.util.HashMap;
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

  private final World world;
  private final Options options;
  private final Map<String, Long> meteredTransitions = new HashMap<>();
  private final Map<String, ExpressBilling> expressBilling = new HashMap<>();

  private StepFunctionsMetering(World world, Options options) {
    this.world = world;
    this.options = options;
  }

  /**
   * How to meter.
   *
   * @param countStart whether an execution's start (and each redrive) is one more transition
   * @param memoryModel the Express memory estimate
   */
  public record Options(boolean countStart, ExpressMemoryModel memoryModel) {

    /** Validates. */
    public Options {
      Objects.requireNonNull(memoryModel, "memoryModel");
    }

    /** The defaults: the start is no transition; AWS's memory formula. */
    public static Options defaults() {
      return new Options(false, ExpressMemoryModel.awsFormula());
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

  /** The billing of an ended Express execution this meter saw, or null. */
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
