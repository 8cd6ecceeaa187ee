package dev.statelab.service.sfn;

import dev.statelab.engine.ExecutionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A state machine in the store, with its versions, aliases and executions. Mutable; guarded by
 * the store's lock.
 */
final class MachineEntry {

  /** A published version. */
  record Version(long number, String arn, Revision revision, String description,
      Instant creationDate) {}

  /** One route of an alias. */
  record Route(String versionArn, int weight) {}

  /** An alias and its routing. */
  record Alias(String name, String arn, String description, List<Route> routing,
      Instant creationDate, Instant updateDate) {}

  final String arn;
  final String name;
  final ExecutionType type;
  final Instant creationDate;
  final long sequence;
  final boolean createdWithPublish;
  final String createdVersionDescription;
  Revision revision;
  boolean deleting;
  long nextVersion = 1;
  final TreeMap<Long, Version> versions = new TreeMap<>();
  final Map<String, Alias> aliases = new LinkedHashMap<>();
  final List<ExecutionEntry> executions = new ArrayList<>();

  MachineEntry(String arn, String name, ExecutionType type, Instant creationDate, long sequence,
      Revision revision, boolean createdWithPublish, String createdVersionDescription) {
    this.arn = arn;
    this.name = name;
    this.type = type;
    this.creationDate = creationDate;
    this.sequence = sequence;
    this.revision = revision;
    this.createdWithPublish = createdWithPublish;
    this.createdVersionDescription = createdVersionDescription;
  }

  /** The version with this revision, if it was published, else null. */
  Version versionOf(Revision wanted) {
    for (Version v : versions.descendingMap().values()) {
      if (v.revision() == wanted) {
        return v;
      }
    }
    return null;
  }

  /** Publishes the current revision as a new version. */
  Version publish(String description, Instant now) {
    long number = nextVersion++;
    Version version = new Version(number, arn + ":" + number, revision, description, now);
    versions.put(number, version);
    return version;
  }

  String status() {
    return deleting ? "DELETING" : "ACTIVE";
  }
}
