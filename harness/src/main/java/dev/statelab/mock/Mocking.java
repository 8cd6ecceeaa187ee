package dev.statelab.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldListener;
import dev.statelab.integration.TaskInterceptor;
import dev.statelab.integration.TaskRequest;
import dev.statelab.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A world's mocked service integrations: the loaded {@link MockConfig}, which test case each
 * execution runs, and the {@link TaskInterceptor} that answers mocked Task states.
 *
 * <pre>{@code
 * Mocking mocking = Mocking.of(world);
 * mocking.use(MockConfig.load(Path.of("MockConfigFile.json")));
 * Execution e = mocking.start(machine, ExecutionRequest.of(input).withStateMachineName("Order"), "HappyPath");
 * }</pre>
 *
 * <p>Through the Step Functions API a test case is chosen with the {@code #TestCase} suffix on
 * the state machine ARN of StartExecution or StartSyncExecution. A mocked state never reaches its
 * integration; states the test case does not name run as usual. Every call of a mocked state in
 * an execution (first attempt, retries and later visits) takes the next invocation index.
 * Mocked {@code .waitForTaskToken} tasks and activities answer at once with the mocked value;
 * mocked {@code .sync} tasks answer with the final value.
 */
public final class Mocking implements TaskInterceptor, WorldListener {

  private final World world;
  private volatile MockConfig config = MockConfig.empty();
  private volatile Path source;
  private long sourceModified;
  private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
  private final Map<String, Integer> invocations = new ConcurrentHashMap<>();
  /** The test case for the execution being started on the world's thread; guarded by the world. */
  private Selection pending;

  private Mocking(World world) {
    this.world = world;
  }

  /** The world's mocking, installed (interceptor and listener) on first use. */
  public static Mocking of(World world) {
    Objects.requireNonNull(world, "world");
    return world.component(Mocking.class, () -> {
      Mocking m = new Mocking(world);
      world.addListener(m);
      world.integrations().intercept(m);
      return m;
    });
  }

  /** Replaces the configuration; running executions keep the test case they started with. */
  public Mocking use(MockConfig newConfig) {
    this.config = Objects.requireNonNull(newConfig, "config");
    return this;
  }

  /** Lays {@code more} over the current configuration. */
  public synchronized Mocking add(MockConfig more) {
    this.config = config.merge(more);
    return this;
  }

  /**
   * Loads a MockConfigFile, replacing the configuration, and reads it again whenever it has
   * changed when a test case is next chosen (as LocalStack does), so mocks can be edited while a
   * server runs.
   */
  public synchronized Mocking load(Path file) {
    MockConfig loaded = MockConfig.load(file);
    this.source = file;
    this.sourceModified = modified(file);
    return use(loaded);
  }

  /** Reads the loaded file again if it changed; a broken edit is reported, not half-applied. */
  private synchronized void refresh() {
    Path file = source;
    if (file == null) {
      return;
    }
    long now = modified(file);
    if (now != sourceModified) {
      MockConfig loaded = MockConfig.load(file);
      sourceModified = now;
      config = loaded;
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The current configuration. */
  public MockConfig config() {
    return config;
  }

  /**
   * Runs {@code start} (which must start exactly one execution of {@code stateMachineName}) so
   * that the execution runs test case {@code testCase}. Service code calls this on the world's
   * thread around {@link World#start}.
   *
   * @throws UnknownTestCaseException when the configuration has no such test case
   * @throws MockConfigException when the loaded file changed and is now invalid
   */
  public <T> T startingTestCase(String stateMachineName, String testCase, Supplier<T> start) {
    refresh();
    Map<String, String> states = config.testCase(stateMachineName, testCase)
        .orElseThrow(() -> new UnknownTestCaseException(stateMachineName, testCase));
    return world.call(() -> {
      Selection previous = pending;
      pending = new Selection(stateMachineName, testCase, states, config);
      try {
        return start.get();
      } finally {
        pending = previous;
      }
    });
  }

  /** Starts an execution of {@code machine} running test case {@code testCase}. */
  public Execution start(StateMachine machine, ExecutionRequest request, String testCase) {
    String name = request.stateMachineName() == null ? "StateMachine" : request.stateMachineName();
    return startingTestCase(name, testCase, () -> world.start(machine, request));
  }

  /** The test case an execution runs, if any. */
  public Optional<String> testCaseOf(String executionArn) {
    Binding b = bindings.get(executionArn);
    return Optional.ofNullable(b == null ? null : b.testCase());
  }

  @Override
  public void executionStarted(Execution execution) {
    Selection s = pending;
    if (s != null && !bindings.containsKey(execution.arn())) {
      bindings.put(execution.arn(), new Binding(s.testCase(), s.states(), s.config()));
      pending = null;
    }
  }

  @Override
  public void executionEnded(Execution execution) {
    Binding removed = bindings.remove(execution.arn());
    if (removed != null) {
      String prefix = execution.arn() + "\u0000";
      invocations.keySet().removeIf(k -> k.startsWith(prefix));
    }
  }

  @Override
  public CompletionStage<JsonNode> intercept(TaskRequest request, int attempt) {
    Binding binding = bindings.get(request.executionArn());
    if (binding == null) {
      return null;
    }
    String responseName = binding.states().get(request.stateName());
    if (responseName == null) {
      return null;
    }
    MockedResponse response = binding.config().responses().get(responseName);
    int index = invocations.merge(request.executionArn() + "\u0000" + request.stateName(), 1, Integer::sum) - 1;
    Optional<MockResponse> step = response.at(index);
    if (step.isEmpty()) {
      return CompletableFuture.failedFuture(StatesError.runtime(
          "The mocked response '" + responseName + "' for state '" + request.stateName()
              + "' in test case '" + binding.testCase() + "' has no answer for invocation "
              + index + " (it defines invocations 0-" + (response.steps().size() - 1) + ")."));
    }
    if (step.get() instanceof MockResponse.Throw t) {
      return CompletableFuture.failedFuture(new StatesError(t.error(), t.cause()));
    }
    JsonNode value = ((MockResponse.Return) step.get()).value().deepCopy();
    if (request.taskToken() == null) {
      return CompletableFuture.completedFuture(value);
    }
    return answerCallback(request.taskToken(), value);
  }

  /**
   * A callback task (or activity) waits for its token after the integration answers, so the mocked
   * value is sent as the callback before the (empty) integration answer arrives.
   */
  private CompletionStage<JsonNode> answerCallback(String token, JsonNode value) {
    CompletableFuture<JsonNode> answered = new CompletableFuture<>();
    CompletableFuture.runAsync(() -> {
      try {
        world.sendTaskSuccess(token, value);
      } catch (RuntimeException e) {
        // The task ended meanwhile (stopped, timed out): nothing to answer.
      } finally {
        answered.complete(Json.object());
      }
    });
    return answered;
  }

  /** The test case chosen for the execution being started. */
  private record Selection(String stateMachineName, String testCase, Map<String, String> states, MockConfig config) {}

  /** The test case an execution runs, fixed when it started. */
  private record Binding(String testCase, Map<String, String> states, MockConfig config) {}

  /** A {@code #TestCase} the configuration does not define for the state machine. */
  public static final class UnknownTestCaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The error for a missing test case. */
    public UnknownTestCaseException(String stateMachineName, String testCase) {
      super("Invalid mock test case name '" + testCase + "' for state machine '"
          + stateMachineName + "': the mock configuration does not define it", null, false, false);
    }
  }
}
