package dev.statelab.cost;

import java.util.List;
import java.util.Objects;

/**
 * What one execution of a scenario used, measured once as a Standard workflow and once as an
 * Express one: the usage records of each run (Step Functions and every service it called) and
 * the Express run's billing. The input of a {@link Projection}.
 *
 * @param name the scenario's name
 * @param standard the usage of one Standard execution
 * @param express the usage of one Express execution
 * @param expressBilling the Express execution's billed duration and memory
 */
public record ScenarioUsage(String name, List<UsageRecord> standard, List<UsageRecord> express,
    ExpressBilling expressBilling) {

  /** Validates and copies. */
  public ScenarioUsage {
    Objects.requireNonNull(name, "name");
    standard = List.copyOf(standard);
    express = List.copyOf(express);
    Objects.requireNonNull(expressBilling, "expressBilling");
  }

  /**
   * A scenario from two ledgers, each holding exactly one run of it (Cost Explorer's own API
   * requests left out).
   */
  public static ScenarioUsage of(String name, UsageLedger standardRun, UsageLedger expressRun,
      ExpressBilling expressBilling) {
    return new ScenarioUsage(name, standardRun.records(r -> !r.service().equals(Services.COST_EXPLORER)),
        expressRun.records(r -> !r.service().equals(Services.COST_EXPLORER)), expressBilling);
  }

  /** The summed quantity of one usage type in the Standard run. */
  public double standardTotal(String service, String usageType) {
    return total(standard, service, usageType);
  }

  /** The summed quantity of one usage type in the Express run. */
  public double expressTotal(String service, String usageType) {
    return total(express, service, usageType);
  }

  /** Billed transitions of one Standard execution. */
  public long transitionsPerExecution() {
    return Math.round(standardTotal(Services.STEP_FUNCTIONS, StepFunctionsMetering.STATE_TRANSITION));
  }

  /** The summed quantity of one service's usage type in some records. */
  static double total(List<UsageRecord> records, String service, String usageType) {
    return records.stream().filter(r -> r.service().equals(service) && r.usageType().equals(usageType))
        .mapToDouble(UsageRecord::quantity).sum();
  }
}
