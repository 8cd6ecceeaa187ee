package dev.statelab.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.statelab.engine.Execution;
import dev.statelab.engine.World;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The extension run by the JUnit Platform on small {@code ...Case} classes, asserting on what the
 * engine reports (junit-platform-testkit is not available here; the Launcher is).
 */
class ExtensionEngineTests {

  /** What one engine run reported. */
  record Events(List<String> succeeded, Map<String, Throwable> failed, Map<String, String> skipped) {}

  static Events run(Class<?> testClass) {
    Events events = new Events(new ArrayList<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
        new TestExecutionListener() {
          @Override
          public void executionSkipped(TestIdentifier id, String reason) {
            events.skipped().put(name(id), reason);
          }

          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
              events.succeeded().add(name(id));
            } else {
              events.failed().put(name(id), result.getThrowable().orElse(null));
            }
          }
        });
    return events;
  }

  /** A test's display name; a nested class's without its outer class. */
  static String name(TestIdentifier id) {
    String name = id.getDisplayName();
    return name.substring(name.lastIndexOf('$') + 1);
  }

  static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();

  static class FailingCase {
    @RegisterExtension
    static StateLabExtension ext = StateLabExtension.newBuilder()
        .historyOutput(new PrintStream(PRINTED, true, StandardCharsets.UTF_8))
        .historiesOnFailure(1)
        .build();

    @Test
    void expectsSuccessFromAFailingMachine(StateLab lab) {
      lab.deploy(Scenario.ofDefinition("""
          {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""").named("first")).run("{}");
      Execution e = lab.deploy(Scenario.ofDefinition("""
          {"StartAt": "Check", "States": {
            "Check": {"Type": "Pass", "Next": "F"},
            "F": {"Type": "Fail", "Error": "Boom", "Cause": "it broke"}}}""").named("broken")).run("{}");
      StateLabAssertions.assertThat(e).succeeded();
    }
  }

  @Test
  void aFailedTestPrintsTheLastExecutionsHistoryAsATable() {
    Events events = run(FailingCase.class);

    assertThat(events.failed()).containsOnlyKeys("expectsSuccessFromAFailingMachine(StateLab)");
    String printed = PRINTED.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .startsWith("StateLab: expectsSuccessFromAFailingMachine(StateLab) failed; the last 1 execution(s):")
        .contains("(FAILED: Boom), 5 events, 2 transitions, 0.000s")
        .containsPattern("    id  \\+time       type +state +detail\n")
        .containsPattern("     1  0\\.000s      ExecutionStarted\n")
        .containsPattern("     3  0\\.000s      PassStateExited +Check\n")
        .containsPattern("     5  0\\.000s      ExecutionFailed +Boom: it broke\n")
        .doesNotContain("first");
  }

  static final ByteArrayOutputStream PRINTED_AFTER_EACH = new ByteArrayOutputStream();

  static class FailingAfterEachCase {
    @RegisterExtension
    static StateLabExtension ext = StateLabExtension.newBuilder()
        .historyOutput(new PrintStream(PRINTED_AFTER_EACH, true, StandardCharsets.UTF_8))
        .build();

    @AfterEach
    void checkEveryExecutionSucceeded(StateLab lab) {
      lab.executions().forEach(e -> StateLabAssertions.assertThat(e).succeeded());
    }

    @Test
    void runsAFailingMachine(StateLab lab) {
      lab.deploy(Scenario.ofDefinition("""
          {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Late"}}}""").named("late")).run("{}");
    }
  }

  @Test
  void aFailingAfterEachMethodPrintsTheHistoriesToo() {
    Events events = run(FailingAfterEachCase.class);

    assertThat(events.failed()).containsOnlyKeys("runsAFailingMachine(StateLab)");
    assertThat(PRINTED_AFTER_EACH.toString(StandardCharsets.UTF_8))
        .startsWith("StateLab: runsAFailingMachine(StateLab) failed; the last 1 execution(s):")
        .contains("(FAILED: Late), 3 events");
  }

  @StateLabTest(backend = Backend.LOCALSTACK)
  static class LocalStackCase {
    @Test
    void needsLocalStack(SfnClient sfn) {
      sfn.listStateMachines();
    }
  }

  static class LocalStackOnlyCase {
    @Test
    @LocalStackOnly
    void needsDocker() {}

    @Test
    void runsAnywhere() {}
  }

  @Test
  void localStackTestsAreSkippedWithTheReasonWithoutDocker() {
    Assumptions.assumeTrue(Docker.unavailableReason().isPresent(), "Docker is available here");

    Events annotated = run(LocalStackCase.class);
    Events conditioned = run(LocalStackOnlyCase.class);

    assertThat(annotated.skipped()).containsOnlyKeys("LocalStackCase");
    assertThat(annotated.skipped().get("LocalStackCase"))
        .startsWith("LocalStack backend needs a Docker engine; none found (");
    assertThat(conditioned.skipped()).containsOnlyKeys("needsDocker()");
    assertThat(conditioned.succeeded()).contains("runsAnywhere()");
  }

  @StateLabTest
  static class PropertyCase {
    @Test
    void anything(World world) {}
  }

  @Test
  void anExplicitLocalStackPropertyFailsFastWithoutDocker() {
    Assumptions.assumeTrue(Docker.unavailableReason().isPresent(), "Docker is available here");
    Events events = withBackendProperty("localstack", () -> run(PropertyCase.class));

    assertThat(events.skipped()).isEmpty();
    assertThat(events.failed().get("PropertyCase"))
        .hasMessageStartingWith("-Dstatelab.backend=localstack asks for the LocalStack backend, which"
            + " needs a Docker engine; none found (");
  }

  @Test
  void anUnknownBackendPropertyIsAClearError() {
    Events events = withBackendProperty("cloud", () -> run(PropertyCase.class));

    assertThat(events.failed().get("PropertyCase"))
        .hasMessageEndingWith("-Dstatelab.backend must be embedded, localstack or auto; got 'cloud'");
  }

  static Events withBackendProperty(String value, java.util.function.Supplier<Events> body) {
    String before = System.getProperty(Backend.PROPERTY);
    System.setProperty(Backend.PROPERTY, value);
    try {
      return body.get();
    } finally {
      if (before == null) {
        System.clearProperty(Backend.PROPERTY);
      } else {
        System.setProperty(Backend.PROPERTY, before);
      }
    }
  }

  @StateLabTest
  static class ConstructorCase {
    ConstructorCase(SfnClient sfn) {}

    @Test
    void neverRuns() {}
  }

  @Test
  void constructorInjectionIsRefusedNamingTheParameter() {
    Events events = run(ConstructorCase.class);

    assertThat(events.failed().get("neverRuns()"))
        .hasMessageContaining("StateLab does not inject constructor parameters (SfnClient of")
        .hasMessageContaining("take it as a parameter of a test or lifecycle method");
  }

  @StateLabTest(lifecycle = WorldLifecycle.PER_METHOD)
  static class PerMethodBeforeAllCase {
    @BeforeAll
    static void tooEarly(World world) {}

    @Test
    void neverRuns() {}
  }

  @Test
  void aPerMethodWorldIsNotThereInBeforeAll() {
    Events events = run(PerMethodBeforeAllCase.class);

    assertThat(events.failed().get("PerMethodBeforeAllCase"))
        .hasMessageContaining("No StateLab world is open for tooEarly: with lifecycle PER_METHOD"
            + " the world exists from @BeforeEach on");
  }

  static final List<StateLab> SEEN = new ArrayList<>();

  @StateLabTest
  static class RememberingCase {
    @Test
    void remembers(StateLab lab, SfnClient sfn) {
      SEEN.add(lab);
    }
  }

  @Test
  void theLabClosesWithItsContext() throws Exception {
    SEEN.clear();
    Events events = run(RememberingCase.class);

    assertThat(events.failed()).isEmpty();
    StateLab lab = SEEN.get(0);
    URI endpoint = lab.endpoint();
    assertThatThrownBy(() -> lab.client(SfnClient.class)).hasMessage("This StateLab is closed");
    assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
        .isInstanceOf(ConnectException.class);
  }
}
