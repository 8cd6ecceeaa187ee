package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.engine.World;
import dev.statelab.integration.Integration;
import dev.statelab.integration.ResourceArn;
import dev.statelab.integration.TaskRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Calls another stand-in in-process the way a Task's {@code aws-sdk:<service>:<action>} does
 * (through {@link dev.statelab.integration.awssdk.AwsSdkBridge}): how EventBridge targets and
 * Pipes start Step Functions executions without HTTP.
 *
 * <pre>{@code
 * ServiceCalls.call(world, "sfn", "startExecution", params, "rule/Orders")
 *     .thenAccept(out -> out.get("ExecutionArn"));
 * }</pre>
 */
public final class ServiceCalls {

  private ServiceCalls() {}

  /**
   * Calls {@code action} of the aws-sdk service {@code serviceId} with PascalCase parameters;
   * the stage fails with a {@link StatesError} named as the aws-sdk integration names errors
   * ({@code Sfn.StateMachineDoesNotExistException}).
   *
   * @param caller who calls, for the request id (a rule or pipe ARN)
   */
  public static CompletionStage<JsonNode> call(World world, String serviceId, String action,
      JsonNode parameters, String caller) {
    ResourceArn arn = ResourceArn.parse("arn:aws:states:::aws-sdk:" + serviceId + ":" + action);
    Integration integration = world.integrations().resolve(arn, parameters);
    if (integration == null) {
      return CompletableFuture.failedFuture(StatesError.runtime(
          "No stand-in answers aws-sdk:" + serviceId));
    }
    TaskRequest request = new TaskRequest(arn.arn(), parameters, null, caller, action,
        world.options().region(), world.options().accountId(), world.now().toEpochMilli(), null);
    try {
      return integration.invoke(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * The error name and cause of a failed call: a {@link StatesError}'s own, else the exception's
   * class name and message.
   */
  public static Failure failure(Throwable thrown) {
    Throwable t = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
    if (t instanceof StatesError e) {
      return new Failure(e.error(), e.cause() == null ? "" : e.cause());
    }
    return new Failure(t.getClass().getSimpleName(), String.valueOf(t.getMessage()));
  }

  /**
   * Why a call failed.
   *
   * @param error the error name, e.g. {@code Sfn.StateMachineDoesNotExistException}
   * @param cause the cause text
   */
  public record Failure(String error, String cause) {}
}
