package dev.statelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.bench.StateTypeWorkload.QueryLanguage;
import dev.statelab.engine.Execution;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import java.util.concurrent.TimeUnit;
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
 * Transition throughput per state type, per query language and per payload size: one execution
 * of a ten-state chain ({@link StateTypeWorkload}) per call on a virtual-clock world.
 *
 * <p>The primary score is executions per second; the {@code transitions} secondary score
 * ({@link TransitionCounter}) is state transitions per second as the engine counts them for billing,
 * which is the figure to compare across state types.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StateTypeThroughputBenchmark {

  /** One workload, parsed and checked once per trial. */
  @State(Scope.Benchmark)
  public static class Chain {

    @Param
    public StateTypeWorkload stateType;

    @Param
    public QueryLanguage queryLanguage;

    /** Approximate input size in bytes. */
    @Param({"256", "16384"})
    public int payloadBytes;

    StateMachine machine;
    JsonNode input;
    World world;
    long expectedTransitions;

    /** Builds what the trial measures, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
      machine = StateMachine.parse(stateType.definition(queryLanguage));
      input = StateTypeWorkload.input(payloadBytes);
      world = World.newInstance(WorldOptions.newBuilder().seed(0).build());
      world.integrations().function(StateTypeWorkload.ECHO, in -> in);
      expectedTransitions = WorkloadRuns.firstRun(world, machine, input, stateType + "/" + queryLanguage);
    }

    /** Releases what the trial built. */
    @TearDown(Level.Trial)
    public void tearDown() {
      world.close();
    }
  }

  /** One execution of the chain. */
  @Benchmark
  public Execution run(Chain chain, TransitionCounter counter) {
    Execution execution = chain.world.run(chain.machine, chain.input);
    counter.transitions += WorkloadRuns.checked(execution, chain.expectedTransitions, chain.stateType + "/" + chain.queryLanguage);
    return execution;
  }
}
