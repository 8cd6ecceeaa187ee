package dev.statelab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.engine.World;
import dev.statelab.integration.Integration;
import dev.statelab.integration.ResourceArn;
import dev.statelab.integration.TaskInterceptor;
import dev.statelab.integration.TaskRequest;
import dev.statelab.service.batch.BatchStore;
import dev.statelab.service.batch.JobContext;
import dev.statelab.service.batch.JobOutcome;
import dev.statelab.service.batch.JobRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A world's fault plan: rules that fail, throttle, delay or duplicate Task states and fail Batch
 * job attempts, each fault recorded in {@link #injected()}.
 *
 * <p>A plan belongs to one world ({@code Faults.of(world)} returns the same plan each time) and
 * draws every probability and delay from the world's seeded random source, so a run with the same
 * seed, definition, input and plan injects the same faults. Task faults come in through the
 * world's {@link TaskInterceptor}s; Batch faults wrap the job runners of the world's
 * {@link BatchStore}.
 *
 * <pre>{@code
 * Faults faults = Faults.of(world);
 * faults.onFunction("charge").onCalls(1, 3).fail("Lambda.TooManyRequestsException", "Rate exceeded");
 * faults.onService("dynamodb").withProbability(0.1).throttle();
 * faults.onJobDefinition("render").onNthCall(1).loseHost();
 * world.run(machine, input);
 * assertThat(faults.injected()).hasSize(2);
 * }</pre>
 *
 * <p>A delay or duplicate on a task whose integration does real I/O (a process or HTTP Lambda)
 * holds the virtual clock for the world's real-I/O grace period; in-JVM functions (with
 * {@code LambdaStore.runHandlersInline(true)}), Batch jobs and injected failures stay on the
 * world clock.
 */
public final class Faults {

  private final World world;
  private final List<Armed> rules = new CopyOnWriteArrayList<>();
  private final List<InjectedFault> injected = java.util.Collections.synchronizedList(new ArrayList<>());
  private volatile boolean batchHooked;

  private Faults(World world) {
    this.world = world;
    world.integrations().intercept(this::intercept);
  }

  /** The world's fault plan, created (and hooked into the world) on first use. */
  public static Faults of(World world) {
    Objects.requireNonNull(world, "world");
    return world.component(Faults.class, () -> new Faults(world));
  }

  /** Rules for a Lambda function, called by ARN or through {@code lambda:invoke}. */
  public FaultSpec onFunction(String name) {
    return new FaultSpec(this, new FaultTarget(FaultTarget.Kind.FUNCTION, name));
  }

  /** Rules for every Task of a service: {@code lambda}, {@code dynamodb}, {@code batch}, {@code sqs} ... */
  public FaultSpec onService(String serviceId) {
    return new FaultSpec(this, new FaultTarget(FaultTarget.Kind.SERVICE, serviceId.toLowerCase(Locale.ROOT)));
  }

  /** Rules for a Task state, by name (in any branch or iteration). */
  public FaultSpec onState(String stateName) {
    return new FaultSpec(this, new FaultTarget(FaultTarget.Kind.STATE, stateName));
  }

  /** Rules for every Task state. */
  public FaultSpec onAnyTask() {
    return new FaultSpec(this, new FaultTarget(FaultTarget.Kind.ANY_TASK, ""));
  }

  /** Rules for attempts of Batch jobs of a job definition (any revision). */
  public FaultSpec onJobDefinition(String jobDefinitionName) {
    return new FaultSpec(this, new FaultTarget(FaultTarget.Kind.JOB_DEFINITION, jobDefinitionName));
  }

  /** The rules, in the order they were added. */
  public List<FaultRule> rules() {
    List<FaultRule> out = new ArrayList<>();
    rules.forEach(a -> out.add(a.rule));
    return List.copyOf(out);
  }

  /** Every fault injected so far, in order. */
  public List<InjectedFault> injected() {
    synchronized (injected) {
      return List.copyOf(injected);
    }
  }

  /**
   * Removes and returns what was injected so far: for long runs (benchmarks) that must not keep
   * every record.
   */
  public List<InjectedFault> drainInjected() {
    synchronized (injected) {
      List<InjectedFault> out = List.copyOf(injected);
      injected.clear();
      return out;
    }
  }

  /** Removes every rule (what was injected stays recorded). */
  public void clear() {
    rules.clear();
  }

  void add(FaultRule rule) {
    if (rule.target().kind() == FaultTarget.Kind.JOB_DEFINITION) {
      hookBatch();
    }
    rules.add(new Armed(rule));
  }

  private synchronized void hookBatch() {
    if (!batchHooked) {
      batchHooked = true;
      BatchStore.of(world).decorateRunners(runner -> job -> runJob(runner, job));
    }
  }

  // ---- Task states --------------------------------------------------------------------------

