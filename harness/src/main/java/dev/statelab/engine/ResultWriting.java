package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A distributed Map's ResultWriter: writes the child executions' results to the world's {@link
 * ObjectStorage} as {@code <Prefix>/<MapRunId>/manifest.json} plus {@code SUCCEEDED_0.json},
 * {@code FAILED_0.json} and {@code PENDING_0.json} (each only when it has entries), and answers
 * the Map's result {@code {"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}}. A WriterConfig
 * without a bucket previews the transformed results as the Map's result instead. Failures are
 * {@code States.ResultWriterFailed}.
 */
final class ResultWriting {

  static final String PUT_OBJECT = "arn:aws:states:::s3:putObject";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private ResultWriting() {}

  /**
   * Writes the results and returns the Map state's result.
   *
   * @param results the ordered outputs of the iterations, for a preview
   */
  static JsonNode write(Frame f, JsonNode writer, JsonNode effective, boolean jsonata, String mapRunArn,
      List<? extends Execution> children, ArrayNode results) {
    JsonNode config = writer.path("WriterConfig");
    String transformation = config.path("Transformation").asText("NONE");
    String outputType = config.path("OutputType").asText("JSON");
    if (!List.of("NONE", "COMPACT", "FLATTEN").contains(transformation)) {
      throw failed("Unsupported Transformation '" + transformation + "'; use NONE, COMPACT or FLATTEN.");
    }
    if (!List.of("JSON", "JSONL").contains(outputType)) {
      throw failed("Unsupported OutputType '" + outputType + "'; use JSON or JSONL.");
    }
    JsonNode params = ItemReading.arguments(f, writer, effective, jsonata, "ResultWriter");
    String bucket = params.path("Bucket").asText(null);
    if (bucket == null) {
      if (writer.has("WriterConfig")) {
        ArrayNode preview = Json.array();
        results.forEach(r -> addTransformed(preview, r, transformation));
        return preview;
      }
      throw failed("The field 'Bucket' is required in the ResultWriter's " + (jsonata ? "Arguments" : "Parameters")
          + ".");
    }
    String resource = writer.path("Resource").asText("");
    if (!resource.equals(PUT_OBJECT)) {
      throw failed("Unsupported ResultWriter resource '" + resource + "'; StateLab writes results with "
          + PUT_OBJECT + ".");
    }
    String prefix = params.path("Prefix").asText("");
    String mapRunId = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
    String folder = (prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/") + mapRunId + "/";
    Map<String, ArrayNode> byStatus = new LinkedHashMap<>();
    byStatus.put("FAILED", Json.array());
    byStatus.put("PENDING", Json.array());
    byStatus.put("SUCCEEDED", Json.array());
    for (Execution child : children) {
      String group = switch (child.status()) {
        case SUCCEEDED -> "SUCCEEDED";
        case RUNNING, PENDING_REDRIVE -> "PENDING";
        default -> "FAILED";
      };
      JsonNode entry = transformation.equals("NONE") ? entry(child) : compact(child);
      if (transformation.equals("FLATTEN") && entry.isArray()) {
        entry.forEach(byStatus.get(group)::add);
      } else {
        byStatus.get(group).add(entry);
      }
    }
    ObjectStorage storage = ItemReading.storage(f, ErrorNames.RESULT_WRITER_FAILED);
    String extension = outputType.equals("JSONL") ? ".jsonl" : ".json";
    ObjectNode manifest = Json.object();
    manifest.put("DestinationBucket", bucket);
    manifest.put("MapRunArn", mapRunArn);
    ObjectNode files = manifest.putObject("ResultFiles");
    try {
      for (Map.Entry<String, ArrayNode> group : byStatus.entrySet()) {
        ArrayNode list = files.putArray(group.getKey());
        if (group.getValue().isEmpty()) {
          continue;
        }
        byte[] body = render(group.getValue(), outputType);
        String key = folder + group.getKey() + "_0" + extension;
        storage.put(bucket, key, body, "application/json");
        list.addObject().put("Key", key).put("Size", body.length);
      }
      storage.put(bucket, folder + "manifest.json", Json.write(manifest).getBytes(StandardCharsets.UTF_8),
          "application/json");
    } catch (ObjectStorage.Failure e) {
      throw new StatesError(ErrorNames.RESULT_WRITER_FAILED, ItemReading.storageCause(f, e));
    }
    ObjectNode result = Json.object();
    result.put("MapRunArn", mapRunArn);
    ObjectNode details = result.putObject("ResultWriterDetails");
    details.put("Bucket", bucket);
    details.put("Key", folder + "manifest.json");
    return result;
  }

  private static byte[] render(ArrayNode entries, String outputType) {
    if (outputType.equals("JSON")) {
      return Json.write(entries).getBytes(StandardCharsets.UTF_8);
    }
    StringBuilder lines = new StringBuilder();
    entries.forEach(e -> lines.append(Json.write(e)).append('\n'));
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A child execution as AWS writes it with Transformation NONE: DescribeExecution's fields, PascalCase. */
  private static ObjectNode entry(Execution child) {
    ObjectNode e = Json.object();
    e.put("ExecutionArn", child.arn());
    e.put("Input", Json.write(child.input()));
    e.putObject("InputDetails").put("Included", true);
    e.put("Name", child.name());
    if (child.status() == ExecutionStatus.SUCCEEDED) {
      e.put("Output", Json.write(child.output()));
      e.putObject("OutputDetails").put("Included", true);
    } else if (child.status() != ExecutionStatus.RUNNING) {
      if (child.error() != null) {
        e.put("Error", child.error());
      }
      if (child.cause() != null) {
        e.put("Cause", child.cause());
      }
    }
    e.put("RedriveCount", child.redriveCount());
    if (child.status() == ExecutionStatus.SUCCEEDED) {
      e.put("RedriveStatus", "NOT_REDRIVABLE");
      e.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
    } else if (child.status() == ExecutionStatus.RUNNING) {
      e.put("RedriveStatus", "NOT_REDRIVABLE");
      e.put("RedriveStatusReason", "Execution is RUNNING and cannot be redriven");
    } else {
      e.put("RedriveStatus", "REDRIVABLE_BY_MAP_RUN");
    }
    e.put("StartDate", date(child.startDate()));
    e.put("StateMachineArn", child.stateMachineArn());
    e.put("Status", child.status().name());
    if (child.stopDate() != null) {
      e.put("StopDate", date(child.stopDate()));
    }
    return e;
  }

  /**
   * COMPACT and FLATTEN: the output alone; a child that did not succeed is written unchanged, as
   * with NONE (AWS's ResultWriter page says so for FLATTEN).
   */
  private static JsonNode compact(Execution child) {
    return child.status() == ExecutionStatus.SUCCEEDED ? child.output() : entry(child);
  }

  private static void addTransformed(ArrayNode out, JsonNode result, String transformation) {
    if (transformation.equals("FLATTEN") && result.isArray()) {
      result.forEach(out::add);
    } else {
      out.add(result);
    }
  }

  private static String date(Instant at) {
    return DATE.format(at);
  }

  private static StatesError failed(String cause) {
    return new StatesError(ErrorNames.RESULT_WRITER_FAILED, cause);
  }

}
