package dev.statelab.service.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * A function's configuration, as GetFunction reports it.
 *
 * @param name the function name
 * @param arn the unqualified function ARN
 * @param runtime e.g. {@code python3.12}, {@code nodejs20.x}, {@code java21} for in-JVM handlers
 * @param handler e.g. {@code handler.handler}
 * @param role the execution role ARN
 * @param description free text
 * @param timeoutSeconds the function timeout (AWS default 3)
 * @param memoryMb the memory size (AWS default 128)
 * @param environment environment variables
 * @param reservedConcurrency reserved concurrent executions, or null for none
 * @param codeSha256 base64 SHA-256 of the code
 * @param codeSize the code size in bytes
 * @param lastModified when the function was last changed
 */
public record FunctionConfig(
    String name,
    String arn,
    String runtime,
    String handler,
    String role,
    String description,
    int timeoutSeconds,
    int memoryMb,
    Map<String, String> environment,
    Integer reservedConcurrency,
    String codeSha256,
    long codeSize,
    Instant lastModified) {

  private static final DateTimeFormatter LAST_MODIFIED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  /** AWS's default function timeout in seconds. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 3;
  /** AWS's default memory size in MB. */
  public static final int DEFAULT_MEMORY_MB = 128;

  /** Copies the environment. */
  public FunctionConfig {
    environment = Map.copyOf(environment);
  }

  /** A copy with another reserved concurrency (null removes it). */
  public FunctionConfig withReservedConcurrency(Integer value) {
    return new FunctionConfig(name, arn, runtime, handler, role, description, timeoutSeconds, memoryMb,
        environment, value, codeSha256, codeSize, lastModified);
  }

  /** A copy with other code. */
  public FunctionConfig withCode(String sha256, long size, Instant when) {
    return new FunctionConfig(name, arn, runtime, handler, role, description, timeoutSeconds, memoryMb,
        environment, reservedConcurrency, sha256, size, when);
  }

  /** A copy with the fields an UpdateFunctionConfiguration body names changed. */
  public FunctionConfig update(JsonNode body, Instant when) {
    return new FunctionConfig(
        name, arn,
        body.path("Runtime").asText(runtime),
        body.path("Handler").asText(handler),
        body.path("Role").asText(role),
        body.path("Description").asText(description),
        body.path("Timeout").asInt(timeoutSeconds),
        body.path("MemorySize").asInt(memoryMb),
        body.has("Environment") ? environmentOf(body) : environment,
        reservedConcurrency, codeSha256, codeSize, when);
  }

  /** The {@code Environment.Variables} of a CreateFunction or UpdateFunctionConfiguration body. */
  static Map<String, String> environmentOf(JsonNode body) {
    Map<String, String> env = new TreeMap<>();
    body.path("Environment").path("Variables").fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    return env;
  }

  /** The {@code FunctionConfiguration} JSON. */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("FunctionName", name);
    o.put("FunctionArn", arn);
    o.put("Runtime", runtime);
    o.put("Role", role);
    o.put("Handler", handler);
    o.put("CodeSize", codeSize);
    o.put("Description", description);
    o.put("Timeout", timeoutSeconds);
    o.put("MemorySize", memoryMb);
    o.put("LastModified", LAST_MODIFIED.format(lastModified));
    o.put("CodeSha256", codeSha256);
    o.put("Version", "$LATEST");
    if (!environment.isEmpty()) {
      ObjectNode vars = Json.object();
      environment.forEach(vars::put);
      o.putObject("Environment").set("Variables", vars);
    }
    o.put("State", "Active");
    o.put("LastUpdateStatus", "Successful");
    o.put("PackageType", "Zip");
    o.putArray("Architectures").add("x86_64");
    return o;
  }
}
