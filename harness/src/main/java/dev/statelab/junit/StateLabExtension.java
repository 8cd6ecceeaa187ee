package dev.statelab.junit;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.World;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The StateLab JUnit 5 extension: opens a {@link StateLab} per class or per method, keeps it in
 * the {@link ExtensionContext.Store} (closed with its context), injects its parts by type, skips
 * LocalStack tests where Docker is missing and prints the last executions' histories when a test
 * fails.
 *
 * <p>Registered by {@link StateLabTest}, or built for a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static StateLabExtension lab = StateLabExtension.newBuilder()
 *     .lifecycle(WorldLifecycle.PER_METHOD)
 *     .seed(42)
 *     .build();
 * }</pre>
 */
public final class StateLabExtension implements BeforeAllCallback, BeforeEachCallback,
    ParameterResolver, ExecutionCondition, TestExecutionExceptionHandler,
    LifecycleMethodExecutionExceptionHandler {

  private static final Namespace NAMESPACE = Namespace.create(StateLabExtension.class);
  private static final String LAB = "lab";

  private final StateLabSettings settings;

  /** The extension {@link StateLabTest} registers; it reads the annotation's attributes. */
  public StateLabExtension() {
    this.settings = null;
  }

  private StateLabExtension(StateLabSettings settings) {
    this.settings = settings;
  }

  /** A builder with {@link StateLabTest}'s defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The settings in force for a context: the builder's, or the nearest {@link StateLabTest}. */
  private StateLabSettings settings(ExtensionContext context) {
    if (settings != null) {
      return settings;
    }
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      StateLabTest a = c.getAnnotation(StateLabTest.class);
      if (a != null) {
        return StateLabSettings.of(a);
      }
    }
    return StateLabSettings.of(Defaults.class.getAnnotation(StateLabTest.class));
  }

  @StateLabTest
  private static final class Defaults {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Backends.Choice choice = Backends.choose(settings(context).backend());
    if (choice.backend() == Backend.LOCALSTACK && !choice.fromProperty()) {
      Optional<String> skip = Backends.skipReason();
      if (skip.isPresent()) {
        if (context.getTestMethod().isEmpty()) {
          // Build tools such as Surefire show a skipped class without JUnit's reason; say it once.
          System.err.println("[statelab] skipped " + context.getDisplayName() + ": " + skip.get());
        }
        return ConditionEvaluationResult.disabled(skip.get());
      }
    }
    return ConditionEvaluationResult.enabled("backend " + choice.backend());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (settings(context).lifecycle() == WorldLifecycle.PER_CLASS) {
      lab(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (settings(context).lifecycle() == WorldLifecycle.PER_CLASS) {
      lab(context.getParent().orElse(context));
    } else {
      lab(context);
    }
  }

  /** The lab of {@code context} or an ancestor, opened in {@code context} if there is none. */
  private StateLab lab(ExtensionContext context) {
    return context.getStore(NAMESPACE)
        .getOrComputeIfAbsent(LAB, k -> new StoredLab(open(context)), StoredLab.class).lab();
  }

  private StateLab open(ExtensionContext context) {
    StateLabSettings s = settings(context);
    Backends.Choice choice = Backends.choose(s.backend());
    if (choice.backend() == Backend.LOCALSTACK) {
      if (choice.fromProperty()) {
        Backends.requireDockerForProperty();
      } else {
        Backends.skipReason().ifPresent(reason -> {
          throw new ExtensionConfigurationException(reason);
        });
      }
    }
    return StateLab.open(s, choice.backend());
  }

  private static Optional<StateLab> existing(ExtensionContext context) {
    StoredLab stored = context.getStore(NAMESPACE).get(LAB, StoredLab.class);
    return Optional.ofNullable(stored).map(StoredLab::lab);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    boolean ours = type == StateLab.class || type == World.class || type == ClockControl.class
        || type == URI.class || InjectableClients.kind(type) != null
        || type == WireMockServer.class;
    if (ours && parameter.getDeclaringExecutable() instanceof Constructor) {
      throw new ParameterResolutionException("StateLab does not inject constructor parameters ("
          + type.getSimpleName() + " of " + parameter.getDeclaringExecutable().getName()
          + "); take it as a parameter of a test or lifecycle method");
    }
    return ours;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    StateLab lab = existing(context).orElseThrow(() -> new ParameterResolutionException(
        "No StateLab world is open for " + parameter.getDeclaringExecutable().getName()
            + ": with lifecycle PER_METHOD the world exists from @BeforeEach on"));
    if (type == StateLab.class) {
      return lab;
    }
    if (type == World.class) {
      return lab.world();
    }
    if (type == ClockControl.class) {
      return lab.clock();
    }
    if (type == URI.class) {
      return lab.endpoint();
    }
    if (InjectableClients.kind(type) != null) {
      return lab.client(type);
    }
    return lab.wireMock();
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    printHistories(context);
    throw throwable;
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    printHistories(context);
    throw throwable;
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    printHistories(context);
    throw throwable;
  }

  /** Prints the histories of the last executions of the context's lab, if it has any. */
  private void printHistories(ExtensionContext context) {
    StateLabSettings s = settings(context);
    Optional<StateLab> lab = existing(context);
    if (lab.isEmpty() || s.historiesOnFailure() == 0) {
      return;
    }
    List<Execution> last = lab.get().lastExecutions(s.historiesOnFailure());
    if (!last.isEmpty()) {
      s.historyOutput().print("StateLab: " + context.getDisplayName() + " failed; the last "
          + last.size() + " execution(s):\n" + HistoryTable.render(last));
      s.historyOutput().flush();
    }
  }

  /** The store's value: closes the lab when its context ends (JUnit before and after 5.13). */
  @SuppressWarnings("deprecation")
  private record StoredLab(StateLab lab) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      lab.close();
    }
  }

  /** Builds a {@link StateLabExtension} for a static {@code @RegisterExtension} field. */
  public static final class Builder {
    private WorldLifecycle lifecycle = WorldLifecycle.PER_CLASS;
    private ClockMode clock = ClockMode.VIRTUAL;
    private long seed;
    private String region = "us-east-1";
    private String account = "123456789012";
    private Backend backend = Backend.DEFAULT;
    private Instant startTime;
    private PrintStream historyOutput = System.err;
    private int historiesOnFailure = 3;

    private Builder() {}

    /** One world per class (default) or per method. */
    public Builder lifecycle(WorldLifecycle value) {
      this.lifecycle = Objects.requireNonNull(value);
      return this;
    }

    /** The virtual (default) or real clock. */
    public Builder clock(ClockMode value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    /** The random seed. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** The region. */
    public Builder region(String value) {
      this.region = Objects.requireNonNull(value);
      return this;
    }

    /** The account id. */
    public Builder account(String value) {
      this.account = Objects.requireNonNull(value);
      return this;
    }

    /** The backend. */
    public Builder backend(Backend value) {
      this.backend = Objects.requireNonNull(value);
      return this;
    }

    /** Pins the world clock's start (histories identical run after run). */
    public Builder startTime(Instant value) {
      this.startTime = value;
      return this;
    }

    /** Where histories are printed when a test fails (default {@code System.err}). */
    public Builder historyOutput(PrintStream value) {
      this.historyOutput = Objects.requireNonNull(value);
      return this;
    }

    /** How many of the last executions are printed when a test fails (default 3; 0 for none). */
    public Builder historiesOnFailure(int value) {
      this.historiesOnFailure = value;
      return this;
    }

    /** Builds the extension. */
    public StateLabExtension build() {
      return new StateLabExtension(new StateLabSettings(lifecycle, clock, seed, region, account,
          backend, startTime, historyOutput, historiesOnFailure));
    }
  }
}
