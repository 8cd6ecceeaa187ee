package dev.statelab.cost;

import dev.statelab.history.HistoryEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts a Standard execution's billed state transitions from its history, as AWS's pricing page
 * words the rule: "Step Functions counts a state transition each time a step of your workflow is
 * executed ... including retries", and "each retry will be charged as an additional state
 * transition" (https://aws.amazon.com/step-functions/pricing/, read 2026-11-25).
 *
 * <p>The rule StateLab applies:
 *
 * <ul>
 *   <li>every {@code *StateEntered} event is one transition, at any depth (states inside Map
 *       iterations and Parallel branches included);
 *   <li>every retry is one more: a state entry with n attempts ({@code TaskScheduled}, {@code
 *       LambdaFunctionScheduled}, {@code ActivityScheduled}, {@code ParallelStateStarted} or
 *       {@code MapStateStarted} events attributed to it through {@code previousEventId}) adds
 *       n − 1;
 *   <li>the start of the execution is <b>not</b> a transition by default. AWS publishes no
 *       itemised rule for a start or end pseudo-transition (reference pricing-and-quotas.md §1
 *       marks it UNCONFIRMED); pass {@code countStart = true} to add one per execution (and per
 *       redrive) if your bills show it.
 * </ul>
 */
public final class StateTransitions {

  private static final Set<String> ATTEMPT_EVENTS = Set.of("TaskScheduled", "LambdaFunctionScheduled",
      "ActivityScheduled", "ParallelStateStarted", "MapStateStarted");

  private StateTransitions() {}

  /** Billed transitions of a history, the start not counted. */
  public static long billed(List<HistoryEvent> history) {
    return billed(history, false);
  }

  /** Billed transitions of a history; {@code countStart} adds one per ExecutionStarted/ExecutionRedriven. */
  public static long billed(List<HistoryEvent> history, boolean countStart) {
    Map<Long, Long> entryOf = new HashMap<>();
    Map<Long, Integer> attempts = new HashMap<>();
    long entered = 0;
    long starts = 0;
    for (HistoryEvent e : history) {
      String type = e.type();
      long entry;
      if (type.endsWith("StateEntered")) {
        entered++;
        entry = e.id();
      } else {
        entry = entryOf.getOrDefault(e.previousEventId(), 0L);
      }
      entryOf.put(e.id(), entry);
      if (ATTEMPT_EVENTS.contains(type) && entry != 0) {
        attempts.merge(entry, 1, Integer::sum);
      }
      if (type.equals("ExecutionStarted") || type.equals("ExecutionRedriven")) {
        starts++;
      }
    }
    long retries = 0;
    for (int n : attempts.values()) {
      retries += Math.max(0, n - 1);
    }
    return entered + retries + (countStart ? starts : 0);
  }
}
