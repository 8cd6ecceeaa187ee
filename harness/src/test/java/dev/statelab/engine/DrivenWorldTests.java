package dev.statelab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.asl.StateMachine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A world driven by its background thread on the real clock: calls from other threads run the
 * work themselves when the driver is waiting, and the driver still fires every timer on time.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DrivenWorldTests {

  private static World drivenRealWorld() {
    World world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build());
    world.startDriver();
    return world;
  }

  @Test
  void aCallWhileTheDriverWaitsRunsOnTheCallersThread() {
    try (World world = drivenRealWorld()) {
      Thread caller = Thread.currentThread();

      Thread ranOn = world.call(Thread::currentThread);

      assertThat(ranOn).isSameAs(caller);
    }
  }

  @Test
  void workACallQueuesRunsBeforeTheCallReturns() {
    try (World world = drivenRealWorld()) {
      Execution execution = world.call(() -> world.start(StateMachine.parse("""
          {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"},
           "B": {"Type": "Pass", "Result": "done", "End": true}}}"""),
          EngineTesting.json("{}")));

      assertThat(execution.completion().toCompletableFuture()).isDone();
      assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @Test
  void aTimerScheduledByACallerWakesTheWaitingDriverOnTime() throws Exception {
    try (World world = drivenRealWorld()) {
      // Let the driver settle into its long idle wait first.
      Thread.sleep(50);
      CountDownLatch fired = new CountDownLatch(1);
      long start = System.nanoTime();

      world.schedule(Duration.ofMillis(100), fired::countDown);

      assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      // The idle driver waits up to a second at a time; the new, earlier timer must wake it.
      assertThat(tookMillis).isBetween(90L, 700L);
    }
  }

  @Test
  void manyThreadsCallingAtOnceLoseNoWorkAndNoTimer() throws Exception {
    try (World world = drivenRealWorld()) {
      int threads = 8;
      int callsPerThread = 500;
      AtomicInteger ran = new AtomicInteger();
      CountDownLatch timers = new CountDownLatch(threads * 10);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < callsPerThread; i++) {
            world.call(ran::incrementAndGet);
            if (i % 50 == 0) {
              world.schedule(Duration.ofMillis(20), timers::countDown);
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.SECONDS);
      }
      pool.shutdown();

      assertThat(ran.get()).isEqualTo(threads * callsPerThread);
      assertThat(timers.await(5, TimeUnit.SECONDS)).as("every timer fired").isTrue();
    }
  }

  @Test
  void aFailingCallStillLeavesTheDriverRunning() throws Exception {
    try (World world = drivenRealWorld()) {
      assertThatThrownBy(() -> world.call(() -> {
        world.schedule(Duration.ofMillis(50), () -> { });
        throw new IllegalArgumentException("boom");
      })).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
      CountDownLatch fired = new CountDownLatch(1);

      world.schedule(Duration.ofMillis(20), fired::countDown);

      assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
