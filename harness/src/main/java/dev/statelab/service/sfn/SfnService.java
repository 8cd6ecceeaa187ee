package dev.statelab.service.sfn;


import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.engine.World;
import dev.statelab.gateway.AwsProtocol;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.gateway.ServiceSpec;
import dev.statelab.integration.awssdk.AwsSdkBridge;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * AWS Step Functions as a gateway service: {@code awsJson1_0}, target prefix {@code
 * AWSStepFunctions}, signing name {@code states}, over an in-memory store bound to one world.
 *
 * <pre>{@code
 * try (World world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build());
 *     SfnService sfn = SfnService.newInstance(world);
 *     Gateway gateway = Gateway.start(GatewayOptions.defaults(), sfn)) {
 *   world.startDriver();
 *   SfnClient client = gateway.clients().client(SfnClient.builder());
 * }
 * }</pre>
 *
 * <p>The world must be driven by its background thread ({@link World#startDriver()}) for
 * executions to advance while requests come in; {@code dev.statelab.server.StateLabServer} does all of this. Two
 * operations wait without holding a gateway thread: {@code StartSyncExecution} (until the Express
 * execution ends) and {@code GetActivityTask} (until a task is scheduled or the poll times out).
 *
 * <p>ARNs use the world's region and account ({@link dev.statelab.engine.WorldOptions}).
 */
public final class SfnService implements AwsService, AutoCloseable {

  /** The {@code X-Amz-Target} prefix. */
  public static final String TARGET_PREFIX = "AWSStepFunctions";

  /** The SigV4 signing name. */
  public static final String SIGNING_NAME = "states";

  /** How long GetActivityTask waits for a task before answering {@code {}}, as AWS does. */
  public static final Duration DEFAULT_ACTIVITY_POLL = Duration.ofSeconds(60);

  /** Every operation this service answers. */
  public static final List<String> OPERATIONS = List.of(
      "CreateStateMachine", "DescribeStateMachine", "UpdateStateMachine", "DeleteStateMachine",
      "ListStateMachines", "DescribeStateMachineForExecution", "ValidateStateMachineDefinition",
      "PublishStateMachineVersion", "ListStateMachineVersions", "DeleteStateMachineVersion",
      "CreateStateMachineAlias", "DescribeStateMachineAlias", "UpdateStateMachineAlias",
      "DeleteStateMachineAlias", "ListStateMachineAliases",
      "StartExecution", "StartSyncExecution", "DescribeExecution", "StopExecution",
      "ListExecutions", "GetExecutionHistory", "RedriveExecution",
      "SendTaskSuccess", "SendTaskFailure", "SendTaskHeartbeat",
      "CreateActivity", "DescribeActivity", "DeleteActivity", "ListActivities",
      "GetActivityTask", "TestState", "DescribeMapRun", "ListMapRuns", "UpdateMapRun",
      "TagResource", "UntagResource", "ListTagsForResource");

  private static final ServiceSpec SPEC = ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_0,
          SIGNING_NAME)
      .targetPrefix(TARGET_PREFIX)
      .operations(OPERATIONS)
      .build();

  private final World world;
  private final SfnStore store;
  private final Activities activities;
  private final MachineOperations machines;
  private final ExecutionOperations executions;
  private final TestStateRunner testState;

  private SfnService(World world, Duration activityPoll) {
    this.world = world;
    Arns arns = new Arns(world.options().region(), world.options().accountId());
    this.store = new SfnStore(arns);
    this.activities = new Activities(world, arns, activityPoll, store.tags);
    this.machines = new MachineOperations(world, store, activities);
    this.executions = new ExecutionOperations(world, store);
    this.testState = new TestStateRunner(world);
    world.addListener(store);
    world.addListener(activities);
  }

  /** A service over {@code world}, with GetActivityTask's 60-second long poll. */
  public static SfnService newInstance(World world) {
    return newInstance(world, DEFAULT_ACTIVITY_POLL);
  }

  /** A service over {@code world} whose GetActivityTask polls wait {@code activityPoll}. */
  public static SfnService newInstance(World world, Duration activityPoll) {
    Objects.requireNonNull(world, "world");
    if (activityPoll.isNegative() || activityPoll.isZero()) {
      throw new IllegalArgumentException("activityPoll must be positive: " + activityPoll);
    }
    SfnService service = new SfnService(world, activityPoll);
    NestedExecutions nested = new NestedExecutions(world, service.executions);
    world.integrations().resolver(nested);
    world.addListener(nested);
    AwsSdkBridge.register(world, "sfn", service);
    return service;
  }

  /** The world whose executions this service runs. */
  public World world() {
    return world;
  }

  @Override
  public ServiceSpec spec() {
    return SPEC;
  }

  @Override
  public CompletionStage<AwsResponse> handleAsync(AwsRequest request) {
    try {
      Params p = new Params(request.body());
      return switch (request.operation()) {
        case "StartSyncExecution" -> executions.startSync(p);
        case "GetActivityTask" -> activities.getActivityTask(p);
        default -> CompletableFuture.completedFuture(handle(request));
      };
    } catch (AwsServiceException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public AwsResponse handle(AwsRequest request) {
    Params p = new Params(request.body());
    ObjectNode out = switch (request.operation()) {
      case "CreateStateMachine" -> machines.create(p);
      case "DescribeStateMachine" -> machines.describe(p);
      case "UpdateStateMachine" -> machines.update(p);
      case "DeleteStateMachine" -> machines.delete(p);
      case "ListStateMachines" -> machines.list(p);
      case "ValidateStateMachineDefinition" -> machines.validate(p);
      case "PublishStateMachineVersion" -> machines.publishVersion(p);
      case "ListStateMachineVersions" -> machines.listVersions(p);
      case "DeleteStateMachineVersion" -> machines.deleteVersion(p);
      case "CreateStateMachineAlias" -> machines.createAlias(p);
      case "DescribeStateMachineAlias" -> machines.describeAlias(p);
      case "UpdateStateMachineAlias" -> machines.updateAlias(p);
      case "DeleteStateMachineAlias" -> machines.deleteAlias(p);
      case "ListStateMachineAliases" -> machines.listAliases(p);
      case "TagResource" -> machines.tagResource(p, activities::exists);
      case "UntagResource" -> machines.untagResource(p, activities::exists);
      case "ListTagsForResource" -> machines.listTags(p, activities::exists);
      case "StartExecution" -> executions.start(p);
      case "DescribeExecution" -> executions.describe(p);
      case "StopExecution" -> executions.stop(p);
      case "ListExecutions" -> executions.list(p);
      case "GetExecutionHistory" -> executions.history(p);
      case "DescribeStateMachineForExecution" -> executions.describeStateMachineForExecution(p);
      case "RedriveExecution" -> executions.redrive(p);
      case "SendTaskSuccess" -> executions.sendTaskSuccess(p);
      case "SendTaskFailure" -> executions.sendTaskFailure(p);
      case "SendTaskHeartbeat" -> executions.sendTaskHeartbeat(p);
      case "DescribeMapRun" -> executions.describeMapRun(p);
      case "ListMapRuns" -> executions.listMapRuns(p);
      case "UpdateMapRun" -> executions.updateMapRun(p);
      case "CreateActivity" -> activities.create(p);
      case "DescribeActivity" -> activities.describe(p);
      case "DeleteActivity" -> activities.delete(p);
      case "ListActivities" -> activities.list(p);
      case "TestState" -> testState.run(p);
      case "StartSyncExecution", "GetActivityTask" ->
          throw new IllegalStateException(request.operation() + " is answered by handleAsync");
      default -> throw new AwsServiceException("com.amazon.coral.service#UnknownOperationException",
          "Unknown operation " + request.operation());
    };
    return AwsResponse.ok(out);
  }

  /** Answers parked GetActivityTask polls and stops the poll timer; the world is not closed. */
  @Override
  public void close() {
    activities.close();
  }

  @Override
  public String toString() {
    return "SfnService[" + world.options().region() + ", " + world.options().accountId() + "]";
  }
}
