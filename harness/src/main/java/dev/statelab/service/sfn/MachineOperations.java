package dev.statelab.service.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.Diagnostic;
import dev.statelab.engine.ExecutionType;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.service.sfn.MachineEntry.Alias;
import dev.statelab.service.sfn.MachineEntry.Route;
import dev.statelab.service.sfn.MachineEntry.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * State machines, versions, aliases, tags and ValidateStateMachineDefinition. Pure bookkeeping
 * over the store: nothing here waits for the world.
 */
final class MachineOperations {

  static final int MAX_DEFINITION = 1_048_576;
  static final int MAX_TAGS = 50;
  static final int MAX_VERSIONS = 1000;
  static final int MAX_ALIASES = 100;
  static final List<String> TYPES = List.of("STANDARD", "EXPRESS");
  static final List<String> LOG_LEVELS = List.of("ALL", "ERROR", "FATAL", "OFF");
  static final List<String> KEY_TYPES = List.of("AWS_OWNED_KEY", "CUSTOMER_MANAGED_KMS_KEY");
  static final List<String> INCLUDED_DATA = List.of("ALL_DATA", "METADATA_ONLY");

  private final World world;
  private final SfnStore store;
  private final Activities activities;

  MachineOperations(World world, SfnStore store, Activities activities) {
    this.world = world;
    this.store = store;
    this.activities = activities;
  }

  // ------------------------------------------------------------------ state machines

  ObjectNode create(Params p) {
    String name = p.required("name", 80);
    Arns.requireValidName(name);
    String definition = p.required("definition", MAX_DEFINITION);
    String roleArn = roleArn(p.required("roleArn", 256));
    ExecutionType type = ExecutionType.valueOf(
        Objects.requireNonNullElse(p.enumValue("type", TYPES), "STANDARD"));
    JsonNode logging = logging(p.object("loggingConfiguration"));
    JsonNode tracing = tracing(p.object("tracingConfiguration"));
    JsonNode encryption = encryption(p.object("encryptionConfiguration"));
    Map<String, String> tags = tags(p.list("tags"));
    boolean publish = p.bool("publish", false);
    String versionDescription = versionDescription(p, publish);
    StateMachine machine = Definitions.parse(definition, type);
    activities.bind(machine);
    String arn = store.arns.stateMachine(name);
    ObjectNode out = Json.object();
    synchronized (store.lock) {
      MachineEntry existing = store.machine(arn);
      if (existing != null) {
        if (existing.deleting) {
          throw SfnErrors.stateMachineDeleting(arn);
        }
        boolean same = existing.type == type
            && existing.revision.sameConfiguration(definition, logging, tracing, encryption)
            && existing.createdWithPublish == publish
            && Objects.equals(existing.createdVersionDescription, versionDescription);
        if (!same) {
          throw SfnErrors.stateMachineAlreadyExists(arn);
        }
        out.put("stateMachineArn", existing.arn);
        Wire.putTime(out, "creationDate", existing.creationDate);
        Version version = publish ? existing.versionOf(existing.revision) : null;
        if (version != null) {
          out.put("stateMachineVersionArn", version.arn());
        }
        return out;
      }
      Instant now = world.now();
      Revision revision = new Revision(UUID.randomUUID().toString(), definition, machine, roleArn,
          logging, tracing, encryption, now);
      MachineEntry entry = new MachineEntry(arn, name, type, now, store.nextSequence(), revision,
          publish, versionDescription);
      store.machines.put(arn, entry);
      if (!tags.isEmpty()) {
        store.tags.put(arn, new LinkedHashMap<>(tags));
      }
      out.put("stateMachineArn", arn);
      Wire.putTime(out, "creationDate", now);
      if (publish) {
        out.put("stateMachineVersionArn", entry.publish(versionDescription, now).arn());
      }
    }
    return out;
  }

