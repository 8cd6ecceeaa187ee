package dev.statelab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.statelab.asl.InvalidDefinitionException;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs recorded cases on a fresh embedded world each and compares what happened with what AWS
 * did, after replacing names, ids and times with the recording's placeholders.
 */
public final class ConformanceRunner {

  /** The state machine name StateLab uses for every case (becomes {@code <ArnPart_0idx>}). */
  public static final String MACHINE_NAME = "ConformanceMachine";
  /** The execution name StateLab uses for every case (becomes {@code <ExecArnPart_0idx>}). */
  public static final String EXECUTION_NAME = "ConformanceExecution";
  private static final String MACHINE_NAME_PATTERN = "ConformanceMachine\\d*";
  private static final String EXECUTION_NAME_PATTERN = "ConformanceExecution\\d*";

  /** The account id cases run under (becomes {@code 111111111111}). */
  public static final String ACCOUNT = "123456789012";
  /** The region cases run in (becomes {@code <region>}). */
  public static final String REGION = "us-east-1";
  private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/ConformanceRole";
  private static final Pattern DATE_TIME =
      Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?(Z|[+-]\\d{2}(:?\\d{2})?)");
  private static final Pattern BOTO_PREFIX =
      Pattern.compile("^An error occurred \\(\\w+\\) when calling the \\w+ operation: ");
  private static final Pattern TEST_PARAMETER = Pattern.compile("\\[([^\\]]*)]$");
  private static final Pattern JSONPATH_TRANSFORMER =
      Pattern.compile("JsonpathTransformer\\((?:jsonpath=)?'([^']*)',\\s*(?:replacement=)?'([^']*)'");
  private static final Pattern RUNTIME_VALUE_TRANSFORMER =
      Pattern.compile("RegexTransformer\\(([A-Za-z_][A-Za-z0-9_]*),\\s*'([^']*)'\\)");
  private static final Pattern REQUEST_ID =
      Pattern.compile("Request ID: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern UUID_PLACEHOLDER = Pattern.compile("<uuid:\\d+>");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final CaseBackend backend;
  private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
  private static final Pattern MACHINE = Pattern.compile(MACHINE_NAME_PATTERN);
  private static final Pattern EXECUTION = Pattern.compile(EXECUTION_NAME_PATTERN);

  /** A runner whose worlds have nothing registered. */
  public ConformanceRunner() {
    this(world -> {});
  }

  /** A runner that prepares each world (e.g. registers Lambda handlers) before the case runs. */
  public ConformanceRunner(Consumer<World> setup) {
    this(new EmbeddedBackend(Objects.requireNonNull(setup)));
  }

  /** A runner over any backend: the embedded engine, or a Step Functions endpoint. */
  public ConformanceRunner(CaseBackend backend) {
    this.backend = Objects.requireNonNull(backend);
  }

  /** Runs one case. Never throws: an unexpected exception is reported as the case's difference. */
  public CaseResult run(ConformanceCase c) {
    try {
      Instant start = Instant.now();
      JsonNode input = fillPlaceholders(c, c.input(), start);
      long run = sequence.incrementAndGet();
      CaseBackend.Names names = new CaseBackend.Names(MACHINE_NAME + run, EXECUTION_NAME + run, ROLE);
      CaseBackend.Outcome o = backend.run(c, input, names, start);
      List<String> types = new ArrayList<>(o.eventTypes());
      if (c.notes().stream().anyMatch(n -> n.contains("reverseOrder=True"))) {
        java.util.Collections.reverse(types);
      }
      JsonNode output = transform(c, o.output(), input);
      String cause = o.cause();
      String filled = filledTimestamp(c, input);
      if (cause != null && filled != null) {
        cause = cause.replace(filled, "<timestamp>");
      }
      return compare(c, o.status(), output, o.error(), cause, types);
    } catch (RuntimeException e) {
      return new CaseResult(c.id(), "ERROR", null, e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
          List.of(), false, c.eventTypes() == null ? null : false, "StateLab raised " + e);
    }
  }

  /** Runs cases on a fresh embedded world each, with the virtual clock. */
  static final class EmbeddedBackend implements CaseBackend {
    private final Consumer<World> setup;

    EmbeddedBackend(Consumer<World> setup) {
      this.setup = setup;
    }

    @Override
    public Outcome run(ConformanceCase c, JsonNode input, Names names, Instant start) {
      StateMachine machine;
      try {
        machine = StateMachine.parse(c.definition());
      } catch (InvalidDefinitionException e) {
        return new Outcome("CREATE_FAILED", null, "InvalidDefinition", e.getMessage(), List.of());
      }
      WorldOptions options =
          WorldOptions.newBuilder().clockMode(ClockMode.VIRTUAL).seed(0).startTime(start).region(REGION).accountId(ACCOUNT).build();
      try (World world = World.newInstance(options)) {
        setup.accept(world);
        ExecutionRequest request = ExecutionRequest.of(input)
            .withName(names.execution()).withStateMachineName(names.machine()).withRoleArn(names.roleArn());
        Execution execution = world.start(machine, request);
        if (c.observedWhileRunning()) {
          world.advanceBy(Duration.ZERO);
          if (c.stoppedByTest()) {
            world.stop(execution, null, null);
          }
        } else {
          world.runUntilIdle();
        }
        List<String> types = new ArrayList<>();
        for (HistoryEvent e : execution.history()) {
          types.add(e.type());
        }
        ExecutionStatus status = execution.status();
        return new Outcome(status.name(), execution.output(), execution.error(), execution.cause(), types);
      }
    }
  }

  private CaseResult compare(
      ConformanceCase c, String status, JsonNode output, String error, String cause, List<String> types) {
    JsonNode expected = c.expected();
    String expectedStatus = c.expectedStatus();
    String difference = null;
    if (!expectedStatus.equals(status)) {
      difference = "status " + status + " (" + error + ": " + abbreviate(cause) + "), expected " + expectedStatus;
    } else if (status.equals("SUCCEEDED")) {
      JsonNode ours = renumberUuids(normalise(output));
      JsonNode theirs = renumberUuids(normalise(expected.get("output")));
      if (!JsonEquality.equal(ours, theirs, runtimeValuePlaceholders(c))) {
        difference = "output " + abbreviate(Json.write(ours)) + ", expected " + abbreviate(Json.write(theirs));
      }
    } else if (status.equals("CREATE_FAILED")) {
      String theirs = BOTO_PREFIX.matcher(expected.path("message").asText()).replaceFirst("");
      if (!Objects.equals(error, expected.path("error").asText(null)) || !Objects.equals(cause, theirs)) {
        difference = "rejected with " + error + ": " + abbreviate(cause) + ", expected " + abbreviate(theirs);
      }
    } else if (status.equals("RUNNING")) {
      String last = types.isEmpty() ? null : types.get(types.size() - 1);
      if (!Objects.equals(last, expected.path("last_event_type").asText(null))) {
        difference = "last event " + last + ", expected " + expected.path("last_event_type").asText();
      }
    } else {
      String theirError = expected.has("error") ? expected.get("error").asText() : null;
      JsonNode causeNode = expected.get("cause");
      String theirCause = causeNode == null ? null : causeNode.isTextual() ? causeNode.asText() : Json.write(causeNode);
      String ourCause = normaliseText(cause);
      if (!Objects.equals(error, theirError)) {
        difference = "error " + error + ", expected " + theirError;
      } else if (!Objects.equals(emptyToNull(ourCause), emptyToNull(theirCause))
          && !causesEqualAsJson(ourCause, theirCause)) {
        difference = "cause " + abbreviate(ourCause) + ", expected " + abbreviate(theirCause);
      }
    }
    Boolean history = null;
    if (c.eventTypes() != null && !status.equals("CREATE_FAILED")) {
      history = historyMatches(c, types);
      if (!history && difference == null) {
        difference = "events " + types + ", expected " + c.eventTypes();
      }
    }
    boolean outcome = difference == null || (history != null && !history && difference.startsWith("events "));
    return new CaseResult(c.id(), status, output, error, cause, types, outcome, history, difference);
  }

  /**
   * Numbers {@code <uuid:N>} placeholders by first appearance: the recording numbered them over
   * its whole snapshot (history first), so only their pattern of equality is comparable.
   */
  private static JsonNode renumberUuids(JsonNode node) {
    if (node == null) {
      return null;
    }
    String text = Json.write(node);
    Matcher m = UUID_PLACEHOLDER.matcher(text);
    Map<String, String> numbers = new HashMap<>();
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String n = numbers.computeIfAbsent(m.group(), k -> "<uuid:" + (numbers.size() + 1) + ">");
      m.appendReplacement(out, Matcher.quoteReplacement(n));
    }
    m.appendTail(out);
    return Json.parse(out.toString());
  }

