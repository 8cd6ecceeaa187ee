package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.json.Json;
import software.amazon.event.ruler.Machine;

/**
 * A compiled EventBridge event pattern, matched by AWS's own event-ruler library: the matcher
 * behind rules, {@code TestEventPattern} and EventBridge Pipes filters.
 *
 * <pre>{@code
 * EventPattern p = EventPattern.compile("{\"detail\":{\"amount\":[{\"numeric\":[\">\",100]}]}}");
 * p.matches(Json.parse("{\"detail\":{\"amount\":150}}")); // true
 * }</pre>
 */
public final class EventPattern {

  private static final String RULE = "rule";

  private final String text;
  private final Machine machine;

  private EventPattern(String text, Machine machine) {
    this.text = text;
    this.machine = machine;
  }

  /**
   * Compiles a pattern.
   *
   * @throws AwsServiceException {@code InvalidEventPatternException} "Event pattern is not valid.
   *     Reason: ..." when the text is not a pattern
   */
  public static EventPattern compile(String text) {
    if (text == null || text.isBlank()) {
      throw invalid("Filter is not an object");
    }
    JsonNode parsed;
    try {
      parsed = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
    if (!parsed.isObject()) {
      throw invalid("Filter is not an object");
    }
    Machine machine = new Machine();
    try {
      machine.addRule(RULE, text);
    } catch (Exception | StackOverflowError e) {
      throw invalid(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return new EventPattern(text, machine);
  }

  /** The pattern as written. */
  public String text() {
    return text;
  }

  /** True when the JSON event (an EventBridge envelope or a Pipes source record) matches. */
  public boolean matches(JsonNode event) {
    try {
      return !machine.rulesForJSONEvent(event).isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static AwsServiceException invalid(String reason) {
    return new AwsServiceException("InvalidEventPatternException",
        "Event pattern is not valid. Reason: " + reason.strip());
  }

  @Override
  public String toString() {
    return "EventPattern[" + text + "]";
  }
}
