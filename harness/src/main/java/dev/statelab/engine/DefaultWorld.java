package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.query.Randomness;
import dev.statelab.integration.Integrations;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The default {@link World}: in-process, one event loop, one seeded random source. */
final class DefaultWorld implements World {

  private final WorldOptions options;
  private final EventLoop loop;
  private final SeededRandomness random;
  private final Integrations integrations = new Integrations();
  private final Map<String, TaskStep> tokens = new HashMap<>();
  private final Map<String, Long> endedTokens = new HashMap<>();
  private final java.util.List<WorldListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private long executionCounter;
  private volatile Thread driver;

  DefaultWorld(WorldOptions options) {
    this.options = options;
    long start = options.startTime() != null ? options.startTime().toEpochMilli() : System.currentTimeMillis();
    this.loop = new EventLoop(options.clockMode(), options.timeScale(), start, options.realIoGrace().toMillis());
    this.random = new SeededRandomness(options.seed());
  }

  EventLoop loop() {
    return loop;
  }

  @Override
  public WorldOptions options() {
    return options;
  }

  @Override
  public Instant now() {
    return Instant.ofEpochMilli(loop.now());
  }

  @Override
  public Randomness random() {
    return random;
  }

  @Override
  public Integrations integrations() {
    return integrations;
  }

  @Override
  public Execution start(StateMachine machine, ExecutionRequest request) {
    return call(() -> {
      String smName = request.stateMachineName() != null ? request.stateMachineName() : "StateMachine";
      String name = request.name() != null ? request.name() : random.uuid();
      String prefix = "arn:aws:states:" + options.region() + ":" + options.accountId() + ":";
      String smArn = prefix + "stateMachine:" + smName;
      String arn = request.type() == ExecutionType.EXPRESS
          ? prefix + "express:" + smName + ":" + name + ":" + random.uuid()
          : prefix + "execution:" + smName + ":" + name;
      executionCounter++;
      Run run = new Run(this, machine, request, name, arn, smArn, smName);
      run.begin();
      return run;
    });
  }

  private final java.util.concurrent.ConcurrentHashMap<Class<?>, Object> components = new java.util.concurrent.ConcurrentHashMap<>();

  /** Serialises component creation; a reentrant lock, so one component's supplier may ask for another. */
  private final Object componentLock = new Object();

  @Override
  public <T> T component(Class<T> type, java.util.function.Supplier<? extends T> create) {
    Object existing = components.get(type);
    if (existing != null) {
      return type.cast(existing);
    }
    synchronized (componentLock) {
      existing = components.get(type);
      if (existing == null) {
        existing = create.get();
        if (existing != null) {
          components.put(type, existing);
        }
      }
      return type.cast(existing);
    }
  }

  @Override
  public void addListener(WorldListener listener) {
    listeners.add(java.util.Objects.requireNonNull(listener));
  }

  /** Called by a run when it has started. */
  void started(Run run) {
    listeners.forEach(l -> l.executionStarted(run));
  }

  /** Called by a run when it ends. */
  void finished(Run run) {
    listeners.forEach(l -> l.executionEnded(run));
  }

  void mapRunStarted(MapRun mapRun) {
    listeners.forEach(l -> l.mapRunStarted(mapRun));
  }

  void mapRunEnded(MapRun mapRun) {
    listeners.forEach(l -> l.mapRunEnded(mapRun));
  }

  String newTaskToken() {
    return random.uuid() + random.uuid().replace("-", "");
  }

  void registerToken(String token, TaskStep step) {
    tokens.put(token, step);
  }

  void taskEnded(String token) {
    if (tokens.remove(token) != null) {
      endedTokens.put(token, loop.now());
    }
  }

  private TaskStep step(String token) {
    if (token == null || token.isEmpty() || token.length() > 2048) {
      throw new TaskTokenException("InvalidToken", "Invalid Token: '" + token + "'");
    }
    TaskStep step = tokens.get(token);
    if (step == null || step.isDone()) {
      if (endedTokens.containsKey(token)) {
        throw new TaskTokenException("TaskTimedOut", "Task Timed Out: '" + token + "'");
      }
      throw new TaskTokenException("TaskDoesNotExist", "Task does not exist anymore");
    }
    return step;
  }

  @Override
  public boolean isTaskPending(String taskToken) {
    return call(() -> {
      TaskStep step = taskToken == null ? null : tokens.get(taskToken);
      return step != null && !step.isDone();
    });
  }

  @Override
  public void sendTaskSuccess(String taskToken, JsonNode output) {
    call(() -> {
      step(taskToken).tokenSucceeded(output);
      return null;
    });
  }

