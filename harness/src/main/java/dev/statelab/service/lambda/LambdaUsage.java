package dev.statelab.service.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A world's ledger of Lambda invocations; thread-safe, append-only. */
public final class LambdaUsage {

  private final List<InvocationRecord> records = new ArrayList<>();

  /** Appends one record. */
  synchronized void add(InvocationRecord record) {
    records.add(record);
  }

  /** Every record so far, in completion order. */
  public synchronized List<InvocationRecord> records() {
    return List.copyOf(records);
  }

  /** The records of one function. */
  public List<InvocationRecord> records(String functionName) {
    return filter(r -> r.functionName().equals(functionName));
  }

  /** The records matching a predicate. */
  public synchronized List<InvocationRecord> filter(Predicate<InvocationRecord> predicate) {
    List<InvocationRecord> out = new ArrayList<>();
    for (InvocationRecord r : records) {
      if (predicate.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Billed invocations (throttled ones are not billed). */
  public long billedInvocations() {
    return filter(r -> r.outcome() != InvocationRecord.Outcome.THROTTLED).size();
  }

  /** Total billed GB-seconds. */
  public synchronized double gbSeconds() {
    double total = 0;
    for (InvocationRecord r : records) {
      total += r.gbSeconds();
    }
    return total;
  }
}
