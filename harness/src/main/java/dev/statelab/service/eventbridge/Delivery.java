package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.service.lambda.InvocationType;
import dev.statelab.service.lambda.LambdaStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends one matched event to one target: shapes the input, invokes the target (StartExecution,
 * an asynchronous Lambda invoke, another bus), retries failures on the world clock with
 * exponential backoff (1 s doubling, at most 5 minutes) within the target's RetryPolicy, and
 * records the event on the dead-letter queue when it gives up.
 *
 * <p>Errors saying the target does not exist are not retried, as AWS does not retry them.
 */
final class Delivery {

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final World world;
  private final EventBridgeStore store;

  Delivery(World world, EventBridgeStore store) {
    this.world = world;
    this.store = store;
  }

  /** Starts delivering {@code event} for {@code rule} to {@code target}. */
  void deliver(Rule rule, Target target, JsonNode event) {
    Instant ingested = world.now();
    String input = InputShaping.inputFor(target, event, rule.arn(), rule.name(), ingested);
    attempt(rule, target, event, input, ingested, 0);
  }

  private void attempt(Rule rule, Target target, JsonNode event, String input, Instant ingested, int retry) {
    store.recordMetrics(rule.arn(), m -> m.invoked(retry > 0));
    invoke(rule, target, event, input).whenComplete((ok, thrown) -> world.call(() -> {
      if (thrown == null) {
        return null;
      }
      ServiceCalls.Failure failure = ServiceCalls.failure(thrown);
      String code = failure.error();
      String message = failure.cause();
      Duration backoff = backoff(retry);
      boolean retryable = !(code.contains("DoesNotExist") || code.contains("NotFound"));
      boolean tooOld = Duration.between(ingested, world.now().plus(backoff)).getSeconds()
          > target.maximumEventAgeSeconds();
      if (retryable && retry < target.maximumRetryAttempts() && !tooOld) {
        world.schedule(backoff, () -> attempt(rule, target, event, input, ingested, retry + 1));
        return null;
      }
      boolean toDlq = target.deadLetterArn() != null;
      store.recordMetrics(rule.arn(), m -> m.failed(toDlq));
      if (toDlq) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("RULE_ARN", rule.arn());
        attributes.put("TARGET_ARN", target.arn());
        attributes.put("ERROR_CODE", code);
        attributes.put("ERROR_MESSAGE", message == null ? "" : message);
        attributes.put("EXHAUSTED_RETRY_CONDITION", !retryable ? "NonRetryableError"
            : tooOld ? "MaximumEventAgeExhausted" : "MaximumRetryAttemptsExhausted");
        attributes.put("RETRY_ATTEMPTS", String.valueOf(retry));
        store.recordDeadLetter(new DeadLetter(target.deadLetterArn(), event, Map.copyOf(attributes), world.now()));
      }
      return null;
    }));
  }

  private CompletionStage<?> invoke(Rule rule, Target target, JsonNode event, String input) {
    try {
      return switch (target.kind()) {
        case STATE_MACHINE -> {
          ObjectNode params = Json.object();
          params.put("StateMachineArn", target.arn());
          params.put("Input", input);
          yield ServiceCalls.call(world, "sfn", "startExecution", params, rule.arn());
        }
        case LAMBDA -> {
          LambdaStore lambda = LambdaStore.of(world);
          if (!lambda.exists(target.arn())) {
            yield CompletableFuture.failedFuture(new StatesError("ResourceNotFoundException",
                "Function not found: " + target.arn()));
          }
          yield lambda.invoke(target.arn(), input.getBytes(StandardCharsets.UTF_8), InvocationType.EVENT);
        }
        case EVENT_BUS -> {
          if (!store.hasBus(target.arn())) {
            yield CompletableFuture.failedFuture(new StatesError("ResourceNotFoundException",
                "Event bus " + EventBridgeStore.busName(target.arn()) + " does not exist."));
          }
          store.publish(target.arn(), event);
          yield CompletableFuture.completedFuture(null);
        }
        case OTHER -> CompletableFuture.failedFuture(new StatesError("UnsupportedTarget",
            "StateLab cannot deliver to " + target.arn()));
      };
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static Duration backoff(int retry) {
    Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(retry, 20));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }
}