  private CompletionStage<JsonNode> intercept(TaskRequest request, int attempt) {
    if (rules.isEmpty()) {
      return null;
    }
    ResourceArn arn = ResourceArn.parse(request.resource());
    Instant now = world.now();
    long delay = 0;
    StatesError failure = null;
    boolean duplicate = false;
    for (Armed armed : rules) {
      FaultRule rule = armed.rule;
      if (!rule.target().isTask() || !rule.target().matches(request, arn)) {
        continue;
      }
      int call = armed.fire(now, world);
      if (call == 0) {
        continue;
      }
      long ruleDelay = 0;
      StatesError error = null;
      switch (rule.kind()) {
        case FAILURE -> error = new StatesError(rule.error(), rule.cause());
        case THROTTLE -> error = AwsErrors.throttle(arn, world.random().uuid());
        case SERVICE_ERROR -> error = AwsErrors.serviceError(arn, world.random().uuid());
        case LATENCY -> ruleDelay = rule.latency().drawMillis(world.random());
        case DUPLICATE -> duplicate = true;
        default -> throw new IllegalStateException(rule.kind().name());
      }
      if (error != null && failure != null) {
        continue;
      }
      failure = failure == null ? error : failure;
      delay += ruleDelay;
      injected.add(new InjectedFault(now, rule.kind(), rule.target().toString(), call, request.stateName(),
          request.executionArn(), error == null ? null : error.error(), error == null ? null : error.cause(), ruleDelay));
    }
    if (failure == null && delay == 0 && !duplicate) {
      return null;
    }
    CompletionStage<JsonNode> answer;
    boolean onWorldClock = true;
    if (failure != null) {
      answer = CompletableFuture.failedFuture(failure);
    } else {
      Integration integration = world.integrations().resolve(arn, request.parameters());
      if (integration == null) {
        return null;
      }
      CompletionStage<JsonNode> first = invoke(integration, request);
      if (duplicate) {
        // Both deliveries run to their end before the state moves on, but only the first one's
        // answer (result or error) is the task's: the duplicate's outcome is AWS's to discard.
        CompletionStage<JsonNode> second = invoke(integration, request).handle((result, error) -> null);
        first = first.handle((result, error) -> new Outcome(result, error))
            .thenCombine(second, (outcome, ignored) -> outcome)
            .thenCompose(Outcome::asStage);
      }
      answer = first;
      onWorldClock = integration.completesOnWorldClock() || first.toCompletableFuture().isDone();
    }
    if (delay > 0) {
      answer = delayed(answer, delay);
    }
    return onWorldClock ? TaskInterceptor.onWorldClock(answer) : answer;
  }

  /** A delivery's result or error, carried past the duplicate's. */
  private record Outcome(JsonNode result, Throwable error) {
    CompletionStage<JsonNode> asStage() {
      return error == null ? CompletableFuture.completedFuture(result) : CompletableFuture.failedFuture(error);
    }
  }

  private static CompletionStage<JsonNode> invoke(Integration integration, TaskRequest request) {
    try {
      return integration.invoke(request);
    } catch (StatesError e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new StatesError(e.getClass().getName(), String.valueOf(e.getMessage())));
    }
  }

  /** The same outcome, {@code millis} of world time after the original arrives. */
  private CompletionStage<JsonNode> delayed(CompletionStage<JsonNode> answer, long millis) {
    CompletableFuture<JsonNode> out = new CompletableFuture<>();
    answer.whenComplete((result, error) -> world.schedule(Duration.ofMillis(millis), () -> {
      if (error != null) {
        out.completeExceptionally(error);
      } else {
        out.complete(result);
      }
    }));
    return out;
  }

  // ---- Batch job attempts -------------------------------------------------------------------

  private JobOutcome runJob(JobRunner runner, JobContext job) throws Exception {
    List<Armed> hits = new ArrayList<>();
    List<Integer> calls = new ArrayList<>();
    Instant now = world.now();
    for (Armed armed : rules) {
      FaultRule rule = armed.rule;
      if (rule.target().kind() == FaultTarget.Kind.JOB_DEFINITION && rule.target().name().equals(job.jobDefinitionName())) {
        int call = armed.fire(now, world);
        if (call > 0) {
          hits.add(armed);
          calls.add(call);
        }
      }
    }
    JobOutcome outcome = runner.run(job);
    if (hits.isEmpty()) {
      return outcome;
    }
    if (outcome == null) {
      outcome = JobOutcome.of(0, Duration.ZERO);
    }
    long duration = outcome.duration().toMillis();
    String statusReason = null;
    for (int i = 0; i < hits.size(); i++) {
      FaultRule rule = hits.get(i).rule;
      long ruleDelay = 0;
      String reason = null;
      switch (rule.kind()) {
        case LATENCY -> ruleDelay = rule.latency().drawMillis(world.random());
        case JOB_FAILURE -> reason = rule.cause();
        case HOST_LOST -> {
          reason = String.format(Locale.ROOT, "Host EC2 (instance i-%017x) terminated.",
              world.random().nextLong() & 0xfffffffffffffffL);
          duration = Math.round(duration * world.random().nextDouble());
        }
        default -> throw new IllegalStateException(rule.kind().name());
      }
      duration += ruleDelay;
      if (reason != null && statusReason != null) {
        continue;
      }
      statusReason = statusReason == null ? reason : statusReason;
      injected.add(new InjectedFault(now, rule.kind(), rule.target().toString(), calls.get(i), null, job.jobId(),
          null, reason, ruleDelay));
    }
    Duration total = Duration.ofMillis(duration);
    return statusReason != null ? JobOutcome.interrupted(total, statusReason)
        : new JobOutcome(outcome.exitCode(), total, outcome.reason(), outcome.statusReason());
  }

  /** A rule with its call counter. */
  private static final class Armed {
    final FaultRule rule;
    int calls;
    long second = Long.MIN_VALUE;
    int inSecond;

    Armed(FaultRule rule) {
      this.rule = rule;
    }

    /** Counts a matching call; returns its number when the rule hits it, else 0. */
    synchronized int fire(Instant now, World world) {
      int call = ++calls;
      if (!rule.appliesTo(call, now)) {
        return 0;
      }
      if (rule.aboveRate() > 0) {
        long s = Math.floorDiv(now.toEpochMilli(), 1000L);
        inSecond = s == second ? inSecond + 1 : 1;
        second = s;
        if (inSecond <= rule.aboveRate()) {
          return 0;
        }
      }
      if (rule.probability() < 1 && world.random().nextDouble() >= rule.probability()) {
        return 0;
      }
      return call;
    }
  }
}
