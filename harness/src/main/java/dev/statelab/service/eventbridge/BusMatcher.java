package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Set;
import software.amazon.event.ruler.Machine;

/**
 * One event-ruler machine holding every enabled pattern rule of a bus, so an event is parsed and
 * matched once per bus rather than once per rule.
 */
final class BusMatcher {

  private final Machine machine;

  private BusMatcher(Machine machine) {
    this.machine = machine;
  }

  /** A matcher over the enabled rules with a pattern. */
  static BusMatcher of(Collection<Rule> rules) {
    Machine machine = new Machine();
    for (Rule r : rules) {
      if (r.enabled() && r.pattern() != null) {
        try {
          machine.addRule(r.name(), r.pattern().text());
        } catch (java.io.IOException e) {
          throw new IllegalStateException("A compiled pattern failed to load: " + r.name(), e);
        }
      }
    }
    return new BusMatcher(machine);
  }

  /** The names of the rules the event matches. */
  Set<String> matches(JsonNode event) {
    if (machine.isEmpty()) {
      return Set.of();
    }
    try {
      return Set.copyOf(machine.rulesForJSONEvent(event));
    } catch (RuntimeException e) {
      return Set.of();
    }
  }
}
