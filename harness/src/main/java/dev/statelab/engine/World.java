package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.query.Randomness;
import dev.statelab.integration.Integrations;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * A world: one clock, one scheduler, one seeded random source and the integrations that Task
 * states call. Executions are data advanced by the world's scheduler; none has a thread.
 *
 * <pre>{@code
 * try (World world = World.newInstance()) {
 *   world.integrations().function("Double", in -> IntNode.valueOf(in.asInt() * 2));
 *   Execution e = world.run(StateMachine.parse(definition), Json.parse("21"));
 *   assert e.status() == ExecutionStatus.SUCCEEDED;
 * }
 * }</pre>
 */
public interface World extends AutoCloseable {

  /** A world with the default options (virtual clock, seed 0). */
  static World newInstance() {
    return new DefaultWorld(WorldOptions.defaults());
  }

  /** A world with the given options. */
  static World newInstance(WorldOptions options) {
    return new DefaultWorld(options);
  }

  /** The options the world was built with. */
  WorldOptions options();

  /** The world clock's time now. */
  Instant now();

  /** The world's seeded random source. */
  Randomness random();

  /** The integrations Task states call. */
  Integrations integrations();

  /**
   * The world's single instance of a component, created on first use: where stand-in services
   * keep their per-world state (function registries, job queues, usage ledgers).
   */
  <T> T component(Class<T> type, java.util.function.Supplier<? extends T> create);

  /** Adds a listener for executions and Map Runs in this world. */
  void addListener(WorldListener listener);

  /** Starts an execution; it advances when the world runs. */
  Execution start(StateMachine machine, ExecutionRequest request);

  /** Starts a STANDARD execution with the given input. */
  default Execution start(StateMachine machine, JsonNode input) {
    return start(machine, ExecutionRequest.of(input));
  }

  /** Starts an execution and runs the world until it is idle. */
  default Execution run(StateMachine machine, ExecutionRequest request) {
    Execution execution = start(machine, request);
    runUntilIdle();
    return execution;
  }

  /** Starts a STANDARD execution and runs the world until it is idle. */
  default Execution run(StateMachine machine, JsonNode input) {
    return run(machine, ExecutionRequest.of(input));
  }

  /**
   * Runs until nothing is runnable, no timer is pending and no real I/O is in flight. On the
   * virtual clock, time jumps from timer to timer.
   */
  void runUntilIdle();

  /**
   * Runs like {@link #runUntilIdle()} but stops at the first point, after a round of ready work
   * and the timers due at one instant, where {@code condition} holds (checked on the world's
   * thread); returns whether it holds, false when the world went idle first.
   */
  boolean runUntil(java.util.function.BooleanSupplier condition);

  /** Runs what is due within the next {@code duration} of world time, ending exactly that much later. */
  void advanceBy(Duration duration);

  /** True when a task waits for this token's callback (without touching its heartbeat). */
  boolean isTaskPending(String taskToken);

  /** Completes a waiting task (a {@code .waitForTaskToken} task or an activity) with output. */
  void sendTaskSuccess(String taskToken, JsonNode output);

  /** Fails a waiting task with an error and cause. */
  void sendTaskFailure(String taskToken, String error, String cause);

  /** Records a heartbeat for a waiting task. */
  void sendTaskHeartbeat(String taskToken);

  /**
   * Redrives a failed, timed-out or aborted execution, as RedriveExecution does: the same
   * execution resumes at the top-level state where it stopped, with the same input for that state
   * and the variables it had; {@code ExecutionRedriven} joins the history and
   * {@code $$.Execution.RedriveCount} goes up. An inline Map or Parallel state where it stopped
   * runs only the iterations or branches that did not succeed.
   *
   * @return when the redrive started
   * @throws IllegalStateException when the execution is running, succeeded, or never entered a state
   */
  Instant redrive(Execution execution);

  /** Stops a running execution (ExecutionAborted), as StopExecution does. */
  void stop(Execution execution, String error, String cause);

  /**
   * Runs an action as the world's thread and returns its result: with the loop's lock held, so
   * it sees and changes engine state safely, followed by the work it made ready. On a driven
   * world it runs on the driver's thread when the driver is busy, and on the calling thread when
   * the driver is waiting (saving the hand-over).
   */
  <T> T call(Callable<T> action);

  /**
   * Runs an action on the world's thread after {@code delay} of world time (on the virtual clock,
   * time jumps to it): how stand-ins move their own work (a Batch job's lifecycle) along.
   */
  Scheduled schedule(Duration delay, Runnable action);

  /**
   * Runs an action on the world's thread when world time reaches {@code delay} from now, without
   * keeping the world busy: for recurring work such as EventBridge schedules. {@link
   * #runUntilIdle()} neither waits for nor jumps to such an action (it fires those due before the
   * last ordinary timer); {@link #advanceBy(Duration)} fires every one due in its window; a
   * driven real-clock world fires them as time passes; a driven virtual-clock world fires them
   * only when other timers move its clock past them.
   */
  Scheduled scheduleDaemon(Duration delay, Runnable action);

  /** A scheduled action; cancelling one that has fired does nothing. */
  @FunctionalInterface
  interface Scheduled {

    /** Stops the action from running. */
    void cancel();
  }

  /**
   * Starts a background thread that drives the world continuously (for servers); until then the
   * world advances only inside {@link #runUntilIdle()} and {@link #advanceBy(Duration)}. A driven
   * world on the virtual clock does not skip time while a task waits for a callback, since
   * callbacks then come from clients at their own pace.
   */
  void startDriver();

  /** Whether a background thread drives this world ({@link #startDriver()}). */
  boolean isDriven();

  /** Stops the driver, if any, and releases the world. */
  @Override
  void close();
}
