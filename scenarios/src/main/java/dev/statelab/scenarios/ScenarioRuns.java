package dev.statelab.scenarios;

import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.Diagnostic;
import dev.statelab.cost.ExpressBilling;
import dev.statelab.cost.ScenarioUsage;
import dev.statelab.cost.StepFunctionsMetering;
import dev.statelab.cost.UsageLedger;
import dev.statelab.cost.UsageRecord;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.ExecutionType;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.service.lambda.LambdaStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Runs a scenario's default input once as a Standard workflow and once as an Express one, each in
 * a fresh metered virtual-clock world: the executions (for reports) and the usage of each (for
 * the cost model).
 *
 * <pre>{@code
 * ScenarioRuns.Measured m = ScenarioRuns.measure(ScenarioCatalog.byName("saga").orElseThrow(), 1);
 * Projection.of(m.usage(), catalogue).project(1_000_000);
 * }</pre>
 */
public final class ScenarioRuns {

  /** Every measured world starts at this instant, so reports never depend on the wall clock. */
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private ScenarioRuns() {}

  /**
   * One scenario measured both ways.
   *
   * @param scenario the scenario
   * @param standard its Standard execution, finished (or as far as the world could take it)
   * @param standardUsage what the Standard execution used (Step Functions and every service)
   * @param express its Express execution, or null when the definition cannot run as Express
   * @param usage what each execution used, with the Express billing; null without an Express run
   * @param expressProblem why the definition cannot run as Express (AWS's rule), or null
   */
  public record Measured(Scenario scenario, Execution standard, List<UsageRecord> standardUsage, Execution express,
      ScenarioUsage usage, String expressProblem) {

    /** Validates and copies. */
    public Measured {
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(standard, "standard");
      standardUsage = List.copyOf(standardUsage);
      if ((express == null) != (expressProblem != null) || (express == null) != (usage == null)) {
        throw new IllegalArgumentException("an Express run and its usage, or the reason there is none");
      }
    }

    /** Whether the scenario also ran as an Express workflow (and so has a cost comparison). */
    public boolean comparable() {
      return express != null;
    }
  }

  /**
   * Measures {@code scenario} with worlds seeded by {@code seed}; a definition AWS would not accept
   * as Express (callbacks, {@code .sync}, activities) runs as Standard only, with the reason.
   */
  public static Measured measure(Scenario scenario, long seed) {
    StateMachine machine = scenario.stateMachine();
    Run standard = run(scenario, machine, ExecutionType.STANDARD, seed);
    List<Diagnostic> problems = machine.expressProblems();
    if (!problems.isEmpty()) {
      return new Measured(scenario, standard.execution, standard.ledger.records(), null, null,
          problems.get(0).message());
    }
    Run express = run(scenario, machine, ExecutionType.EXPRESS, seed);
    if (express.execution.status() != ExecutionStatus.SUCCEEDED
        && standard.execution.status() == ExecutionStatus.SUCCEEDED) {
      // Not the same work: comparing its cost with the Standard run's would mislead.
      return new Measured(scenario, standard.execution, standard.ledger.records(), null, null,
          "as an Express workflow it ended " + express.execution.status() + " (" + express.execution.error() + ": "
              + express.execution.cause() + "), where the Standard run succeeded; Express workflows run at most"
              + " 5 minutes");
    }
    ScenarioUsage usage = ScenarioUsage.of(scenario.name(), standard.ledger, express.ledger, express.billing);
    return new Measured(scenario, standard.execution, usage.standard(), express.execution, usage, null);
  }

  private record Run(Execution execution, UsageLedger ledger, ExpressBilling billing) {}

  private static Run run(Scenario scenario, StateMachine machine, ExecutionType type, long seed) {
    WorldOptions options = WorldOptions.newBuilder().seed(seed).startTime(START).build();
    try (World world = World.newInstance(options)) {
      LambdaStore lambda = LambdaStore.of(world).runHandlersInline(true);
      try {
        StepFunctionsMetering meter = StepFunctionsMetering.install(world);
        scenario.setup(world);
        Execution execution = scenario.runOnce(world, machine, ExecutionRequest.of(scenario.defaultInput())
            .withType(type).withName(scenario.name() + "-" + type.name().toLowerCase(java.util.Locale.ROOT))
            .withStateMachineName(scenario.name()));
        ExpressBilling billing = type == ExecutionType.EXPRESS ? meter.expressBilling(execution.arn()) : null;
        if (type == ExecutionType.EXPRESS && billing == null) {
          throw new IllegalStateException("scenario " + scenario.name() + " did not finish as an Express workflow ("
              + execution.status() + "), so it has no Express billing");
        }
        return new Run(execution, UsageLedger.of(world), billing);
      } finally {
        lambda.close();
      }
    }
  }
}
