package dev.statelab.junit;

import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.World;
import dev.statelab.history.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** {@link ClockControl} over one world: direct on the virtual clock, waiting on the real one. */
final class WorldClockControl implements ClockControl {

  private final World world;
  private final ExecutionRecorder recorder;
  private final BooleanSupplier remoteBusy;

  /**
   * A clock control over {@code world}.
   *
   * @param remoteBusy true while another backend (LocalStack) still runs executions; checked by
   *     {@link #runUntilIdle()} after the world is idle
   */
  WorldClockControl(World world, ExecutionRecorder recorder, BooleanSupplier remoteBusy) {
    this.world = world;
    this.recorder = recorder;
    this.remoteBusy = remoteBusy;
  }

  private boolean virtual() {
    return world.options().clockMode() == ClockMode.VIRTUAL;
  }

  @Override
  public Instant now() {
    return world.now();
  }

  @Override
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("The clock only moves forward: " + duration);
    }
    if (!virtual()) {
      throw new IllegalStateException("advance(Duration) needs the virtual clock; this world runs on"
          + " the real clock (@StateLabTest(clock = ClockMode.VIRTUAL) moves time by hand)");
    }
    world.advanceBy(duration);
  }

  @Override
  public void runUntilIdle() {
    long deadline = System.nanoTime() + REAL_CLOCK_WAIT.toNanos();
    if (virtual()) {
      world.runUntilIdle();
    } else {
      for (Execution e : recorder.all()) {
        await(e, deadline, "end");
      }
    }
    while (remoteBusy.getAsBoolean()) {
      if (System.nanoTime() >= deadline) {
        throw new IllegalStateException("LocalStack still runs executions after " + REAL_CLOCK_WAIT);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  @Override
  public HistoryEvent runUntilStateEntered(Execution execution, String stateName) {
    if (virtual()) {
      world.runUntil(() -> entered(execution, stateName).isPresent() || execution.status().isTerminal());
    } else {
      long deadline = System.nanoTime() + REAL_CLOCK_WAIT.toNanos();
      while (entered(execution, stateName).isEmpty() && !execution.status().isTerminal()) {
        await(execution, Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20)), null);
        if (System.nanoTime() >= deadline) {
          break;
        }
      }
    }
    return entered(execution, stateName).orElseThrow(() -> new IllegalStateException(
        "Execution " + execution.name() + " is " + execution.status() + " and never entered state '"
            + stateName + "'; states entered: " + enteredNames(execution.history())));
  }

  private static Optional<HistoryEvent> entered(Execution execution, String stateName) {
    return execution.history().stream()
        .filter(e -> e.type().endsWith("StateEntered") && stateName.equals(e.stateName()))
        .findFirst();
  }

  static List<String> enteredNames(List<HistoryEvent> history) {
    return history.stream().filter(e -> e.type().endsWith("StateEntered"))
        .map(HistoryEvent::stateName).collect(Collectors.toList());
  }

  /** Waits until the execution ends or the deadline passes; {@code what} non-null fails on timeout. */
  private static void await(Execution execution, long deadlineNanos, String what) {
    long left = deadlineNanos - System.nanoTime();
    try {
      execution.completion().toCompletableFuture().get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (what != null) {
        throw new IllegalStateException("Execution " + execution.name() + " did not " + what
            + " within " + REAL_CLOCK_WAIT + " of wall time; it is " + execution.status(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + execution.name(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