  ObjectNode describe(Params p) {
    String arn = p.required("stateMachineArn", 256);
    p.enumValue("includedData", INCLUDED_DATA);
    Arns.MachineArn parsed = store.arns.machine(arn);
    synchronized (store.lock) {
      MachineEntry entry = store.machine(parsed.unqualified());
      if (entry == null) {
        throw SfnErrors.stateMachineDoesNotExist(arn);
      }
      Revision revision = entry.revision;
      Instant created = entry.creationDate;
      String description = null;
      switch (parsed.qualifier()) {
        case VERSION -> {
          Version version = version(entry, parsed, arn);
          revision = version.revision();
          created = version.creationDate();
          description = version.description();
        }
        case ALIAS -> {
          Alias alias = entry.aliases.get(parsed.qualifierValue());
          if (alias == null) {
            throw SfnErrors.stateMachineDoesNotExist(arn);
          }
          Route heaviest = alias.routing().stream()
              .max((a, b) -> Integer.compare(a.weight(), b.weight())).orElseThrow();
          Version version = versionByArn(entry, heaviest.versionArn());
          revision = version.revision();
          created = version.creationDate();
          description = alias.description();
        }
        default -> { }
      }
      ObjectNode out = Json.object();
      out.put("stateMachineArn", arn);
      out.put("name", entry.name);
      out.put("status", entry.status());
      out.put("definition", revision.definition());
      out.put("roleArn", revision.roleArn());
      out.put("type", entry.type.name());
      Wire.putTime(out, "creationDate", created);
      out.set("loggingConfiguration", revision.logging());
      out.set("tracingConfiguration", revision.tracing());
      out.set("encryptionConfiguration", revision.encryption());
      out.put("revisionId", revision.revisionId());
      Wire.putIfPresent(out, "description", description);
      java.util.Map<String, java.util.List<String>> references =
          dev.statelab.asl.VariableReferences.of(revision.machine());
      if (!references.isEmpty()) {
        com.fasterxml.jackson.databind.node.ObjectNode refs = out.putObject("variableReferences");
        references.forEach((state, names) -> names.forEach(refs.withArray(state)::add));
      }
      return out;
    }
  }

  ObjectNode update(Params p) {
    String arn = p.required("stateMachineArn", 256);
    String definition = p.string("definition", MAX_DEFINITION);
    String roleArn = p.has("roleArn") ? roleArn(p.required("roleArn", 256)) : null;
    JsonNode logging = p.has("loggingConfiguration")
        ? logging(p.object("loggingConfiguration")) : null;
    JsonNode tracing = p.has("tracingConfiguration")
        ? tracing(p.object("tracingConfiguration")) : null;
    JsonNode encryption = p.has("encryptionConfiguration")
        ? encryption(p.object("encryptionConfiguration")) : null;
    boolean publish = p.bool("publish", false);
    String versionDescription = versionDescription(p, publish);
    Arns.MachineArn parsed = store.arns.machine(arn);
    if (parsed.qualifier() != Arns.Qualifier.NONE) {
      throw SfnErrors.validation("Update operation cannot be performed on a state machine version"
          + " or alias: '" + arn + "'");
    }
    if (definition == null && roleArn == null && logging == null && tracing == null
        && encryption == null) {
      throw SfnErrors.missingRequiredParameter("Either the definition, the role ARN, the "
          + "LoggingConfiguration, or the TracingConfiguration must be specified");
    }
    ExecutionType type;
    synchronized (store.lock) {
      MachineEntry entry = existing(arn, parsed);
      type = entry.type;
    }
    StateMachine machine = definition == null ? null : Definitions.parse(definition, type);
    if (machine != null) {
      activities.bind(machine);
    }
    synchronized (store.lock) {
      MachineEntry entry = existing(arn, parsed);
      Revision old = entry.revision;
      Revision next = new Revision(UUID.randomUUID().toString(),
          definition == null ? old.definition() : definition,
          machine == null ? old.machine() : machine,
          roleArn == null ? old.roleArn() : roleArn,
          logging == null ? old.logging() : logging,
          tracing == null ? old.tracing() : tracing,
          encryption == null ? old.encryption() : encryption,
          world.now());
      boolean changed = !old.sameConfiguration(next.definition(), next.logging(), next.tracing(),
          next.encryption()) || !old.roleArn().equals(next.roleArn());
      if (changed) {
        entry.revision = next;
      }
      ObjectNode out = Json.object();
      Wire.putTime(out, "updateDate", entry.revision.date());
      out.put("revisionId", entry.revision.revisionId());
      if (publish) {
        Version version = entry.versionOf(entry.revision);
        if (version == null) {
          requireVersionRoom(entry);
          version = entry.publish(versionDescription, world.now());
        }
        out.put("stateMachineVersionArn", version.arn());
      }
      return out;
    }
  }

