package dev.statelab.service.pipes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.engine.World;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A world's EventBridge Pipes: pipe configurations and, for each running pipe, a {@link
 * PipeRunner} that follows its DynamoDB stream.
 *
 * <p>State changes are immediate: a pipe is RUNNING or STOPPED as soon as CreatePipe, StartPipe,
 * StopPipe or UpdatePipe answers. A pipe whose stream cannot be followed (no DynamoDB stand-in,
 * or no such stream) is CREATE_FAILED with the reason. Every method runs on the world's thread.
 */
public final class PipesStore {

  private final World world;
  private final String region;
  private final String account;
  private final Map<String, Pipe> pipes = new LinkedHashMap<>();
  private final Map<String, PipeRunner> runners = new LinkedHashMap<>();
  private final List<PipeFailure> failures = new ArrayList<>();

  private PipesStore(World world) {
    this.world = world;
    this.region = world.options().region();
    this.account = world.options().accountId();
  }

  /** The world's Pipes store, created on first use. */
  public static PipesStore of(World world) {
    return world.component(PipesStore.class, () -> new PipesStore(world));
  }

  /** CreatePipe. */
  public JsonNode createPipe(String name, JsonNode request) {
    return world.call(() -> {
      validateName(name);
      if (pipes.containsKey(name)) {
        throw new AwsServiceException("ConflictException", "Pipe " + name + " already exists.", 409);
      }
      String source = required(request, "Source");
      String target = required(request, "Target");
      String role = required(request, "RoleArn");
      if (!source.matches("arn:aws:dynamodb:[^:]*:[0-9]*:table/[^/]+/stream/.+")) {
        throw validation("Source " + source + " is not supported: StateLab pipes read DynamoDB streams.");
      }
      JsonNode sourceParameters = request.has("SourceParameters") ? request.get("SourceParameters").deepCopy()
          : Json.object();
      if (sourceParameters.path("DynamoDBStreamParameters").path("StartingPosition").isMissingNode()) {
        throw validation("1 validation error detected: Value null at"
            + " 'sourceParameters.dynamoDBStreamParameters.startingPosition' failed to satisfy"
            + " constraint: Member must not be null");
      }
      checkTarget(target, request.path("TargetParameters"));
      checkFilters(sourceParameters);
      Instant now = world.now();
      Map<String, String> tags = new TreeMap<>();
      request.path("Tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
      Pipe pipe = new Pipe(name, "arn:aws:pipes:" + region + ":" + account + ":pipe/" + name,
          request.path("Description").asText(null), desired(request, "RUNNING"), "CREATING", null,
          source, sourceParameters, emptyToNull(request.path("Enrichment").asText(null)),
          copy(request.get("EnrichmentParameters")), target,
          request.has("TargetParameters") ? request.get("TargetParameters").deepCopy() : Json.object(),
          role, Map.copyOf(tags), now, now);
      pipes.put(name, pipe);
      settle(pipe);
      return pipe.summary().put("CurrentState", "CREATING");
    });
  }

  /** DescribePipe. */
  public JsonNode describePipe(String name) {
    return world.call(() -> pipe(name).toJson());
  }

  /** UpdatePipe: changes what is given; the runner restarts with the new configuration. */
  public JsonNode updatePipe(String name, JsonNode request) {
    return world.call(() -> {
      Pipe old = pipe(name);
      required(request, "RoleArn");
      JsonNode sourceParameters = old.sourceParameters().deepCopy();
      if (request.has("SourceParameters")) {
        ObjectNode merged = (ObjectNode) sourceParameters;
        request.get("SourceParameters").fields().forEachRemaining(e -> {
          if (e.getValue().isObject() && merged.path(e.getKey()).isObject()) {
            ((ObjectNode) merged.get(e.getKey())).setAll((ObjectNode) e.getValue().deepCopy());
          } else {
            merged.set(e.getKey(), e.getValue().deepCopy());
          }
        });
      }
      String target = request.path("Target").asText(old.target());
      JsonNode targetParameters = request.has("TargetParameters")
          ? request.get("TargetParameters").deepCopy() : old.targetParameters();
      checkTarget(target, targetParameters);
      checkFilters(sourceParameters);
      Pipe pipe = new Pipe(name, old.arn(), request.path("Description").asText(old.description()),
          desired(request, old.desiredState()), "UPDATING", null, old.source(), sourceParameters,
          request.has("Enrichment") ? emptyToNull(request.get("Enrichment").asText()) : old.enrichment(),
          request.has("EnrichmentParameters") ? copy(request.get("EnrichmentParameters"))
              : old.enrichmentParameters(),
          target, targetParameters, request.get("RoleArn").asText(), old.tags(), old.createdAt(),
          world.now());
      pipes.put(name, pipe);
      PipeRunner runner = runners.get(name);
      if (runner != null) {
        runner.reconfigure(pipe);
      }
      settle(pipe);
      return pipe.summary().put("CurrentState", "UPDATING");
    });
  }

  /** DeletePipe. */
  public JsonNode deletePipe(String name) {
    return world.call(() -> {
      Pipe pipe = pipe(name);
      pipes.remove(name);
      PipeRunner runner = runners.remove(name);
      if (runner != null) {
        runner.close();
      }
      ObjectNode out = pipe.summary();
      out.put("DesiredState", "DELETED");
      out.put("CurrentState", "DELETING");
      return out;
    });
  }

  /** ListPipes (NamePrefix, DesiredState, CurrentState, SourcePrefix, TargetPrefix, Limit, NextToken). */
  public JsonNode listPipes(Map<String, String> query) {
    return world.call(() -> {
      List<Pipe> matching = new ArrayList<>();
      for (Pipe p : new TreeMap<>(pipes).values()) {
        if (p.name().startsWith(query.getOrDefault("NamePrefix", ""))
            && p.source().startsWith(query.getOrDefault("SourcePrefix", ""))
            && p.target().startsWith(query.getOrDefault("TargetPrefix", ""))
            && (!query.containsKey("DesiredState") || p.desiredState().equals(query.get("DesiredState")))
            && (!query.containsKey("CurrentState") || p.currentState().equals(query.get("CurrentState")))) {
          matching.add(p);
        }
      }
      int from = 0;
      try {
        from = Integer.parseInt(query.getOrDefault("NextToken", "0"));
      } catch (NumberFormatException e) {
        throw validation("The NextToken provided is invalid.");
      }
      int limit = Integer.parseInt(query.getOrDefault("Limit", "100"));
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("Pipes");
      int to = Math.min(matching.size(), from + Math.max(1, limit));
      for (int i = from; i < to; i++) {
        list.add(matching.get(i).listEntry());
      }
      if (to < matching.size()) {
        out.put("NextToken", String.valueOf(to));
      }
      return out;
    });
  }

  /** StartPipe. */
  public JsonNode startPipe(String name) {
    return setDesired(name, "RUNNING", "STARTING");
  }

  /** StopPipe. */
  public JsonNode stopPipe(String name) {
    return setDesired(name, "STOPPED", "STOPPING");
  }

  private JsonNode setDesired(String name, String desired, String transition) {
    return world.call(() -> {
      Pipe pipe = pipe(name).withStates(desired, transition, null, world.now());
      pipes.put(name, pipe);
      settle(pipe);
      return pipe.summary().put("CurrentState", transition);
    });
  }

  /** TagResource. */
  public JsonNode tagResource(String arn, JsonNode request) {
    return world.call(() -> {
      Pipe pipe = byArn(arn);
      Map<String, String> tags = new TreeMap<>(pipe.tags());
      request.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
      pipes.put(pipe.name(), pipe.withTags(tags));
      return Json.object();
    });
  }

  /** UntagResource. */
  public JsonNode untagResource(String arn, List<String> keys) {
    return world.call(() -> {
      Pipe pipe = byArn(arn);
      Map<String, String> tags = new TreeMap<>(pipe.tags());
      keys.forEach(tags::remove);
      pipes.put(pipe.name(), pipe.withTags(tags));
      return Json.object();
    });
  }

  /** ListTagsForResource. */
  public JsonNode listTagsForResource(String arn) {
    return world.call(() -> {
      ObjectNode out = Json.object();
      ObjectNode tags = out.putObject("tags");
      byArn(arn).tags().forEach(tags::put);
      return out;
    });
  }

  /** The pipe's configuration now, if it exists. */
  public java.util.Optional<Pipe> find(String name) {
    return world.call(() -> java.util.Optional.ofNullable(pipes.get(name)));
  }

  /** Every target invocation that failed, in order. */
  public List<PipeFailure> failures() {
    return world.call(() -> List.copyOf(failures));
  }

  void recordFailure(PipeFailure failure) {
    failures.add(failure);
  }

  World world() {
    return world;
  }

  /** Moves a pipe to the state it wants: follows or stops following its stream. */
  private void settle(Pipe pipe) {
    PipeRunner runner = runners.get(pipe.name());
    if (runner == null) {
      try {
        runner = PipeRunner.start(this, pipe);
      } catch (IllegalArgumentException | IllegalStateException e) {
        pipes.put(pipe.name(), pipe.withStates(pipe.desiredState(), "CREATE_FAILED", e.getMessage(), world.now()));
        return;
      }
      runners.put(pipe.name(), runner);
    }
    boolean running = pipe.desiredState().equals("RUNNING");
    runner.setRunning(running);
    pipes.put(pipe.name(), pipe.withStates(pipe.desiredState(), running ? "RUNNING" : "STOPPED", null,
        pipe.modifiedAt()));
  }

  private void checkTarget(String target, JsonNode targetParameters) {
    boolean machine = target.matches("arn:aws:states:[^:]*:[0-9]*:stateMachine:.+");
    boolean bus = target.matches("arn:aws:events:[^:]*:[0-9]*:event-bus/.+");
    if (!machine && !bus) {
      throw validation("Target " + target + " is not supported: StateLab pipes target state machines and event buses.");
    }
    String type = targetParameters.path("StepFunctionStateMachineParameters").path("InvocationType")
        .asText("REQUEST_RESPONSE");
    if (!type.equals("REQUEST_RESPONSE") && !type.equals("FIRE_AND_FORGET")) {
      throw validation("1 validation error detected: Value '" + type + "' at"
          + " 'targetParameters.stepFunctionStateMachineParameters.invocationType' failed to satisfy"
          + " constraint: Member must satisfy enum value set: [REQUEST_RESPONSE, FIRE_AND_FORGET]");
    }
  }

  private static void checkFilters(JsonNode sourceParameters) {
    JsonNode filters = sourceParameters.path("FilterCriteria").path("Filters");
    if (filters.size() > 5) {
      throw validation("1 validation error detected: Value at 'sourceParameters.filterCriteria.filters'"
          + " failed to satisfy constraint: Member must have length less than or equal to 5");
    }
    for (JsonNode f : filters) {
      try {
        dev.statelab.service.eventbridge.EventPattern.compile(f.path("Pattern").asText());
      } catch (AwsServiceException e) {
        throw validation("Invalid filter pattern: " + e.getMessage());
      }
    }
  }

  private Pipe pipe(String name) {
    Pipe pipe = pipes.get(name);
    if (pipe == null) {
      throw new AwsServiceException("NotFoundException", "Pipe " + name + " does not exist.", 404);
    }
    return pipe;
  }

  private Pipe byArn(String arn) {
    for (Pipe p : pipes.values()) {
      if (p.arn().equals(arn)) {
        return p;
      }
    }
    throw new AwsServiceException("NotFoundException", "Resource " + arn + " does not exist.", 404);
  }

  private static void validateName(String name) {
    if (name.isEmpty() || name.length() > 64 || !name.matches("[.\\-_A-Za-z0-9]+")) {
      throw validation("1 validation error detected: Value '" + name + "' at 'name' failed to satisfy"
          + " constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
    }
  }

  private static String desired(JsonNode request, String fallback) {
    String d = request.path("DesiredState").asText(fallback);
    if (!d.equals("RUNNING") && !d.equals("STOPPED")) {
      throw validation("1 validation error detected: Value '" + d + "' at 'desiredState' failed to"
          + " satisfy constraint: Member must satisfy enum value set: [RUNNING, STOPPED]");
    }
    return d;
  }

  private static String required(JsonNode request, String field) {
    String v = request.path(field).asText("");
    if (v.isEmpty()) {
      throw validation("1 validation error detected: Value null at '" + Character.toLowerCase(field.charAt(0))
          + field.substring(1) + "' failed to satisfy constraint: Member must not be null");
    }
    return v;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static JsonNode copy(JsonNode n) {
    return n == null ? null : n.deepCopy();
  }

  private static AwsServiceException validation(String message) {
    return new AwsServiceException("ValidationException", message);
  }
}