  @Override
  public void sendTaskFailure(String taskToken, String error, String cause) {
    call(() -> {
      step(taskToken).tokenFailed(error, cause);
      return null;
    });
  }

  @Override
  public void sendTaskHeartbeat(String taskToken) {
    call(() -> {
      step(taskToken).heartbeat();
      return null;
    });
  }

  @Override
  public Instant redrive(Execution execution) {
    return call(() -> ((Run) execution).redrive());
  }

  @Override
  public void stop(Execution execution, String error, String cause) {
    call(() -> {
      ((Run) execution).abort(error, cause);
      return null;
    });
  }

  @Override
  public void runUntilIdle() {
    requireNoDriver();
    loop.lock.lock();
    try {
      loop.drive(Long.MAX_VALUE, false);
    } finally {
      loop.lock.unlock();
    }
  }

  @Override
  public boolean runUntil(java.util.function.BooleanSupplier condition) {
    java.util.Objects.requireNonNull(condition, "condition");
    requireNoDriver();
    loop.lock.lock();
    try {
      if (condition.getAsBoolean()) {
        return true;
      }
      loop.drive(Long.MAX_VALUE, false, condition);
      return condition.getAsBoolean();
    } finally {
      loop.lock.unlock();
    }
  }

  @Override
  public void advanceBy(Duration duration) {
    requireNoDriver();
    loop.lock.lock();
    try {
      loop.drive(loop.now() + duration.toMillis(), false);
    } finally {
      loop.lock.unlock();
    }
  }

  private void requireNoDriver() {
    if (driver != null && Thread.currentThread() != driver) {
      throw new IllegalStateException("The world is driven by its background thread; it advances by itself.");
    }
  }

  @Override
  public <T> T call(Callable<T> action) {
    if (driver == null || Thread.currentThread() == driver || loop.lock.isHeldByCurrentThread()) {
      loop.lock.lock();
      return runLocked(action, false);
    }
    if (loop.lock.tryLock()) {
      // The driver is waiting for work: do it on this thread rather than hand it over and wait
      // to be handed the result back (two thread switches per call), then wake the driver only
      // if what it waits for has changed.
      return runLocked(action, true);
    }
    CompletableFuture<T> future = new CompletableFuture<>();
    loop.submitExternal(() -> {
      try {
        future.complete(action.call());
      } catch (Throwable t) {
        future.completeExceptionally(t);
      }
    });
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the world", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * Runs {@code action} and then the ready work with the loop's lock held (the caller took it),
   * and lets the lock go. A caller standing in for a waiting driver also fires the timers already
   * due, and wakes the driver if its wait is out of date.
   */
  private <T> T runLocked(Callable<T> action, boolean standInForDriver) {
    EventLoop.WaitState before = null;
    EventLoop.WaitState after = null;
    try {
      before = standInForDriver ? loop.waitState() : null;
      T result = action.call();
      if (standInForDriver) {
        loop.runDue();
        after = loop.waitState();
      } else {
        loop.runReady();
      }
      return result;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      loop.lock.unlock();
      if (standInForDriver) {
        loop.wakeDriverIfStale(before, after);
      }
    }
  }

  @Override
  public Scheduled schedule(Duration delay, Runnable action) {
    java.util.Objects.requireNonNull(action, "action");
    EventLoop.Timer timer = call(() -> loop.after(delay.toMillis(), action));
    return () -> call(() -> {
      timer.cancel();
      return null;
    });
  }

  @Override
  public Scheduled scheduleDaemon(Duration delay, Runnable action) {
    java.util.Objects.requireNonNull(action, "action");
    EventLoop.Timer timer = call(() -> loop.daemonAfter(delay.toMillis(), action));
    return () -> call(() -> {
      timer.cancel();
      return null;
    });
  }

  @Override
  public boolean isDriven() {
    return driver != null;
  }

  @Override
  public synchronized void startDriver() {
    if (driver != null) {
      return;
    }
    loop.lock.lock();
    try {
      loop.holdForCallbacks(true);
    } finally {
      loop.lock.unlock();
    }
    Thread t = new Thread(() -> {
      loop.lock.lock();
      try {
        loop.drive(Long.MAX_VALUE, true);
      } finally {
        loop.lock.unlock();
      }
    }, "statelab-world");
    t.setDaemon(true);
    driver = t;
    t.start();
  }

  @Override
  public void close() {
    loop.close();
    Thread t = driver;
    if (t != null) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  long executionsStarted() {
    return executionCounter;
  }
}
