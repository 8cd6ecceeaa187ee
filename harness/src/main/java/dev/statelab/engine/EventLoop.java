package dev.statelab.engine;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A world's clock and scheduler: a queue of runnable work and a queue of timers ordered by
 * (due time, sequence). All engine state is touched only by the thread holding {@link #lock},
 * so executions need no locks and no threads of their own.
 */
final class EventLoop {

  /** A scheduled action; cancel it to stop it from firing. */
  static final class Timer implements Comparable<Timer> {
    final long dueMillis;
    final long sequence;
    final Runnable action;
    final boolean daemon;
    boolean cancelled;

    Timer(long dueMillis, long sequence, Runnable action) {
      this(dueMillis, sequence, action, false);
    }

    Timer(long dueMillis, long sequence, Runnable action, boolean daemon) {
      this.dueMillis = dueMillis;
      this.sequence = sequence;
      this.action = action;
      this.daemon = daemon;
    }

    boolean daemon() {
      return daemon;
    }

    void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(dueMillis, o.dueMillis);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  final ReentrantLock lock = new ReentrantLock();
  private final Condition wakeup = lock.newCondition();
  private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  /** Timers that fire when the clock reaches them but never make time pass on their own. */
  private final PriorityQueue<Timer> daemonTimers = new PriorityQueue<>();
  private final ConcurrentLinkedQueue<Runnable> external = new ConcurrentLinkedQueue<>();
  /** A wake that could not be delivered because another thread held the lock. */
  private volatile boolean wakePending;
  private final ClockMode mode;
  private final double timeScale;
  private final long wallStart;
  private final long worldStart;
  private long virtualNow;
  private long sequence;
  private int inFlight;
  private int pendingCallbacks;
  private boolean holdForCallbacks;
  private volatile boolean closed;
  private final long ioGraceMillis;
  private long stalledSince = -1;

  EventLoop(ClockMode mode, double timeScale, long startMillis, long ioGraceMillis) {
    this.ioGraceMillis = ioGraceMillis;
    this.mode = mode;
    this.timeScale = timeScale <= 0 ? 1.0 : timeScale;
    this.wallStart = System.currentTimeMillis();
    this.worldStart = startMillis;
    this.virtualNow = startMillis;
  }

  /** The world's current time, epoch milliseconds. */
  long now() {
    if (mode == ClockMode.VIRTUAL) {
      return virtualNow;
    }
    long wall = System.currentTimeMillis() - wallStart;
    return worldStart + (long) (wall / timeScale);
  }

  ClockMode mode() {
    return mode;
  }

  /** Queues work to run soon, on the loop. Caller holds the lock. */
  void submit(Runnable r) {
    ready.add(r);
  }

  /** Queues work from any thread and wakes the loop. */
  void submitExternal(Runnable r) {
    external.add(r);
    signal();
  }

  /** Schedules an action at a world time. Caller holds the lock. */
  Timer at(long dueMillis, Runnable action) {
    Timer t = new Timer(dueMillis, sequence++, action);
    timers.add(t);
    return t;
  }

  /**
   * Schedules a deadline: at its due time it fires after every other timer due at that instant,
   * so work that finishes exactly at a deadline is not cut off by it. Caller holds the lock.
   */
  Timer deadline(long dueMillis, Runnable action) {
    Timer t = new Timer(dueMillis, Long.MAX_VALUE / 2 + sequence++, action);
    timers.add(t);
    return t;
  }

  /**
   * Schedules a daemon action after a delay in world milliseconds: it fires when world time
   * reaches it, but it never keeps the loop busy nor makes virtual time jump by itself, except
   * inside a bounded drive ({@code advanceBy}) or on a real clock driven forever. Caller holds
   * the lock.
   */
  Timer daemonAfter(long delayMillis, Runnable action) {
    Timer t = new Timer(now() + Math.max(0, delayMillis), sequence++, action, true);
    daemonTimers.add(t);
    return t;
  }

  /** Schedules an action after a delay in world milliseconds. Caller holds the lock. */
  Timer after(long delayMillis, Runnable action) {
    return at(now() + Math.max(0, delayMillis), action);
  }

  /** A task now waits for a callback (SendTaskSuccess, an activity worker) from outside. */
  void beginCallback() {
    pendingCallbacks++;
  }

  /** A task stopped waiting for its callback. */
  void endCallback() {
    pendingCallbacks--;
  }

  /**
   * When true, virtual time does not jump while a task waits for a callback: for a server, whose
   * callbacks come from clients at wall-clock pace.
   */
  void holdForCallbacks(boolean hold) {
    this.holdForCallbacks = hold;
  }

  /** Marks the start of real I/O whose completion will come through {@link #submitExternal}. */
  void beginExternal() {
    inFlight++;
  }

  /** Marks the end of real I/O; call from the loop thread (inside the submitted completion). */
  void endExternal() {
    inFlight--;
  }

  /**
   * Wakes the driver. Never blocks (a thread holding a service's lock may submit work, and the
   * loop's thread may be waiting for that lock): when another thread holds the loop's lock, the
   * wake is left in {@link #wakePending} for the holder, which looks at it before it waits (the
   * driver) or after it lets go (a caller running work in {@link DefaultWorld#call}).
   */
  private void signal() {
    wakePending = true;
    for (int attempt = 0; attempt < 2; attempt++) {
      if (lock.tryLock()) {
        try {
          wakePending = false;
          wakeup.signalAll();
        } finally {
          lock.unlock();
        }
        return;
      }
      Thread.yield();
    }
  }

  /**
   * What the driver's next wait depends on: the earliest timer, the I/O in flight and the
   * callbacks awaited. Caller holds the lock.
   */
  WaitState waitState() {
    Timer next = earliest(nextTimer(timers), nextTimer(daemonTimers));
    return new WaitState(next == null ? Long.MAX_VALUE : next.dueMillis, inFlight,
        pendingCallbacks);
  }

  /**
   * Wakes a waiting driver after work ran on another thread, when its wait is out of date: work
   * was queued from outside meanwhile, a timer now falls due earlier, or the I/O or callbacks it
   * waited on changed (null states: the work failed midway, so always). Call after releasing the
   * lock.
   */
  void wakeDriverIfStale(WaitState before, WaitState after) {
    if (wakePending || before == null || after == null || !external.isEmpty()
        || after.nextDueMillis < before.nextDueMillis
        || after.inFlight != before.inFlight
        || after.pendingCallbacks != before.pendingCallbacks) {
      signal();
    }
  }

  /** A snapshot of {@link #waitState()}. */
  record WaitState(long nextDueMillis, int inFlight, int pendingCallbacks) {}

  /**
   * One turn of the driver without its wait: the ready work, then the timers already due. Caller
   * holds the lock.
   */
  void runDue() {
    runReady();
    fireDue();
  }

  /** Runs everything runnable now. Caller holds the lock. Returns true if anything ran. */
  boolean runReady() {
    boolean ran = false;
    while (true) {
      Runnable r = external.poll();
      if (r == null) {
        r = ready.poll();
      }
      if (r == null) {
        if (ran) {
          stalledSince = -1;
        }
        return ran;
      }
      ran = true;
      r.run();
    }
  }

  /**
   * In virtual mode, true when real I/O has been in flight with nothing else to do for longer
   * than the grace period: time then moves on, so a task that never answers still times out
   * instead of hanging the world.
   */
  private boolean ioGraceExpired() {
    long wall = System.currentTimeMillis();
    if (stalledSince < 0) {
      stalledSince = wall;
    }
    return wall - stalledSince >= ioGraceMillis;
  }

  /** Fires due timers (world time). Caller holds the lock. */
  private boolean fireDue() {
    boolean fired = false;
    long now = now();
    while (true) {
      Timer t = earliest(nextTimer(timers), nextTimer(daemonTimers));
      if (t == null || t.dueMillis > now) {
        break;
      }
      (t.daemon() ? daemonTimers : timers).poll();
      if (!t.cancelled) {
        fired = true;
        t.action.run();
        runReady();
      }
    }
    return fired;
  }

  private Timer nextTimer() {
    return nextTimer(timers);
  }

  private static Timer nextTimer(PriorityQueue<Timer> queue) {
    while (!queue.isEmpty() && queue.peek().cancelled) {
      queue.poll();
    }
    return queue.peek();
  }

  private static Timer earliest(Timer a, Timer b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * The timer the loop may move time to: the next ordinary timer, or an earlier daemon timer
   * when an ordinary one is pending within the bound, the drive is bounded, or a real clock is
   * driven forever.
   */
  private Timer nextTarget(long untilMillis, boolean forever) {
    Timer next = nextTimer(timers);
    Timer daemon = nextTimer(daemonTimers);
    boolean daemonsDrive = (next != null && next.dueMillis <= untilMillis)
        || untilMillis != Long.MAX_VALUE || (forever && mode == ClockMode.REAL);
    return daemonsDrive ? earliest(next, daemon) : next;
  }

  /**
   * Runs until nothing is runnable, no timer is pending and no I/O is in flight.
   * Virtual time jumps to each timer; real time waits for it. Caller holds the lock.
   *
   * @param untilMillis a world time not to go past (Long.MAX_VALUE for none)
   * @param forever keep waiting for outside work instead of returning when idle
   */
  void drive(long untilMillis, boolean forever) {
    drive(untilMillis, forever, null);
  }

  /**
   * Like {@link #drive(long, boolean)}, but returns as soon as {@code stop} holds after a round of
   * ready work and due timers (null: never). Caller holds the lock.
   */
  void drive(long untilMillis, boolean forever, java.util.function.BooleanSupplier stop) {
    while (!closed) {
      runReady();
      fireDue();
      if (stop != null && stop.getAsBoolean()) {
        return;
      }
      if (!external.isEmpty()) {
        continue;
      }
      Timer next = nextTarget(untilMillis, forever);
      if (next != null && next.dueMillis <= untilMillis && mode == ClockMode.VIRTUAL
          && !(holdForCallbacks && pendingCallbacks > 0)
          && (inFlight == 0 || ioGraceExpired())) {
        virtualNow = Math.max(virtualNow, next.dueMillis);
        stalledSince = -1;
        continue;
      }
      if (mode == ClockMode.REAL && next != null && next.dueMillis <= untilMillis) {
        long waitWorld = next.dueMillis - now();
        if (waitWorld > 0) {
          awaitMillis(Math.max(1, (long) Math.ceil(waitWorld * timeScale)));
        }
        continue;
      }
      if (forever || (inFlight > 0 && !(mode == ClockMode.VIRTUAL && ioGraceExpired()))) {
        boolean waitingForIo = inFlight > 0 && mode == ClockMode.VIRTUAL;
        awaitMillis(forever && !waitingForIo ? 1000 : Math.max(1, Math.min(50, ioGraceMillis)));
        continue;
      }
      if (mode == ClockMode.VIRTUAL && untilMillis != Long.MAX_VALUE && virtualNow < untilMillis) {
        virtualNow = untilMillis;
      }
      if (mode == ClockMode.REAL && untilMillis != Long.MAX_VALUE && now() < untilMillis) {
        awaitMillis(Math.max(1, (long) Math.ceil((untilMillis - now()) * timeScale)));
        continue;
      }
      return;
    }
  }

  private void awaitMillis(long millis) {
    if (!external.isEmpty() || wakePending) {
      wakePending = false;
      return;
    }
    try {
      wakeup.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** True when no work, timer or I/O is pending. Caller holds the lock. */
  boolean isIdle() {
    return ready.isEmpty() && external.isEmpty() && nextTimer() == null && inFlight == 0;
  }

  void close() {
    closed = true;
    signal();
  }

  boolean isClosed() {
    return closed;
  }
}
