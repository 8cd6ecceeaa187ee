package dev.statelab.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.World;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.gateway.SdkClients;
import dev.statelab.mock.MockConfig;
import dev.statelab.mock.Mocking;
import dev.statelab.server.ServiceModules;
import dev.statelab.server.StateLabServer;
import dev.statelab.service.batch.BatchStore;
import dev.statelab.service.batch.JobRunner;
import dev.statelab.service.lambda.LambdaHandler;
import dev.statelab.service.lambda.LambdaStore;
import dev.statelab.service.sfn.SfnService;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * One test's StateLab: a world, a gateway serving it on an ephemeral {@code 127.0.0.1} port with
 * every stand-in module, the SDK clients pointed at it, and fixtures to deploy state machines and
 * register functions, job runners, mocks, tables and rules in one call each. Injected by
 * {@link StateLabExtension}, which closes it with its test or class.
 */
public final class StateLab implements AutoCloseable {

  /** The role ARN fixtures pass where AWS requires one. */
  public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/StateLabTests";

  private final StateLabSettings settings;
  private final StateLabServer server;
  private final ExecutionRecorder recorder;
  private final ClockControl clock;
  private final SdkClients embedded;
  private final SdkClients remote;
  private final AutoCloseable backend;
  private final Map<Class<?>, Object> clients = new LinkedHashMap<>();
  private WireMockServer wireMock;
  private boolean closed;

  private StateLab(StateLabSettings settings, StateLabServer server, ExecutionRecorder recorder,
      LocalStackBackend localStack) {
    this.settings = settings;
    this.server = server;
    this.recorder = recorder;
    this.embedded = server.clients().withRegion(settings.region());
    this.remote = localStack == null ? null : localStack.clients();
    this.clock = new WorldClockControl(server.world(), recorder,
        localStack == null ? () -> false : this::localStackBusy);
    this.backend = localStack;
  }

