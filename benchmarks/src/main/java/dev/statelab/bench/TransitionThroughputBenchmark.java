package dev.statelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Engine transition throughput: how many executions, and how many state transitions, one thread
 * pushes through a virtual-clock {@link World} per second.
 *
 * <ul>
 *   <li>{@link #run} starts and finishes one fresh execution of a definition parsed once per trial
 *       (the normal "parse once, run many" use).
 *   <li>{@link #parse} parses and validates the definition text only.
 *   <li>{@link #parseAndRun} does both per call, so {@code run} vs {@code parseAndRun} shows what
 *       re-parsing per execution would cost.
 * </ul>
 *
 * <p>The {@code transitions} secondary result ({@link TransitionCounter}, an OPERATIONS aux counter) is
 * state transitions per second, counted by the engine as Standard workflows are billed.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TransitionThroughputBenchmark {

  /** The world and the parsed machine for one workload, built once per trial. */
  @State(Scope.Benchmark)
  public static class Engine {

    @Param
    public Workloads workload;

    /** Non-final so the JIT cannot fold the definition or the input into constants. */
    String definitionText;
    StateMachine machine;
    JsonNode input;
    World world;
    long expectedTransitions;

    /** Builds what the trial measures, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
      definitionText = workload.definitionText();
      machine = StateMachine.parse(definitionText);
      input = workload.input();
      world = World.newInstance(WorldOptions.newBuilder().seed(0).build());
      // Sanity check outside the measurement: the workload must succeed, and is deterministic.
      expectedTransitions = WorkloadRuns.firstRun(world, machine, input, workload.name());
    }

    /** Releases what the trial built. */
    @TearDown(Level.Trial)
    public void tearDown() {
      world.close();
    }
  }

  /** One fresh execution of the machine parsed at trial setup. */
  @Benchmark
  public Execution run(Engine engine, TransitionCounter counter) {
    Execution execution = engine.world.run(engine.machine, engine.input);
    counter.transitions += checked(execution, engine);
    return execution;
  }

  /** Parsing and validating the definition text only (no execution). */
  @Benchmark
  public StateMachine parse(Engine engine) {
    return StateMachine.parse(engine.definitionText);
  }

  /** Parse, then run: the cost of not reusing a parsed machine. */
  @Benchmark
  public Execution parseAndRun(Engine engine, TransitionCounter counter) {
    StateMachine machine = StateMachine.parse(engine.definitionText);
    Execution execution = engine.world.run(machine, engine.input);
    counter.transitions += checked(execution, engine);
    return execution;
  }

  private static long checked(Execution execution, Engine engine) {
    return WorkloadRuns.checked(execution, engine.expectedTransitions, engine.workload.name());
  }


  /** Runs this class from an IDE: {@code -f 1}, default iterations. */
  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(TransitionThroughputBenchmark.class.getSimpleName()).build()).run();
  }
}