  ObjectNode delete(Params p) {
    String arn = p.required("stateMachineArn", 256);
    Arns.MachineArn parsed = store.arns.machine(arn);
    if (parsed.qualifier() != Arns.Qualifier.NONE) {
      throw SfnErrors.validation("Delete operation cannot be performed on a state machine version"
          + " or alias; use DeleteStateMachineVersion or DeleteStateMachineAlias: '" + arn + "'");
    }
    synchronized (store.lock) {
      MachineEntry entry = store.machine(parsed.unqualified());
      if (entry != null) {
        entry.deleting = true;
        if (SfnStore.noneRunning(entry)) {
          store.remove(entry);
        }
      }
    }
    return Json.object();
  }

  ObjectNode list(Params p) {
    int size = Pages.size(p.integer("maxResults", 0, 1000, 0));
    long cursor = Pages.cursor(p.string("nextToken", 1024), "machines", 0);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("stateMachines");
    synchronized (store.lock) {
      for (MachineEntry entry : store.machines.values()) {
        if (entry.sequence <= cursor) {
          continue;
        }
        if (items.size() == size) {
          out.put("nextToken", Pages.token("machines", cursor));
          break;
        }
        ObjectNode item = items.addObject();
        item.put("stateMachineArn", entry.arn);
        item.put("name", entry.name);
        item.put("type", entry.type.name());
        Wire.putTime(item, "creationDate", entry.creationDate);
        cursor = entry.sequence;
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ versions

  ObjectNode publishVersion(Params p) {
    String arn = p.required("stateMachineArn", 256);
    String revisionId = p.string("revisionId", 2048);
    String description = p.string("description", 0, 256);
    Arns.MachineArn parsed = unqualified(arn);
    synchronized (store.lock) {
      MachineEntry entry = existing(arn, parsed);
      if (revisionId != null && !revisionId.equals(entry.revision.revisionId())) {
        throw SfnErrors.conflict("Failed to publish the State Machine version for revision "
            + revisionId + ". The current State Machine revision is "
            + entry.revision.revisionId() + ".");
      }
      Version version = entry.versionOf(entry.revision);
      if (version != null && !Objects.equals(version.description(), description)) {
        throw SfnErrors.conflict("Failed to publish the State Machine version: revision "
            + entry.revision.revisionId() + " is already published as " + version.arn()
            + " with a different description.");
      }
      if (version == null) {
        requireVersionRoom(entry);
        version = entry.publish(description, world.now());
      }
      ObjectNode out = Json.object();
      Wire.putTime(out, "creationDate", version.creationDate());
      out.put("stateMachineVersionArn", version.arn());
      return out;
    }
  }

  ObjectNode listVersions(Params p) {
    String arn = p.required("stateMachineArn", 256);
    int size = Pages.size(p.integer("maxResults", 0, 1000, 0));
    long cursor = Pages.cursor(p.string("nextToken", 1024), "versions", Long.MAX_VALUE);
    Arns.MachineArn parsed = unqualified(arn);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("stateMachineVersions");
    synchronized (store.lock) {
      MachineEntry entry = existing(arn, parsed);
      for (Version version : entry.versions.descendingMap().values()) {
        if (version.number() >= cursor) {
          continue;
        }
        if (items.size() == size) {
          out.put("nextToken", Pages.token("versions", cursor));
          break;
        }
        ObjectNode item = items.addObject();
        item.put("stateMachineVersionArn", version.arn());
        Wire.putTime(item, "creationDate", version.creationDate());
        cursor = version.number();
      }
    }
    return out;
  }

  ObjectNode deleteVersion(Params p) {
    String arn = p.required("stateMachineVersionArn", 256);
    Arns.MachineArn parsed = store.arns.machine(arn);
    if (parsed.qualifier() != Arns.Qualifier.VERSION) {
      throw SfnErrors.validation("'" + arn + "' is not a state machine version ARN");
    }
    synchronized (store.lock) {
      MachineEntry entry = store.machine(parsed.unqualified());
      if (entry == null) {
        return Json.object();
      }
      long number = Long.parseLong(parsed.qualifierValue());
      List<String> referencing = new ArrayList<>();
      for (Alias alias : entry.aliases.values()) {
        for (Route route : alias.routing()) {
          if (route.versionArn().equals(arn)) {
            referencing.add(alias.arn());
          }
        }
      }
      if (!referencing.isEmpty()) {
        throw SfnErrors.conflict("Version to be deleted must not be referenced by an alias. "
            + "Current list of aliases referencing this version: " + referencing);
      }
      entry.versions.remove(number);
    }
    return Json.object();
  }

  // ------------------------------------------------------------------ aliases

  ObjectNode createAlias(Params p) {
    String name = p.required("name", 80);
    requireAliasName(name);
    String description = p.string("description", 0, 256);
    List<Route> routing = routing(p, true);
    String machineArn = store.arns.machine(routing.get(0).versionArn()).unqualified();
    synchronized (store.lock) {
      MachineEntry entry = store.machine(machineArn);
      if (entry == null) {
        throw SfnErrors.resourceNotFound(routing.get(0).versionArn());
      }
      requireVersions(entry, routing);
      Alias existing = entry.aliases.get(name);
      if (existing != null) {
        if (existing.routing().equals(routing)
            && Objects.equals(existing.description(), description)) {
          return aliasCreated(existing);
        }
        throw SfnErrors.conflict("Failed to create alias because an alias with the same name '"
            + name + "' and a different configuration already exists.");
      }
      if (entry.aliases.size() >= MAX_ALIASES) {
        throw SfnErrors.error("ServiceQuotaExceededException",
            "The maximum number of aliases (" + MAX_ALIASES + ") has been reached for "
                + entry.arn);
      }
      Instant now = world.now();
      Alias alias = new Alias(name, entry.arn + ":" + name, description, routing, now, now);
      entry.aliases.put(name, alias);
      return aliasCreated(alias);
    }
  }

  private static ObjectNode aliasCreated(Alias alias) {
    ObjectNode out = Json.object();
    out.put("stateMachineAliasArn", alias.arn());
    Wire.putTime(out, "creationDate", alias.creationDate());
    return out;
  }

  ObjectNode describeAlias(Params p) {
    String arn = p.required("stateMachineAliasArn", 256);
    synchronized (store.lock) {
      Alias alias = alias(arn);
      ObjectNode out = Json.object();
      out.put("stateMachineAliasArn", alias.arn());
      out.put("name", alias.name());
      Wire.putIfPresent(out, "description", alias.description());
      out.set("routingConfiguration", routingJson(alias.routing()));
      Wire.putTime(out, "creationDate", alias.creationDate());
      Wire.putTime(out, "updateDate", alias.updateDate());
      return out;
    }
  }

  ObjectNode updateAlias(Params p) {
    String arn = p.required("stateMachineAliasArn", 256);
    String description = p.string("description", 0, 256);
    List<Route> routing = p.has("routingConfiguration") ? routing(p, true) : null;
    if (description == null && routing == null) {
      throw SfnErrors.missingRequiredParameter(
          "Either the description or the RoutingConfiguration must be specified");
    }
    synchronized (store.lock) {
      Alias alias = alias(arn);
      MachineEntry entry = store.machine(store.arns.machine(arn).unqualified());
      if (routing != null) {
        for (Route route : routing) {
          if (!store.arns.machine(route.versionArn()).unqualified().equals(entry.arn)) {
            throw SfnErrors.validation("Routing configuration versions must belong to the "
                + "alias's state machine: '" + route.versionArn() + "'");
          }
        }
        requireVersions(entry, routing);
      }
      Instant now = world.now();
      Alias updated = new Alias(alias.name(), alias.arn(),
          description != null ? description : alias.description(),
          routing != null ? routing : alias.routing(), alias.creationDate(), now);
      entry.aliases.put(alias.name(), updated);
      ObjectNode out = Json.object();
      Wire.putTime(out, "updateDate", now);
      return out;
    }
  }

  ObjectNode deleteAlias(Params p) {
    String arn = p.required("stateMachineAliasArn", 256);
    synchronized (store.lock) {
      Alias alias = alias(arn);
      store.machine(store.arns.machine(arn).unqualified()).aliases.remove(alias.name());
    }
    return Json.object();
  }

  ObjectNode listAliases(Params p) {
    String arn = p.required("stateMachineArn", 256);
    int size = Pages.size(p.integer("maxResults", 0, 1000, 0));
    long cursor = Pages.cursor(p.string("nextToken", 1024), "aliases", 0);
    Arns.MachineArn parsed = unqualified(arn);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("stateMachineAliases");
    synchronized (store.lock) {
      MachineEntry entry = store.machine(parsed.unqualified());
      if (entry == null) {
        throw SfnErrors.resourceNotFound(arn);
      }
      long index = 0;
      for (Alias alias : entry.aliases.values()) {
        index++;
        if (index <= cursor) {
          continue;
        }
        if (items.size() == size) {
          out.put("nextToken", Pages.token("aliases", index - 1));
          break;
        }
        ObjectNode item = items.addObject();
        item.put("stateMachineAliasArn", alias.arn());
        Wire.putTime(item, "creationDate", alias.creationDate());
      }
    }
    return out;
  }

  /** Picks a version of an alias by weight, with the world's seeded random source. */
  static Route pick(Alias alias, double uniform) {
    double point = uniform * 100.0;
    double sum = 0;
    for (Route route : alias.routing()) {
      sum += route.weight();
      if (point < sum) {
        return route;
      }
    }
    return alias.routing().get(alias.routing().size() - 1);
  }

  // ------------------------------------------------------------------ tags

  ObjectNode tagResource(Params p, Predicate<String> activityExists) {
    String arn = p.required("resourceArn", 256);
    Map<String, String> added = tags(p.list("tags"));
    synchronized (store.lock) {
      requireTaggable(arn, activityExists);
      Map<String, String> current = new LinkedHashMap<>(store.tags.getOrDefault(arn, Map.of()));
      current.putAll(added);
      if (current.size() > MAX_TAGS) {
        throw SfnErrors.error("TooManyTags", "Too many tags: resource '" + arn
            + "' may have at most " + MAX_TAGS + " tags");
      }
      store.tags.put(arn, current);
    }
    return Json.object();
  }

  ObjectNode untagResource(Params p, Predicate<String> activityExists) {
    String arn = p.required("resourceArn", 256);
    List<JsonNode> keys = p.list("tagKeys");
    if (!p.has("tagKeys")) {
      throw SfnErrors.constraint("tagKeys", null, "Member must not be null");
    }
    synchronized (store.lock) {
      requireTaggable(arn, activityExists);
      Map<String, String> current = new LinkedHashMap<>(store.tags.getOrDefault(arn, Map.of()));
      keys.forEach(k -> current.remove(k.asText()));
      store.tags.put(arn, current);
    }
    return Json.object();
  }

  ObjectNode listTags(Params p, Predicate<String> activityExists) {
    String arn = p.required("resourceArn", 256);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("tags");
    synchronized (store.lock) {
      requireTaggable(arn, activityExists);
      store.tags.getOrDefault(arn, Map.of()).forEach((k, v) -> {
        ObjectNode tag = items.addObject();
        tag.put("key", k);
        tag.put("value", v);
      });
    }
    return out;
  }

  private void requireTaggable(String arn, Predicate<String> activityExists) {
    if (store.machines.containsKey(arn) || activityExists.test(arn)) {
      return;
    }
    throw SfnErrors.resourceNotFound(arn);
  }

  /** Reads a tag list: keys 1..128, values 0..256, at most 50. */
  static Map<String, String> tags(List<JsonNode> list) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode tag : list) {
      Params t = new Params(tag);
      String key = t.required("key", 128);
      String value = Objects.requireNonNullElse(t.string("value", 0, 256), "");
      tags.put(key, value);
    }
    if (tags.size() > MAX_TAGS) {
      throw SfnErrors.error("TooManyTags", "Too many tags: at most " + MAX_TAGS + " are allowed");
    }
    return tags;
  }

  // ------------------------------------------------------------------ validation

  ObjectNode validate(Params p) {
    String definition = p.required("definition", MAX_DEFINITION);
    String type = Objects.requireNonNullElse(p.enumValue("type", TYPES), "STANDARD");
    String severity = Objects.requireNonNullElse(
        p.enumValue("severity", List.of("ERROR", "WARNING")), "ERROR");
    int max = p.integer("maxResults", 0, 100, 0);
    int limit = max == 0 ? 100 : max;
    List<Diagnostic> diagnostics = new ArrayList<>(StateMachine.validate(definition));
    if (type.equals("EXPRESS") && diagnostics.stream().noneMatch(Diagnostic::isError)) {
      diagnostics.addAll(Definitions.expressProblems(StateMachine.parse(definition)));
    }
    boolean failed = diagnostics.stream().anyMatch(Diagnostic::isError);
    ObjectNode out = Json.object();
    out.put("result", failed ? "FAIL" : "OK");
    ArrayNode items = out.putArray("diagnostics");
    int shown = 0;
    boolean truncated = false;
    for (Diagnostic d : diagnostics) {
      if (severity.equals("ERROR") && !d.isError()) {
        continue;
      }
      if (shown == limit) {
        truncated = true;
        break;
      }
      ObjectNode item = items.addObject();
      item.put("severity", d.severity());
      item.put("code", d.code());
      item.put("message", d.message());
      Wire.putIfPresent(item, "location", d.location());
      shown++;
    }
    out.put("truncated", truncated);
    return out;
  }

  // ------------------------------------------------------------------ helpers

  private MachineEntry existing(String arn, Arns.MachineArn parsed) {
    MachineEntry entry = store.machine(parsed.unqualified());
    if (entry == null) {
      throw SfnErrors.stateMachineDoesNotExist(arn);
    }
    if (entry.deleting) {
      throw SfnErrors.stateMachineDeleting(arn);
    }
    return entry;
  }

  private Arns.MachineArn unqualified(String arn) {
    Arns.MachineArn parsed = store.arns.machine(arn);
    if (parsed.qualifier() != Arns.Qualifier.NONE) {
      throw SfnErrors.validation("Expected an unqualified state machine ARN: '" + arn + "'");
    }
    return parsed;
  }

  private static Version version(MachineEntry entry, Arns.MachineArn parsed, String arn) {
    Version version = entry.versions.get(Long.parseLong(parsed.qualifierValue()));
    if (version == null) {
      throw SfnErrors.stateMachineDoesNotExist(arn);
    }
    return version;
  }

  private static Version versionByArn(MachineEntry entry, String versionArn) {
    for (Version v : entry.versions.values()) {
      if (v.arn().equals(versionArn)) {
        return v;
      }
    }
    throw SfnErrors.resourceNotFound(versionArn);
  }

  private Alias alias(String arn) {
    Arns.MachineArn parsed = store.arns.machine(arn);
    if (parsed.qualifier() != Arns.Qualifier.ALIAS) {
      throw SfnErrors.validation("'" + arn + "' is not a state machine alias ARN");
    }
    MachineEntry entry = store.machine(parsed.unqualified());
    Alias alias = entry == null ? null : entry.aliases.get(parsed.qualifierValue());
    if (alias == null) {
      throw SfnErrors.resourceNotFound(arn);
    }
    return alias;
  }

  private static void requireVersions(MachineEntry entry, List<Route> routing) {
    for (Route route : routing) {
      versionByArn(entry, route.versionArn());
    }
  }

  private static void requireVersionRoom(MachineEntry entry) {
    if (entry.versions.size() >= MAX_VERSIONS) {
      throw SfnErrors.error("ServiceQuotaExceededException", "The maximum number of versions ("
          + MAX_VERSIONS + ") has been reached for " + entry.arn);
    }
  }

  private static void requireAliasName(String name) {
    if (!Arns.isValidAliasName(name)) {
      throw SfnErrors.constraint("name", name, "Member must satisfy regular expression pattern: "
          + "^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$");
    }
  }

  private List<Route> routing(Params p, boolean required) {
    List<JsonNode> list = p.list("routingConfiguration");
    if (list.isEmpty() && required) {
      throw SfnErrors.constraint("routingConfiguration", p.has("routingConfiguration") ? "[]" : null,
          p.has("routingConfiguration") ? "Member must have length greater than or equal to 1"
              : "Member must not be null");
    }
    if (list.size() > 2) {
      throw SfnErrors.constraint("routingConfiguration", list.size() + " items",
          "Member must have length less than or equal to 2");
    }
    List<Route> routes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String machine = null;
    int sum = 0;
    for (JsonNode node : list) {
      Params r = new Params(node);
      String versionArn = r.required("stateMachineVersionArn", 256);
      int weight = r.integer("weight", 0, 100, -1);
      if (weight < 0) {
        throw SfnErrors.constraint("weight", null, "Member must not be null");
      }
      Arns.MachineArn parsed = store.arns.machine(versionArn);
      if (parsed.qualifier() != Arns.Qualifier.VERSION) {
        throw SfnErrors.validation("Routing configuration must name state machine versions: '"
            + versionArn + "'");
      }
      if (machine != null && !machine.equals(parsed.unqualified())) {
        throw SfnErrors.validation(
            "Routing configuration versions must belong to the same state machine");
      }
      machine = parsed.unqualified();
      if (!seen.add(versionArn)) {
        throw SfnErrors.validation("Routing configuration must name each version only once");
      }
      sum += weight;
      routes.add(new Route(versionArn, weight));
    }
    if (sum != 100) {
      throw SfnErrors.validation("Sum of routing configuration weights must equal 100");
    }
    return List.copyOf(routes);
  }

  private static ArrayNode routingJson(List<Route> routing) {
    ArrayNode array = Json.array();
    for (Route route : routing) {
      ObjectNode item = array.addObject();
      item.put("stateMachineVersionArn", route.versionArn());
      item.put("weight", route.weight());
    }
    return array;
  }

  private static String roleArn(String roleArn) {
    if (!roleArn.startsWith("arn:")) {
      throw SfnErrors.invalidArn("Invalid ARN prefix: " + roleArn);
    }
    return roleArn;
  }

  private static String versionDescription(Params p, boolean publish) {
    String description = p.string("versionDescription", 0, 256);
    if (description != null && !publish) {
      throw SfnErrors.validation("Version description can only be set when publish is true");
    }
    return description;
  }

  static JsonNode logging(JsonNode given) {
    ObjectNode out = Json.object();
    Params p = new Params(given == null ? Json.object() : given);
    String level = Objects.requireNonNullElse(p.enumValue("level", LOG_LEVELS), "OFF");
    out.put("level", level);
    out.put("includeExecutionData", p.bool("includeExecutionData", false));
    List<JsonNode> destinations = p.list("destinations");
    if (!level.equals("OFF") && destinations.size() != 1) {
      throw SfnErrors.error("InvalidLoggingConfiguration",
          "Invalid Logging Configuration: Must specify exactly one Log Destination.");
    }
    if (destinations.size() > 1) {
      throw SfnErrors.error("InvalidLoggingConfiguration",
          "Invalid Logging Configuration: Must specify exactly one Log Destination.");
    }
    if (!destinations.isEmpty()) {
      out.set("destinations", given.get("destinations"));
    }
    return out;
  }

  static JsonNode tracing(JsonNode given) {
    ObjectNode out = Json.object();
    out.put("enabled", new Params(given == null ? Json.object() : given).bool("enabled", false));
    return out;
  }

  static JsonNode encryption(JsonNode given) {
    ObjectNode out = Json.object();
    if (given == null) {
      out.put("type", "AWS_OWNED_KEY");
      return out;
    }
    Params p = new Params(given);
    String type = p.enumValue("type", KEY_TYPES);
    if (type == null) {
      throw SfnErrors.constraint("encryptionConfiguration.type", null, "Member must not be null");
    }
    out.put("type", type);
    String key = p.string("kmsKeyId", 2048);
    if (type.equals("CUSTOMER_MANAGED_KMS_KEY") && key == null) {
      throw SfnErrors.error("InvalidEncryptionConfiguration",
          "Invalid Encryption Configuration: kmsKeyId is required for CUSTOMER_MANAGED_KMS_KEY");
    }
    Wire.putIfPresent(out, "kmsKeyId", key);
    if (p.has("kmsDataKeyReusePeriodSeconds")) {
      out.put("kmsDataKeyReusePeriodSeconds",
          p.integer("kmsDataKeyReusePeriodSeconds", 60, 900, 300));
    }
    return out;
  }
}
