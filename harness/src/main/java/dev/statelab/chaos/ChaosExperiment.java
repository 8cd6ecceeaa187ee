package dev.statelab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.cost.CostModel;
import dev.statelab.cost.PriceCatalogue;
import dev.statelab.cost.StepFunctionsMetering;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import dev.statelab.service.lambda.LambdaStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Sweeps a workload over fault rates x retry policies x seeds: each cell gets its own
 * virtual-clock world (seeded with the cell's seed), the workload's setup, the fault plan for the
 * cell's rate and the definition with its Retry blocks rewritten by the cell's policy; then
 * {@code executionsPerCell} executions start together and the world runs until idle.
 *
 * <p>In-JVM Lambda handlers run inline ({@link LambdaStore#runHandlersInline}) so that a cell's
 * tasks finish in the same order every run: the same sweep gives byte-identical
 * {@link ChaosReport#toJsonText()}.
 *
 * <pre>{@code
 * ChaosReport report = ChaosExperiment.of(workload, sweep).run();
 * Files.writeString(out, report.toJsonText());
 * }</pre>
 */
public final class ChaosExperiment {

  /** Every cell's world starts at this instant, so results never depend on the wall clock. */
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static final Set<String> ATTEMPT_EVENTS = Set.of("TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled");

  private final Workload workload;
  private final ChaosSweep sweep;

  private ChaosExperiment(Workload workload, ChaosSweep sweep) {
    this.workload = Objects.requireNonNull(workload, "workload");
    this.sweep = Objects.requireNonNull(sweep, "sweep");
  }

  /** An experiment of {@code workload} over {@code sweep}. */
  public static ChaosExperiment of(Workload workload, ChaosSweep sweep) {
    return new ChaosExperiment(workload, sweep);
  }

  /** Runs every cell, in sweep order. */
  public ChaosReport run() {
    JsonNode definition = workload.definition();
    List<CellResult> cells = new ArrayList<>();
    for (double rate : sweep.faultRates()) {
      for (RetryPolicy policy : sweep.retryPolicies()) {
        StateMachine machine = StateMachine.parse(Json.write(policy.applyTo(definition)));
        for (long seed : sweep.seeds()) {
          cells.add(runCell(machine, rate, policy, seed));
        }
      }
    }
    return new ChaosReport(workload.name(), sweep, cells);
  }

  private CellResult runCell(StateMachine machine, double rate, RetryPolicy policy, long seed) {
    WorldOptions options = WorldOptions.newBuilder().seed(seed).startTime(START).build();
    try (World world = World.newInstance(options)) {
      LambdaStore lambda = LambdaStore.of(world).runHandlersInline(true);
      try {
        StepFunctionsMetering.install(world);
        workload.setup(world);
        Faults faults = Faults.of(world);
        sweep.plan().apply(faults, rate);
        List<Execution> executions = new ArrayList<>();
        for (int i = 0; i < sweep.executionsPerCell(); i++) {
          executions.add(world.start(machine,
              ExecutionRequest.of(workload.input(i)).withName(String.format("%s-%05d", workload.name(), i))
                  .withStateMachineName(workload.name())));
        }
        world.runUntilIdle();
        BigDecimal cost = CostModel.of(PriceCatalogue.defaults()).price(UsageLedger.of(world).records()).total();
        return measure(executions, faults, rate, policy, seed, cost);
      } finally {
        lambda.close();
      }
    }
  }

  private static CellResult measure(List<Execution> executions, Faults faults, double rate, RetryPolicy policy,
      long seed, BigDecimal cost) {
    int succeeded = 0;
    long attempts = 0;
    long transitions = 0;
    long[] latencies = new long[executions.size()];
    SortedMap<String, Integer> errors = new TreeMap<>();
    for (int i = 0; i < executions.size(); i++) {
      Execution e = executions.get(i);
      if (e.status() == ExecutionStatus.SUCCEEDED) {
        succeeded++;
      } else {
        String error = e.status() == ExecutionStatus.RUNNING ? "(still running)" : String.valueOf(e.error());
        errors.merge(error, 1, Integer::sum);
      }
      for (HistoryEvent h : e.history()) {
        if (ATTEMPT_EVENTS.contains(h.type())) {
          attempts++;
        }
      }
      transitions += e.transitions();
      Instant stop = e.stopDate() == null ? e.startDate() : e.stopDate();
      latencies[i] = Duration.between(e.startDate(), stop).toMillis();
    }
    Arrays.sort(latencies);
    SortedMap<String, Integer> faultCounts = new TreeMap<>();
    faults.injected().forEach(f -> faultCounts.merge(f.kind().name(), 1, Integer::sum));
    return new CellResult(rate, policy.name(), seed, executions.size(), succeeded, attempts,
        faultCounts, percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
        latencies[latencies.length - 1], transitions, cost, errors);
  }

  /** The nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }
}
