package dev.statelab.service.sfn;

import dev.statelab.engine.Execution;
import dev.statelab.engine.MapRun;
import dev.statelab.engine.WorldListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory store behind one {@link SfnService}: state machines, executions, Map Runs and
 * tags. Everything mutable is guarded by {@link #lock}.
 *
 * <p>Lock order: a thread holding {@link #lock} never waits for the world, so the world's thread
 * (which calls this store's listener methods) may always take it.
 */
final class SfnStore implements WorldListener {

  final Object lock = new Object();
  final Arns arns;
  final Map<String, MachineEntry> machines = new LinkedHashMap<>();
  final Map<String, ExecutionEntry> executions = new ConcurrentHashMap<>();
  final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();
  final Map<String, MapRun> mapRuns = new ConcurrentHashMap<>();
  final Map<String, List<MapRun>> mapRunsByExecution = new ConcurrentHashMap<>();
  private long sequence;

  SfnStore(Arns arns) {
    this.arns = arns;
  }

  /** The next value of the store's ordering sequence; caller holds the lock. */
  long nextSequence() {
    return ++sequence;
  }

  /** A live machine by ARN, or null; caller holds the lock. */
  MachineEntry machine(String arn) {
    return machines.get(arn);
  }

  @Override
  public void executionEnded(Execution execution) {
    ExecutionEntry entry = executions.get(execution.arn());
    if (entry == null) {
      return;
    }
    synchronized (lock) {
      MachineEntry machine = machines.get(entry.stateMachineArn);
      if (machine != null && machine.deleting && noneRunning(machine)) {
        remove(machine);
      }
    }
  }

  /** True when no execution of the machine is running; caller holds the lock. */
  static boolean noneRunning(MachineEntry machine) {
    for (ExecutionEntry e : machine.executions) {
      if (!e.status().isTerminal()) {
        return false;
      }
    }
    return true;
  }

  /** Forgets a machine with its versions and aliases; caller holds the lock. */
  void remove(MachineEntry machine) {
    machines.remove(machine.arn);
    tags.remove(machine.arn);
  }

  @Override
  public void mapRunStarted(MapRun mapRun) {
    mapRuns.put(mapRun.arn(), mapRun);
    mapRunsByExecution.computeIfAbsent(mapRun.executionArn(), k -> new ArrayList<>());
    synchronized (lock) {
      mapRunsByExecution.get(mapRun.executionArn()).add(mapRun);
    }
  }
}