  /**
   * Placeholders the recorded test put in place of a value only known at run time
   * ({@code RegexTransformer(uuid, 'generated-uuid')}): any string of ours matches them.
   */
  private static java.util.Set<String> runtimeValuePlaceholders(ConformanceCase c) {
    java.util.Set<String> placeholders = new java.util.HashSet<>();
    for (JsonNode t : c.raw().path("source").path("snapshot_transformers")) {
      Matcher m = RUNTIME_VALUE_TRANSFORMER.matcher(t.asText());
      if (m.find() && !m.group(1).endsWith("_arn")) {
        placeholders.add(m.group(2));
      }
    }
    return placeholders;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static boolean causesEqualAsJson(String ours, String theirs) {
    if (ours == null || theirs == null || !ours.startsWith("{")) {
      return false;
    }
    try {
      return JsonEquality.equal(normalise(Json.parse(ours)), normalise(Json.parse(theirs)), java.util.Set.of());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Applies the recording's own test-specific replacements to StateLab's output: values under the
   * keys its JsonpathTransformers name, and the input timestamp it wrote as {@code <timestamp>}.
   */
  private static JsonNode transform(ConformanceCase c, JsonNode output, JsonNode filledInput) {
    if (output == null) {
      return null;
    }
    Map<String, String> byKey = new HashMap<>();
    for (JsonNode t : c.raw().path("source").path("snapshot_transformers")) {
      Matcher m = JSONPATH_TRANSFORMER.matcher(t.asText());
      if (m.find()) {
        String path = m.group(1);
        String key = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[.*$", "");
        byKey.put(key, m.group(2));
      }
    }
    JsonNode result = replaceKeys(output, byKey);
    String filled = filledTimestamp(c, filledInput);
    if (filled != null) {
      result = Json.parse(Json.write(result).replace(filled, "<timestamp>"));
    }
    return result;
  }

  /** The value the case's {@code <timestamp>} input placeholder was filled with, or null. */
  private static String filledTimestamp(ConformanceCase c, JsonNode filledInput) {
    String original = Json.write(c.input());
    int at = original.indexOf("<timestamp>");
    if (at < 0) {
      return null;
    }
    String filled = Json.write(filledInput);
    return filled.substring(at, at + filled.length() - original.length() + "<timestamp>".length());
  }

  private static JsonNode replaceKeys(JsonNode node, Map<String, String> byKey) {
    if (byKey.isEmpty()) {
      return node;
    }
    if (node.isObject()) {
      ObjectNode out = Json.object();
      node.fields().forEachRemaining(e -> out.set(e.getKey(),
          byKey.containsKey(e.getKey()) ? TextNode.valueOf(byKey.get(e.getKey())) : replaceKeys(e.getValue(), byKey)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = Json.array();
      node.forEach(n -> out.add(replaceKeys(n, byKey)));
      return out;
    }
    return node;
  }

  private static boolean historyMatches(ConformanceCase c, List<String> ours) {
    List<String> theirs = c.eventTypes();
    if (!c.parallelNormalised()) {
      return ours.equals(theirs);
    }
    Map<String, Integer> counts = new HashMap<>();
    ours.forEach(t -> counts.merge(t, 1, Integer::sum));
    theirs.forEach(t -> counts.merge(t, -1, Integer::sum));
    int missing = c.raw().path("events_missing_from_recording").asInt(0);
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      int diff = e.getValue();
      if (diff == 0) {
        continue;
      }
      if ((e.getKey().equals("ParallelStateSucceeded") || e.getKey().equals("ParallelStateFailed"))
          && diff > 0 && diff <= Math.max(missing, 1)) {
        continue;
      }
      return false;
    }
    return true;
  }

  /** Replaces StateLab's names, ids and times with the recording's placeholders; parses '{' strings. */
  static JsonNode normalise(JsonNode node) {
    return normalise(node, new HashMap<>());
  }

  private static JsonNode normalise(JsonNode node, Map<String, String> uuids) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String text = node.asText();
      if (text.startsWith("{")) {
        try {
          return normalise(Json.parse(text), uuids);
        } catch (IllegalArgumentException e) {
          // a string that only looks like JSON
        }
      }
      return TextNode.valueOf(normaliseText(text));
    }
    if (node.isObject()) {
      ObjectNode out = Json.object();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode value = e.getValue();
        boolean idKey = e.getKey().toLowerCase(java.util.Locale.ROOT).endsWith("id");
        if (idKey && value.isTextual() && UUID.matcher(value.asText()).matches()) {
          String n = uuids.computeIfAbsent(value.asText(), k -> "<uuid:" + (uuids.size() + 1) + ">");
          out.set(e.getKey(), TextNode.valueOf(n));
        } else if (idKey && value.isArray() && value.size() > 0 && value.get(0).isTextual()
            && UUID.matcher(value.get(0).asText()).matches()) {
          ArrayNode ids = Json.array();
          value.forEach(v -> ids.add(uuids.computeIfAbsent(v.asText(), k -> "<uuid:" + (uuids.size() + 1) + ">")));
          out.set(e.getKey(), ids);
        } else {
          out.set(e.getKey(), normalise(value, uuids));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = Json.array();
      node.forEach(n -> out.add(normalise(n, uuids)));
      return out;
    }
    return node;
  }

  static String normaliseText(String text) {
    if (text == null) {
      return null;
    }
    String s = text.replace(ROLE, "snf_role_arn")
        .replace(ACCOUNT, "111111111111")
        .replace("arn:aws:", "arn:<partition>:")
        .replace(":" + REGION + ":", ":<region>:");
    s = MACHINE.matcher(s).replaceAll("<ArnPart_0idx>");
    s = EXECUTION.matcher(s).replaceAll("<ExecArnPart_0idx>");
    s = DATE_TIME.matcher(s).replaceAll("date");
    s = REQUEST_ID.matcher(s).replaceAll("Request ID: <request_id>");
    return replaceQuotedJson(s);
  }

  /** Replaces JSON documents quoted in single quotes ({@code '{"a":1}'}) with {@code <json-input:N>}. */
  private static String replaceQuotedJson(String s) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf("'{", i);
      if (open < 0) {
        open = s.indexOf("'[", i);
      }
      if (open < 0) {
        break;
      }
      int close = -1;
      for (int end = s.indexOf('\'', open + 1); end > 0; end = s.indexOf('\'', end + 1)) {
        try {
          Json.parse(s.substring(open + 1, end));
          close = end;
          break;
        } catch (IllegalArgumentException e) {
          // keep looking for the quote that ends the document
        }
      }
      if (close < 0) {
        break;
      }
      out.append(s, i, open).append("'<json-input:").append(++n).append(">'");
      i = close + 1;
    }
    out.append(s.substring(i));
    return out.toString();
  }

  /**
   * Fills input placeholders the way the recorded test did: {@code <timestamp>} is the world's
   * start time, shifted by the test parameter's days when it is a number, or written with the
   * parameter as its fractional-seconds suffix.
   */
  static JsonNode fillPlaceholders(ConformanceCase c, JsonNode input, Instant start) {
    String text = Json.write(input);
    if (!text.contains("<timestamp>")) {
      return input;
    }
    Matcher m = TEST_PARAMETER.matcher(c.id());
    String parameter = m.find() ? m.group(1) : "Z";
    String value;
    if (parameter.matches("\\d+")) {
      value = DateTimeFormatter.ISO_INSTANT.format(start.plus(Duration.ofDays(Long.parseLong(parameter))));
    } else {
      value = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(start) + parameter;
    }
    return Json.parse(text.replace("<timestamp>", value));
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
