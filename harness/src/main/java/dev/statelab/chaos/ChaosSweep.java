package dev.statelab.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The grid a {@link ChaosExperiment} runs: fault rates x retry policies x seeds, with
 * {@code executionsPerCell} executions in each cell.
 *
 * @param faultRates the rates handed to {@code plan}
 * @param retryPolicies the policies the definition's Retry blocks are rewritten with
 * @param seeds the world seeds
 * @param executionsPerCell executions started per cell (all at the cell's start time)
 * @param plan how a rate becomes fault rules
 */
public record ChaosSweep(List<Double> faultRates, List<RetryPolicy> retryPolicies, List<Long> seeds,
    int executionsPerCell, FaultPlan plan) {

  /** Validates the sweep. */
  public ChaosSweep {
    faultRates = List.copyOf(faultRates);
    retryPolicies = List.copyOf(retryPolicies);
    seeds = List.copyOf(seeds);
    Objects.requireNonNull(plan, "plan");
    if (faultRates.isEmpty() || retryPolicies.isEmpty() || seeds.isEmpty() || executionsPerCell < 1) {
      throw new IllegalArgumentException("A sweep needs rates, policies, seeds and at least one execution per cell");
    }
    for (double r : faultRates) {
      if (!(r >= 0 && r <= 1)) {
        throw new IllegalArgumentException("Fault rates are in [0, 1]: " + r);
      }
    }
  }

  /** This sweep with as many seeds, numbered from {@code base}. */
  public ChaosSweep withBaseSeed(long base) {
    List<Long> renumbered = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      renumbered.add(base + i);
    }
    return new ChaosSweep(faultRates, retryPolicies, renumbered, executionsPerCell, plan);
  }

  /** This sweep with another number of executions per cell. */
  public ChaosSweep withExecutionsPerCell(int n) {
    return new ChaosSweep(faultRates, retryPolicies, seeds, n, plan);
  }

  /** The number of cells. */
  public int cells() {
    return faultRates.size() * retryPolicies.size() * seeds.size();
  }
}
