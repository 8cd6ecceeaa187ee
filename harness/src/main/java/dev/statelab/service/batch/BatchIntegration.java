package dev.statelab.service.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.integration.Integration;
import dev.statelab.integration.IntegrationResolver;
import dev.statelab.integration.ResourceArn;
import dev.statelab.integration.TaskRequest;
import dev.statelab.json.Json;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The optimized integrations {@code arn:aws:states:::batch:submitJob} (request-response: SubmitJob's
 * response) and {@code arn:aws:states:::batch:submitJob.sync} (the finished job's DescribeJobs
 * entry, or {@code States.TaskFailed} with it as the cause), with PascalCase keys as Step Functions
 * uses them.
 */
final class BatchIntegration implements IntegrationResolver {

  /** Map-valued fields whose own keys are the user's and are never re-cased. */
  private static final Set<String> USER_MAPS = Set.of("parameters", "tags");

  private final BatchStore store;

  BatchIntegration(BatchStore store) {
    this.store = store;
  }

  @Override
  public Integration resolve(ResourceArn arn, JsonNode parameters) {
    if (arn.kind() != ResourceArn.Kind.SERVICE || !arn.resourceType().equals("batch")
        || !arn.action().equals("submitJob")) {
      return null;
    }
    // .waitForTaskToken submits like request-response; the engine then waits for the callback
    // that the job (given the token through its parameters or environment) sends.
    boolean sync = arn.pattern() == ResourceArn.Pattern.SYNC;
    return Integration.onWorldClock(request -> invoke(request, sync));
  }

  private CompletionStage<JsonNode> invoke(TaskRequest request, boolean sync) {
    JsonNode submitted;
    try {
      submitted = store.submitJob(recase(request.parameters(), false));
    } catch (AwsServiceException e) {
      return CompletableFuture.failedFuture(new StatesError("Batch." + e.shortCode(),
          e.getMessage() + " (Service: AWSBatch; Status Code: " + e.status()
              + "; Error Code: " + e.shortCode() + ")"));
    }
    JsonNode response = recase(submitted, true);
    if (!sync) {
      return CompletableFuture.completedFuture(response);
    }
    request.progress().submitted(response);
    CompletableFuture<JsonNode> done = new CompletableFuture<>();
    String jobId = submitted.get("jobId").asText();
    done.whenComplete((r, e) -> {
      if (e instanceof CancellationException) {
        ObjectNode terminate = Json.object();
        terminate.put("jobId", jobId);
        terminate.put("reason", "Terminated by Step Functions: the task was cancelled");
        store.terminateJob(terminate);
      }
    });
    store.whenEnded(jobId, detail -> {
      JsonNode out = recase(detail, true);
      if ("SUCCEEDED".equals(detail.path("status").asText())) {
        done.complete(out);
      } else {
        done.completeExceptionally(new StatesError("States.TaskFailed", Json.write(out)));
      }
    });
    return done;
  }

  /** Re-cases object keys (first letter up or down), leaving user maps' keys alone. */
  static JsonNode recase(JsonNode node, boolean upper) {
    if (node == null) {
      return Json.object();
    }
    if (node.isArray()) {
      ArrayNode out = Json.array();
      node.forEach(n -> out.add(recase(n, upper)));
      return out;
    }
    if (!node.isObject()) {
      return node.deepCopy();
    }
    ObjectNode out = Json.object();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String key = e.getKey();
      String recased = key.isEmpty() ? key : (upper
          ? key.substring(0, 1).toUpperCase(Locale.ROOT)
          : key.substring(0, 1).toLowerCase(Locale.ROOT)) + key.substring(1);
      boolean userMap = USER_MAPS.contains(key.toLowerCase(Locale.ROOT));
      out.set(recased, userMap ? e.getValue().deepCopy() : recase(e.getValue(), upper));
    }
    return out;
  }
}