  /**
   * Opens a lab: the world, its gateway and, for {@link Backend#LOCALSTACK}, the container. What
   * opened before a failure is closed again.
   */
  static StateLab open(StateLabSettings settings, Backend backend) {
    World world = World.newInstance(settings.worldOptions());
    ExecutionRecorder recorder = new ExecutionRecorder();
    world.addListener(recorder);
    StateLabServer server;
    try {
      server = settings.clock() == ClockMode.VIRTUAL
          ? StateLabServer.serveUndriven(world, GatewayOptions.defaults(),
              SfnService.DEFAULT_ACTIVITY_POLL, ServiceModules.standard())
          : StateLabServer.start(world, GatewayOptions.defaults());
    } catch (RuntimeException e) {
      world.close();
      throw e;
    }
    try {
      return new StateLab(settings, server, recorder,
          backend == Backend.LOCALSTACK ? LocalStackBackend.start() : null);
    } catch (RuntimeException | LinkageError e) {
      try {
        server.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The settings this lab was built with. */
  public StateLabSettings settings() {
    return settings;
  }

  /** The world. */
  public World world() {
    return server.world();
  }

  /** The world's clock. */
  public ClockControl clock() {
    return clock;
  }

  /** The embedded gateway's endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return server.endpoint();
  }

  /** The embedded server. */
  public StateLabServer server() {
    return server;
  }

  /** True when the LocalStack backend serves Step Functions, DynamoDB, EventBridge and S3. */
  public boolean onLocalStack() {
    return remote != null;
  }

  /**
   * The shared client of an injectable type (e.g. {@code client(SfnClient.class)}), built on first
   * use and closed with the lab.
   *
   * @throws IllegalArgumentException for a type that is not an injectable client
   */
  public synchronized <T> T client(Class<T> type) {
    if (closed) {
      throw new IllegalStateException("This StateLab is closed");
    }
    InjectableClients.Kind kind = InjectableClients.kind(type);
    if (kind == null) {
      throw new IllegalArgumentException(type.getName() + " is not an injectable client; one of "
          + InjectableClients.types().stream().map(Class::getSimpleName).toList());
    }
    SdkClients factory = kind.inLocalStack() && remote != null ? remote : embedded;
    return type.cast(clients.computeIfAbsent(type, t -> kind.build().apply(factory)));
  }

  /** A WireMock server on a loopback port, started on first use and stopped with the lab. */
  public synchronized WireMockServer wireMock() {
    if (wireMock == null) {
      WireMockServer started = new WireMockServer(WireMockConfiguration.wireMockConfig()
          .bindAddress("127.0.0.1").dynamicPort());
      started.start();
      wireMock = started;
    }
    return wireMock;
  }

  /** Every execution the world started, oldest first. */
  public List<Execution> executions() {
    return recorder.all();
  }

  /** The last {@code n} executions the world started, oldest first. */
  List<Execution> lastExecutions(int n) {
    return recorder.last(n);
  }

  /**
   * The execution with this ARN (started through the SDK or in-process).
   *
   * @throws IllegalArgumentException when the world did not start it
   */
  public Execution execution(String executionArn) {
    return recorder.find(executionArn).orElseThrow(() -> new IllegalArgumentException(
        onLocalStack()
            ? "Execution " + executionArn + " runs in LocalStack; read it with the SfnClient"
            : "This world started no execution " + executionArn));
  }

  /**
   * Creates the scenario's state machine with CreateStateMachine (so the SDK sees it too).
   *
   * @throws IllegalArgumentException when a {@code ${placeholder}} has no substitution
   */
  public StateMachineUnderTest deploy(Scenario scenario) {
    String definition = scenario.definition();
    SfnClient sfn = client(SfnClient.class);
    String arn = sfn.createStateMachine(b -> b.name(scenario.name()).definition(definition)
        .roleArn(ROLE_ARN).type(scenario.type().name())).stateMachineArn();
    return new StateMachineUnderTest(arn, scenario.name(), scenario.type(), sfn, this::execution, clock);
  }

  /** True while any state machine in LocalStack has a RUNNING execution. */
  private boolean localStackBusy() {
    SfnClient sfn = client(SfnClient.class);
    return sfn.listStateMachinesPaginator(b -> { }).stateMachines().stream()
        .anyMatch(m -> !sfn.listExecutions(b -> b.stateMachineArn(m.stateMachineArn())
            .statusFilter(ExecutionStatus.RUNNING).maxResults(1)).executions().isEmpty());
  }

  /** Registers an in-JVM Lambda function; returns its ARN. */
  public String function(String name, LambdaHandler handler) {
    return LambdaStore.of(world()).register(name, handler).arn();
  }

  /** Registers an in-JVM Lambda function over JSON; returns its ARN. */
  public String function(String name, Function<JsonNode, JsonNode> handler) {
    return LambdaStore.of(world()).registerJson(name, handler).arn();
  }

  /** Runs the jobs of a Batch job definition in-process. */
  public StateLab batchRunner(String jobDefinitionName, JobRunner runner) {
    BatchStore.of(world()).registerRunner(jobDefinitionName, runner);
    return this;
  }

  /** Uses a mock config (AWS's MockConfigFile format) for executions started with a test case. */
  public StateLab mocks(MockConfig config) {
    Mocking.of(world()).add(config);
    return this;
  }

  /** Uses a mock config from a class-path resource. */
  public StateLab mocksFromClasspath(String resource) {
    Scenario file = Scenario.fromClasspath(resource);
    return mocks(MockConfig.parse(file.definition(), file.source()));
  }

  /**
   * Creates an on-demand DynamoDB table with a string partition key through the SDK and returns
   * its ARN.
   */
  public String table(String tableName, String partitionKey) {
    return client(DynamoDbClient.class).createTable(b -> b.tableName(tableName)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(a -> a.attributeName(partitionKey).attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName(partitionKey).keyType("HASH")))
        .tableDescription().tableArn();
  }

  /**
   * Creates an EventBridge rule on the default bus with one target through the SDK and returns
   * the rule's ARN.
   */
  public String rule(String ruleName, String eventPattern, String targetArn) {
    EventBridgeClient events = client(EventBridgeClient.class);
    String arn = events.putRule(b -> b.name(ruleName).eventPattern(eventPattern)).ruleArn();
    events.putTargets(b -> b.rule(ruleName).targets(t -> t.id("1").arn(targetArn).roleArn(ROLE_ARN)));
    return arn;
  }

  /** Closes the clients, WireMock, the server and world, and the container; idempotent. */
  @Override
  public void close() {
    Deque<AutoCloseable> toClose = new ArrayDeque<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose.add(server);
      if (backend != null) {
        toClose.add(backend);
      }
      if (wireMock != null) {
        WireMockServer w = wireMock;
        toClose.push(w::stop);
      }
      for (Object c : clients.values()) {
        toClose.push((AutoCloseable) c);
      }
    }
    RuntimeException failure = null;
    for (AutoCloseable c : toClose) {
      try {
        c.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("Closing the StateLab failed");
        }
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "StateLab[" + endpoint() + (onLocalStack() ? ", LocalStack" : "") + "]";
  }
}
