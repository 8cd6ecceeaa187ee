package dev.statelab.junit;

import dev.statelab.engine.Execution;
import dev.statelab.engine.WorldListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps every execution a world starts (through the SDK or in-process), in start order. */
final class ExecutionRecorder implements WorldListener {

  private final Map<String, Execution> byArn = new LinkedHashMap<>();

  @Override
  public synchronized void executionStarted(Execution execution) {
    byArn.putIfAbsent(execution.arn(), execution);
  }

  /** The execution with this ARN, if the world started it. */
  synchronized Optional<Execution> find(String arn) {
    return Optional.ofNullable(byArn.get(arn));
  }

  /** Every execution, oldest first. */
  synchronized List<Execution> all() {
    return List.copyOf(byArn.values());
  }

  /** The last {@code n} executions started, oldest first. */
  synchronized List<Execution> last(int n) {
    List<Execution> all = new ArrayList<>(byArn.values());
    return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
  }
}
