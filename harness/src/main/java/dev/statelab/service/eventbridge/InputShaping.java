package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.query.Path;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.json.Json;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a target receives: the whole event, a constant {@code Input}, the part at {@code
 * InputPath}, or an {@code InputTransformer}'s template filled from {@code InputPathsMap}.
 *
 * <p>In a JSON template a placeholder outside quotes becomes the value as JSON (strings quoted);
 * inside a quoted string it becomes the value's text. A template that is not JSON is filled with
 * raw text. Reserved placeholders: {@code <aws.events.rule-arn>}, {@code
 * <aws.events.rule-name>}, {@code <aws.events.event.ingestion-time>}, {@code <aws.events.event>}
 * and {@code <aws.events.event.json>} (the whole event).
 */
public final class InputShaping {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]+");
  private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>\\s\"]+)>");

  private InputShaping() {}

  /** Checks an InputTransformer as PutTargets does. */
  static void validate(JsonNode transformer, String targetId) {
    if (!transformer.has("InputTemplate")) {
      throw new AwsServiceException("ValidationException", "1 validation error detected: Value null"
          + " at 'targets.1.member.inputTransformer.inputTemplate' failed to satisfy constraint:"
          + " Member must not be null");
    }
    JsonNode map = transformer.path("InputPathsMap");
    if (map.size() > 100) {
      throw new AwsServiceException("ValidationException",
          "InputPathsMap has more than 100 entries for target " + targetId + ".");
    }
    Iterator<Map.Entry<String, JsonNode>> it = map.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!KEY.matcher(e.getKey()).matches() || e.getKey().startsWith("aws.")) {
        throw new AwsServiceException("ValidationException", "Input template key "
            + e.getKey() + " is not valid for target " + targetId + ".");
      }
      if (!Path.isValid(e.getValue().asText())) {
        throw new AwsServiceException("ValidationException", "Invalid InputPath "
            + e.getValue().asText() + " for target " + targetId + ".");
      }
    }
  }

  /** The text a target receives for {@code event} (a JSON text unless a raw template says otherwise). */
  static String inputFor(Target target, JsonNode event, String ruleArn, String ruleName, Instant ingested) {
    JsonNode t = target.json();
    if (t.has("Input")) {
      return t.get("Input").asText();
    }
    if (t.has("InputPath")) {
      JsonNode part = select(event, t.get("InputPath").asText());
      return part == null ? "null" : Json.write(part);
    }
    if (t.has("InputTransformer")) {
      return fill(t.get("InputTransformer"), event, ruleArn, ruleName, ingested);
    }
    return Json.write(event);
  }

  private static String fill(JsonNode transformer, JsonNode event, String ruleArn, String ruleName,
      Instant ingested) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    transformer.path("InputPathsMap").fields().forEachRemaining(e ->
        values.put(e.getKey(), select(event, e.getValue().asText())));
    values.put("aws.events.rule-arn", Json.text(ruleArn));
    values.put("aws.events.rule-name", Json.text(ruleName));
    values.put("aws.events.event.ingestion-time", Json.text(ingested.toString()));
    values.put("aws.events.event", event);
    values.put("aws.events.event.json", event);
    return fillTemplate(transformer.get("InputTemplate").asText(), name -> values.containsKey(name)
        ? Optional.of(values.get(name) == null ? NullNode.getInstance() : values.get(name))
        : Optional.empty());
  }

  /**
   * Fills {@code <name>} placeholders of an input template (EventBridge's InputTransformer or a
   * Pipes InputTemplate). A JSON template (starting with an object, array or string) gets each
   * value as JSON outside quotes and as text inside quotes; any other template gets raw text.
   *
   * @param values a placeholder's value (a JSON null for a path that selects nothing), or empty
   *     to leave the placeholder as written
   */
  public static String fillTemplate(String template, Function<String, Optional<JsonNode>> values) {
    String trimmed = template.strip();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"");
    StringBuilder out = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(template);
    int last = 0;
    while (m.find()) {
      out.append(template, last, m.start());
      last = m.end();
      Optional<JsonNode> found = values.apply(m.group(1));
      if (found.isEmpty()) {
        out.append(m.group());
        continue;
      }
      JsonNode value = found.get();
      String text = value.isNull() ? "" : value.isTextual() ? value.asText() : Json.write(value);
      if (!json) {
        out.append(text);
      } else if (insideString(template, m.start())) {
        String quoted = Json.write(Json.text(text));
        out.append(quoted, 1, quoted.length() - 1);
      } else {
        out.append(Json.write(value));
      }
    }
    out.append(template.substring(last));
    return out.toString();
  }

  /** True when position {@code at} of a JSON template lies inside a string literal. */
  private static boolean insideString(String template, int at) {
    boolean inside = false;
    for (int i = 0; i < at; i++) {
      char c = template.charAt(i);
      if (c == '\\' && inside) {
        i++;
      } else if (c == '"') {
        inside = !inside;
      }
    }
    return inside;
  }

  /** The value at a JSONPath in the event, or null when absent. */
  public static JsonNode select(JsonNode event, String path) {
    try {
      JsonNode v = Path.compile(path).select(event);
      return v == null || v.isMissingNode() ? null : v;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
