package dev.statelab.chaos;

/** Turns a sweep's fault rate into rules on a world's fault plan. */
@FunctionalInterface
public interface FaultPlan {

  /** Adds rules for {@code rate} (in [0, 1]) to {@code faults}. */
  void apply(Faults faults, double rate);
}
