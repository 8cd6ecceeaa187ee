package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.World;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A world's EventBridge: buses, rules, targets and tags, event matching with AWS's event-ruler,
 * delivery to targets with retries and dead-letter records, schedules on the world clock.
 *
 * <p>Requests and responses are the EventBridge API's JSON (PascalCase). Every method runs on the
 * world's thread (through {@link World#call}), so the store needs no locks of its own.
 *
 * <p>Schedules use {@link World#scheduleDaemon}: a scheduled rule never keeps a world busy, so
 * {@code runUntilIdle()} still returns; {@code advanceBy} fires every firing in its window, and a
 * server's real clock fires them as time passes.
 */
public final class EventBridgeStore {

  /** The usage type of a published custom event, as the price catalogue names it (64 KB chunks). */
  public static final String EVENT_USAGE = "Event-64K-Chunks";

  /** The usage type of a pipe request, as the price catalogue names it (64 KB chunks). */
  public static final String PIPE_USAGE = "Pipes-Requests-64K-Chunks";

  /** How many recent events {@link #publishedEvents()} keeps. */
  static final int PUBLISHED_KEPT = 10_000;
  /** Size of one billed event or pipe request chunk. */
  static final int CHUNK_BYTES = 64 * 1024;
  private static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final World world;
  private final String region;
  private final String account;
  private final Map<String, EventBus> buses = new LinkedHashMap<>();
  private final Map<String, Map<String, Rule>> rules = new LinkedHashMap<>();
  private final Map<String, Map<String, Target>> targets = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  private final Map<String, RuleMetrics> metrics = new LinkedHashMap<>();
  private final Map<String, World.Scheduled> schedules = new LinkedHashMap<>();
  private final Map<String, BusMatcher> matchers = new LinkedHashMap<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final java.util.LinkedList<JsonNode> published = new java.util.LinkedList<>();
  private final Delivery delivery;

  private EventBridgeStore(World world) {
    this.world = world;
    this.region = world.options().region();
    this.account = world.options().accountId();
    this.delivery = new Delivery(world, this);
    addBus(EventBus.DEFAULT, null);
  }

  /** The world's EventBridge store, created on first use (with the default bus). */
  public static EventBridgeStore of(World world) {
    return world.component(EventBridgeStore.class, () -> new EventBridgeStore(world));
  }

  /** The world this store belongs to. */
  World world() {
    return world;
  }

  // ---------------------------------------------------------------- buses

  /** CreateEventBus. */
  public JsonNode createEventBus(JsonNode request) {
    return world.call(() -> {
      String name = required(request, "Name");
      if (!name.matches("[/.\\-_A-Za-z0-9]{1,256}")) {
        throw validation("1 validation error detected: Value '" + name + "' at 'name' failed to"
            + " satisfy constraint: Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+");
      }
      if (buses.containsKey(name)) {
        throw new AwsServiceException("ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
      }
      EventBus bus = addBus(name, request.path("Description").asText(null));
      putTags(bus.arn(), request.path("Tags"));
      ObjectNode out = Json.object();
      out.put("EventBusArn", bus.arn());
      if (bus.description() != null) {
        out.put("Description", bus.description());
      }
      return out;
    });
  }

  /** DescribeEventBus (by name or ARN; the default bus when none is given). */
  public JsonNode describeEventBus(JsonNode request) {
    return world.call(() -> bus(request.path("Name").asText(EventBus.DEFAULT)).toJson());
  }

  /** DeleteEventBus: deletes its rules too; the default bus cannot be deleted. */
  public JsonNode deleteEventBus(JsonNode request) {
    return world.call(() -> {
      String name = busName(required(request, "Name"));
      if (name.equals(EventBus.DEFAULT)) {
        throw validation("Cannot delete event bus default.");
      }
      EventBus bus = buses.remove(name);
      if (bus != null) {
        matchers.remove(name);
        for (Rule r : rules.remove(name).values()) {
          dropRule(r);
        }
        tags.remove(bus.arn());
      }
      return Json.object();
    });
  }

  /** ListEventBuses (NamePrefix, Limit, NextToken). */
  public JsonNode listEventBuses(JsonNode request) {
    return world.call(() -> {
      String prefix = request.path("NamePrefix").asText("");
      List<JsonNode> items = new ArrayList<>();
      buses.values().stream().filter(b -> b.name().startsWith(prefix)).forEach(b -> items.add(b.toJson()));
      return page(items, request, "EventBuses");
    });
  }

  // ---------------------------------------------------------------- rules

  /** PutRule: creates or replaces a rule (its targets stay). */
  public JsonNode putRule(JsonNode request) {
    return world.call(() -> {
      String name = required(request, "Name");
      if (name.length() > 64 || !name.matches("[.\\-_A-Za-z0-9]+")) {
        throw validation("1 validation error detected: Value '" + name + "' at 'name' failed to"
            + " satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
      }
      EventBus bus = bus(request.path("EventBusName").asText(EventBus.DEFAULT));
      String patternText = request.path("EventPattern").asText(null);
      String scheduleText = request.path("ScheduleExpression").asText(null);
      if (patternText == null && scheduleText == null) {
        throw validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
      }
      if (patternText != null && patternText.length() > 4096) {
        throw validation("1 validation error detected: Value at 'eventPattern' failed to satisfy"
            + " constraint: Member must have length less than or equal to 4096");
      }
      if (scheduleText != null && !bus.name().equals(EventBus.DEFAULT)) {
        throw validation("ScheduleExpression is supported only on the default event bus.");
      }
      String state = request.path("State").asText("ENABLED");
      if (!List.of("ENABLED", "DISABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS").contains(state)) {
        throw validation("1 validation error detected: Value '" + state + "' at 'state' failed to"
            + " satisfy constraint: Member must satisfy enum value set: [ENABLED,"
            + " ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, DISABLED]");
      }
      EventPattern pattern = patternText == null ? null : EventPattern.compile(patternText);
      Schedule schedule = scheduleText == null ? null : Schedule.parse(scheduleText);
      String arn = "arn:aws:events:" + region + ":" + account + ":rule/"
          + (bus.name().equals(EventBus.DEFAULT) ? "" : bus.name() + "/") + name;
      Rule rule = new Rule(name, arn, bus.name(), pattern, schedule, state,
          request.path("Description").asText(null), request.path("RoleArn").asText(null));
      rules.get(bus.name()).put(name, rule);
      matchers.remove(bus.name());
      targets.computeIfAbsent(arn, k -> new LinkedHashMap<>());
      metrics.putIfAbsent(arn, RuleMetrics.NONE);
      putTags(arn, request.path("Tags"));
      arm(rule);
      ObjectNode out = Json.object();
      out.put("RuleArn", arn);
      return out;
    });
  }

  /** DescribeRule. */
  public JsonNode describeRule(JsonNode request) {
    return world.call(() -> rule(request, "Name").toJson(account));
  }

  /** ListRules (NamePrefix, EventBusName, Limit, NextToken). */
  public JsonNode listRules(JsonNode request) {
    return world.call(() -> {
      EventBus bus = bus(request.path("EventBusName").asText(EventBus.DEFAULT));
      String prefix = request.path("NamePrefix").asText("");
      List<JsonNode> items = new ArrayList<>();
      new TreeMap<>(rules.get(bus.name())).values().stream()
          .filter(r -> r.name().startsWith(prefix)).forEach(r -> items.add(r.toJson(account)));
      return page(items, request, "Rules");
    });
  }

  /** DeleteRule: fails while the rule has targets, unless Force. */
  public JsonNode deleteRule(JsonNode request) {
    return world.call(() -> {
      EventBus bus = bus(request.path("EventBusName").asText(EventBus.DEFAULT));
      Rule rule = rules.get(bus.name()).get(required(request, "Name"));
      if (rule == null) {
        return Json.object();
      }
      if (!targets.get(rule.arn()).isEmpty() && !request.path("Force").asBoolean(false)) {
        throw validation("Rule can't be deleted since it has targets.");
      }
      rules.get(bus.name()).remove(rule.name());
      matchers.remove(bus.name());
      dropRule(rule);
      return Json.object();
    });
  }

  /** EnableRule. */
  public JsonNode enableRule(JsonNode request) {
    return setState(request, "ENABLED");
  }

  /** DisableRule. */
  public JsonNode disableRule(JsonNode request) {
    return setState(request, "DISABLED");
  }

  private JsonNode setState(JsonNode request, String state) {
    return world.call(() -> {
      Rule rule = rule(request, "Name").withState(state);
      rules.get(rule.busName()).put(rule.name(), rule);
      matchers.remove(rule.busName());
      arm(rule);
      return Json.object();
    });
  }

  // ---------------------------------------------------------------- targets

  /** PutTargets: adds or replaces targets by Id. */
  public JsonNode putTargets(JsonNode request) {
    return world.call(() -> {
      Rule rule = rule(request, "Rule");
      JsonNode given = request.path("Targets");
      if (!given.isArray() || given.isEmpty() || given.size() > 10) {
        throw validation("1 validation error detected: Value at 'targets' failed to satisfy"
            + " constraint: Member must have length " + (given.size() > 10
            ? "less than or equal to 10" : "greater than or equal to 1"));
      }
      List<Target> parsed = new ArrayList<>();
      for (JsonNode t : given) {
        parsed.add(Target.of(t));
      }
      Map<String, Target> byId = targets.get(rule.arn());
      ArrayNode failed = Json.array();
      for (Target t : parsed) {
        if (!byId.containsKey(t.id()) && byId.size() >= 5) {
          ObjectNode f = failed.addObject();
          f.put("TargetId", t.id());
          f.put("ErrorCode", "LimitExceededException");
          f.put("ErrorMessage", "The requested resource exceeds the maximum number allowed.");
          continue;
        }
        byId.put(t.id(), t);
      }
      ObjectNode out = Json.object();
      out.put("FailedEntryCount", failed.size());
      out.set("FailedEntries", failed);
      return out;
    });
  }

  /** RemoveTargets. */
  public JsonNode removeTargets(JsonNode request) {
    return world.call(() -> {
      Rule rule = rule(request, "Rule");
      Map<String, Target> byId = targets.get(rule.arn());
      ArrayNode failed = Json.array();
      for (JsonNode id : request.path("Ids")) {
        if (byId.remove(id.asText()) == null) {
          ObjectNode f = failed.addObject();
          f.put("TargetId", id.asText());
          f.put("ErrorCode", "ResourceNotFoundException");
          f.put("ErrorMessage", "Target " + id.asText() + " does not exist on Rule " + rule.name() + ".");
        }
      }
      ObjectNode out = Json.object();
      out.put("FailedEntryCount", failed.size());
      out.set("FailedEntries", failed);
      return out;
    });
  }

  /** ListTargetsByRule. */
  public JsonNode listTargetsByRule(JsonNode request) {
    return world.call(() -> {
      Rule rule = rule(request, "Rule");
      List<JsonNode> items = new ArrayList<>();
      targets.get(rule.arn()).values().forEach(t -> items.add(t.json()));
      return page(items, request, "Targets");
    });
  }

  // ---------------------------------------------------------------- events

  /**
   * PutEvents: validates each entry (per-entry errors, HTTP 200), wraps the valid ones in the
   * event envelope, bills them and delivers them to matching rules' targets.
   */
  public JsonNode putEvents(JsonNode request) {
    return world.call(() -> {
      JsonNode entries = request.path("Entries");
      if (!entries.isArray() || entries.isEmpty()) {
        throw validation("1 validation error detected: Value '[]' at 'entries' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1");
      }
      if (entries.size() > 10) {
        throw validation("1 validation error detected: Value at 'entries' failed to satisfy"
            + " constraint: Member must have length less than or equal to 10");
      }
      if (Json.write(entries).getBytes(StandardCharsets.UTF_8).length > 256 * 1024) {
        throw validation("Total size of the entries in the request is over the limit.");
      }
      ArrayNode results = Json.array();
      int failed = 0;
      List<Map.Entry<String, JsonNode>> accepted = new ArrayList<>();
      for (JsonNode entry : entries) {
        ObjectNode result = results.addObject();
        String error = entryError(entry);
        if (error != null) {
          result.put("ErrorCode", error.substring(0, error.indexOf('|')));
          result.put("ErrorMessage", error.substring(error.indexOf('|') + 1));
          failed++;
          continue;
        }
        JsonNode event = envelope(entry);
        result.put("EventId", event.get("id").asText());
        String busRef = entry.path("EventBusName").asText(EventBus.DEFAULT);
        recordUsage(EVENT_USAGE, Json.write(entry).getBytes(StandardCharsets.UTF_8).length, Map.of());
        accepted.add(Map.entry(busRef, event));
      }
      for (Map.Entry<String, JsonNode> e : accepted) {
        publish(e.getKey(), e.getValue());
      }
      ObjectNode out = Json.object();
      out.put("FailedEntryCount", failed);
      out.set("Entries", results);
      return out;
    });
  }

  /** Delivers an already-built event envelope to a bus's rules (PutEvents, bus targets, Pipes). */
  public void publish(String busNameOrArn, JsonNode event) {
    world.call(() -> {
      EventBus bus = buses.get(busName(busNameOrArn));
      if (published.size() == PUBLISHED_KEPT) {
        published.removeFirst();
      }
      published.add(event);
      if (bus == null) {
        return null; // accepted and dropped, as for a bus that does not exist
      }
      java.util.Set<String> matched = matcher(bus.name()).matches(event);
      for (Rule rule : List.copyOf(rules.get(bus.name()).values())) {
        if (matched.contains(rule.name())) {
          metrics.merge(rule.arn(), RuleMetrics.NONE, (a, b) -> a.matched());
          for (Target t : List.copyOf(targets.get(rule.arn()).values())) {
            delivery.deliver(rule, t, event);
          }
        }
      }
      return null;
    });
  }

  /** TestEventPattern. */
  public JsonNode testEventPattern(JsonNode request) {
    EventPattern pattern = EventPattern.compile(required(request, "EventPattern"));
    JsonNode event;
    try {
      event = Json.parse(required(request, "Event"));
    } catch (IllegalArgumentException e) {
      throw validation("Parameter Event is not valid.");
    }
    for (String field : List.of("id", "account", "source", "time", "region", "detail-type")) {
      if (!event.hasNonNull(field)) {
        throw validation("Parameter Event is not valid.");
      }
    }
    ObjectNode out = Json.object();
    out.put("Result", pattern.matches(event));
    return out;
  }

  // ---------------------------------------------------------------- tags

  /** TagResource (a bus or a rule). */
  public JsonNode tagResource(JsonNode request) {
    return world.call(() -> {
      String arn = taggable(required(request, "ResourceARN"));
      putTags(arn, request.path("Tags"));
      return Json.object();
    });
  }

  /** UntagResource. */
  public JsonNode untagResource(JsonNode request) {
    return world.call(() -> {
      Map<String, String> t = tags.get(taggable(required(request, "ResourceARN")));
      if (t != null) {
        request.path("TagKeys").forEach(k -> t.remove(k.asText()));
      }
      return Json.object();
    });
  }

  /** ListTagsForResource. */
  public JsonNode listTagsForResource(JsonNode request) {
    return world.call(() -> {
      String arn = taggable(required(request, "ResourceARN"));
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("Tags");
      tags.getOrDefault(arn, Map.of()).forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
      return out;
    });
  }

  // ---------------------------------------------------------------- observations

  /** A rule's counters so far (zero for an unknown rule ARN). */
  public RuleMetrics metrics(String ruleArn) {
    return world.call(() -> metrics.getOrDefault(ruleArn, RuleMetrics.NONE));
  }

  /** Every dead-letter delivery so far, in order. */
  public List<DeadLetter> deadLetters() {
    return world.call(() -> List.copyOf(deadLetters));
  }

  /** The last 10,000 event envelopes published to a bus (PutEvents, pipes, bus targets), in order. */
  public List<JsonNode> publishedEvents() {
    return world.call(() -> List.copyOf(published));
  }

  // ---------------------------------------------------------------- internals

  void recordMetrics(String ruleArn, java.util.function.UnaryOperator<RuleMetrics> change) {
    metrics.put(ruleArn, change.apply(metrics.getOrDefault(ruleArn, RuleMetrics.NONE)));
  }

  void recordDeadLetter(DeadLetter letter) {
    deadLetters.add(letter);
  }

  /**
   * Records billable usage in the world's ledger: {@link #EVENT_USAGE} (a published custom event)
   * or {@link #PIPE_USAGE} (a pipe request), counted in 64 KB chunks of {@code bytes}.
   */
  public void recordUsage(String usageType, int bytes, Map<String, String> attributes) {
    int chunks = Math.max(1, (bytes + CHUNK_BYTES - 1) / CHUNK_BYTES);
    UsageLedger.of(world).record(Services.EVENTBRIDGE, usageType, chunks,
        usageType.equals(EVENT_USAGE) ? "Events" : "Requests", attributes);
  }

  /** True when a bus of that name or ARN exists. */
  boolean hasBus(String nameOrArn) {
    return buses.containsKey(busName(nameOrArn));
  }

  private EventBus addBus(String name, String description) {
    EventBus bus = new EventBus(name, "arn:aws:events:" + region + ":" + account + ":event-bus/" + name,
        description, world.now().truncatedTo(ChronoUnit.SECONDS));
    buses.put(name, bus);
    rules.put(name, new LinkedHashMap<>());
    return bus;
  }

  /** The bus's matcher over its enabled pattern rules, rebuilt after a rule changes. */
  private BusMatcher matcher(String bus) {
    return matchers.computeIfAbsent(bus, b -> BusMatcher.of(rules.get(b).values()));
  }

  private void dropRule(Rule rule) {
    targets.remove(rule.arn());
    tags.remove(rule.arn());
    World.Scheduled s = schedules.remove(rule.arn());
    if (s != null) {
      s.cancel();
    }
  }

  /** (Re-)arms a rule's schedule: fires while the rule exists and is enabled. */
  private void arm(Rule rule) {
    World.Scheduled old = schedules.remove(rule.arn());
    if (old != null) {
      old.cancel();
    }
    if (rule.schedule() == null || !rule.enabled()) {
      return;
    }
    Instant next = rule.schedule().nextAfter(world.now());
    if (next == null) {
      return;
    }
    schedules.put(rule.arn(), world.scheduleDaemon(java.time.Duration.between(world.now(), next), () -> {
      Rule current = rules.getOrDefault(rule.busName(), Map.of()).get(rule.name());
      if (current == null || current != rule) {
        return;
      }
      fire(rule);
      arm(rule);
    }));
  }

  private void fire(Rule rule) {
    JsonNode event = event("aws.events", "Scheduled Event", Json.array().add(rule.arn()), Json.object(),
        world.now());
    metrics.merge(rule.arn(), RuleMetrics.NONE, (a, b) -> a.matched());
    for (Target t : List.copyOf(targets.get(rule.arn()).values())) {
      delivery.deliver(rule, t, event);
    }
  }

  /** "Code|Message" for an entry AWS rejects, else null. */
  private static String entryError(JsonNode entry) {
    if (entry.path("Source").asText("").isEmpty()) {
      return "InvalidArgument|Parameter Source is not valid. Reason: Source is a required argument.";
    }
    if (entry.path("DetailType").asText("").isEmpty()) {
      return "InvalidArgument|Parameter DetailType is not valid. Reason: DetailType is a required argument.";
    }
    if (entry.path("Detail").asText("").isEmpty()) {
      return "InvalidArgument|Parameter Detail is not valid. Reason: Detail is a required argument.";
    }
    try {
      if (!Json.parse(entry.get("Detail").asText()).isObject()) {
        return "MalformedDetail|Detail is malformed.";
      }
    } catch (IllegalArgumentException e) {
      return "MalformedDetail|Detail is malformed.";
    }
    return null;
  }

  /**
   * A new event envelope ({@code version, id, detail-type, source, account, time, region,
   * resources, detail}) with a fresh id from the world's random source.
   */
  public JsonNode event(String source, String detailType, JsonNode resources, JsonNode detail, Instant time) {
    ObjectNode event = Json.object();
    event.put("version", "0");
    event.put("id", world.random().uuid());
    event.put("detail-type", detailType);
    event.put("source", source);
    event.put("account", account);
    event.put("time", EVENT_TIME.format(time));
    event.put("region", region);
    ArrayNode list = event.putArray("resources");
    resources.forEach(list::add);
    event.set("detail", detail);
    return event;
  }

  private JsonNode envelope(JsonNode entry) {
    Instant time = world.now();
    JsonNode t = entry.get("Time");
    if (t != null && t.isNumber()) {
      time = Instant.ofEpochMilli((long) (t.asDouble() * 1000));
    } else if (t != null && t.isTextual()) {
      try {
        time = Instant.parse(t.asText());
      } catch (RuntimeException e) {
        // AWS ignores an unreadable Time and uses the time of the call
      }
    }
    return event(entry.get("Source").asText(), entry.get("DetailType").asText(), entry.path("Resources"),
        Json.parse(entry.get("Detail").asText()), time);
  }

  private EventBus bus(String nameOrArn) {
    EventBus bus = buses.get(busName(nameOrArn));
    if (bus == null) {
      throw notFound("Event bus " + busName(nameOrArn) + " does not exist.");
    }
    return bus;
  }

  private Rule rule(JsonNode request, String nameField) {
    EventBus bus = bus(request.path("EventBusName").asText(EventBus.DEFAULT));
    String name = required(request, nameField);
    Rule rule = rules.get(bus.name()).get(name);
    if (rule == null) {
      throw notFound("Rule " + name + " does not exist on EventBus " + bus.name() + ".");
    }
    return rule;
  }

  private String taggable(String arn) {
    for (EventBus b : buses.values()) {
      if (b.arn().equals(arn)) {
        return arn;
      }
    }
    for (Map<String, Rule> byName : rules.values()) {
      for (Rule r : byName.values()) {
        if (r.arn().equals(arn)) {
          return arn;
        }
      }
    }
    String kind = arn.contains(":rule/") ? "Rule" : "Event bus";
    throw notFound(kind + " " + arn.substring(arn.lastIndexOf('/') + 1) + " does not exist.");
  }

  private void putTags(String arn, JsonNode given) {
    if (!given.isArray() || given.isEmpty()) {
      return;
    }
    Map<String, String> t = tags.computeIfAbsent(arn, k -> new LinkedHashMap<>());
    given.forEach(tag -> t.put(tag.path("Key").asText(), tag.path("Value").asText()));
  }

  /** The bus name in a name or an event-bus ARN. */
  static String busName(String nameOrArn) {
    int at = nameOrArn.indexOf(":event-bus/");
    return at < 0 ? nameOrArn : nameOrArn.substring(at + ":event-bus/".length());
  }

  private static ObjectNode page(List<JsonNode> items, JsonNode request, String field) {
    int from = 0;
    if (request.hasNonNull("NextToken")) {
      try {
        from = Integer.parseInt(request.get("NextToken").asText());
      } catch (NumberFormatException e) {
        throw validation("The NextToken provided is invalid.");
      }
    }
    int limit = request.path("Limit").asInt(100);
    if (limit < 1 || limit > 100) {
      throw validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to"
          + " satisfy constraint: Member must have value " + (limit < 1
          ? "greater than or equal to 1" : "less than or equal to 100"));
    }
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray(field);
    int to = Math.min(items.size(), from + limit);
    for (int i = from; i < to; i++) {
      list.add(items.get(i));
    }
    if (to < items.size()) {
      out.put("NextToken", String.valueOf(to));
    }
    return out;
  }

  private static String required(JsonNode request, String field) {
    JsonNode v = request.get(field);
    if (v == null || v.isNull() || v.asText().isEmpty()) {
      throw validation("1 validation error detected: Value null at '" + Character.toLowerCase(field.charAt(0))
          + field.substring(1) + "' failed to satisfy constraint: Member must not be null");
    }
    return v.asText();
  }

  static AwsServiceException validation(String message) {
    return new AwsServiceException("ValidationException", message);
  }

  private static AwsServiceException notFound(String message) {
    return new AwsServiceException("ResourceNotFoundException", message);
  }
}
