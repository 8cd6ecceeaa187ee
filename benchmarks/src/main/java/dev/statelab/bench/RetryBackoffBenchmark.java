package dev.statelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.chaos.Faults;
import dev.statelab.chaos.Latency;
import dev.statelab.chaos.RetryPolicy;
import dev.statelab.cost.CostModel;
import dev.statelab.cost.PriceCatalogue;
import dev.statelab.cost.StepFunctionsMetering;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.Execution;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Retry and backoff under faults: one Lambda Task that is throttled with probability {@code
 * faultRate}, retried by a policy with or without full jitter, on a virtual-clock world.
 *
 * <p>The primary score is executions per second of wall time (the engine's cost of retrying).
 * The {@link PerExecution} aux counters are OPERATIONS counters, reported per second like the
 * primary score; divide one by the primary score for the per-execution figure: {@code attempts}
 * (task invocations), {@code virtualLatencyMs} (start to stop on the world clock), {@code
 * transitions} (as Standard bills them) and {@code costMicroUsd} (Step Functions and Lambda at
 * catalogue prices, in millionths of a dollar). {@code succeeded} counts executions that ended
 * SUCCEEDED.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RetryBackoffBenchmark {

  private static final String DEFINITION = """
      {"StartAt": "Charge", "States": {"Charge": {
        "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
        "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "MaxAttempts": 1}],
        "End": true}}}""";

  /** The world, the machine rewritten for the policy, and the fault plan, per trial. */
  @State(Scope.Benchmark)
  public static class Setting {

    /** The probability that a call is throttled. */
    @Param({"0.05", "0.2", "0.5"})
    public double faultRate;

    /** Retries, first interval (s) and backoff rate, as in {@link RetryPolicy#name()}. */
    @Param({"3x1s-b2", "6x1s-b2"})
    public String policy;

    /** Whether the retrier uses {@code JitterStrategy: FULL}. */
    @Param({"false", "true"})
    public boolean jitter;

    World world;
    StateMachine machine;
    JsonNode input;
    CostModel prices;

    /** Builds what the trial measures, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
      String[] parts = policy.split("x|s-b");
      RetryPolicy retry = RetryPolicy.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
          Double.parseDouble(parts[2]), jitter);
      machine = StateMachine.parse(Json.write(retry.applyTo(Json.parse(DEFINITION))));
      input = Json.parse("{\"orderId\": \"o-1\", \"amount\": 42}");
      world = World.newInstance(WorldOptions.newBuilder().seed(1).build());
      LambdaStore.of(world).runHandlersInline(true);
      StepFunctionsMetering.install(world);
      new LambdaModule().install(world);
      LambdaStore.of(world).registerJson("charge", in -> in);
      Faults faults = Faults.of(world);
      faults.onFunction("charge").latency(Latency.fixed(Duration.ofMillis(80)));
      faults.onFunction("charge").withProbability(faultRate).throttle();
      prices = CostModel.of(PriceCatalogue.defaults());
    }

    /** Releases what the trial built. */
    @TearDown(Level.Trial)
    public void tearDown() {
      LambdaStore.of(world).close();
      world.close();
    }
  }

  /** What the executions of an iteration did, summed (read per second, like the primary score). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class PerExecution {

    /** Task invocations. */
    public long attempts;
    /** Start-to-stop time on the world clock, in milliseconds. */
    public long virtualLatencyMs;
    /** State transitions as Standard bills them. */
    public long transitions;
    /** Step Functions and Lambda cost, in millionths of a US dollar. */
    public double costMicroUsd;
    /** Executions that succeeded. */
    public long succeeded;

    /** Starts an iteration at zero. */
    @Setup(Level.Iteration)
    public void reset() {
      attempts = 0;
      virtualLatencyMs = 0;
      transitions = 0;
      costMicroUsd = 0;
      succeeded = 0;
    }
  }

  /** One execution under the setting's faults and retry policy. */
  @Benchmark
  public Execution execute(Setting setting, PerExecution counters) {
    Execution e = setting.world.run(setting.machine, setting.input);
    for (HistoryEvent h : e.history()) {
      if (h.type().equals("LambdaFunctionScheduled") || h.type().equals("TaskScheduled")) {
        counters.attempts++;
      }
    }
    counters.virtualLatencyMs += Duration.between(e.startDate(), e.stopDate()).toMillis();
    counters.transitions += e.transitions();
    counters.costMicroUsd += setting.prices.price(UsageLedger.of(setting.world).drain()).total().doubleValue() * 1e6;
    Faults.of(setting.world).drainInjected();
    if (e.status() == dev.statelab.engine.ExecutionStatus.SUCCEEDED) {
      counters.succeeded++;
    }
    return e;
  }
}
