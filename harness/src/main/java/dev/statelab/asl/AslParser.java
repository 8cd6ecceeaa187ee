package dev.statelab.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.choice.ChoiceRule;
import dev.statelab.asl.choice.ChoiceRuleParser;
import dev.statelab.asl.errors.Diagnostic;
import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.jsonata.JsonataSyntaxException;
import dev.statelab.asl.jsonata.JsonataTemplate;
import dev.statelab.asl.model.Assignment;
import dev.statelab.asl.model.Catcher;
import dev.statelab.asl.model.Io;
import dev.statelab.asl.model.QueryLanguage;
import dev.statelab.asl.model.Retrier;
import dev.statelab.asl.model.State;
import dev.statelab.asl.model.StateCommon;
import dev.statelab.asl.model.StateGraph;
import dev.statelab.asl.model.Transition;
import dev.statelab.asl.model.ValueSource;
import dev.statelab.asl.query.Path;
import dev.statelab.asl.template.DynamicValue;
import dev.statelab.asl.template.PayloadTemplate;
import dev.statelab.asl.template.ResultPath;
import dev.statelab.json.Json;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Parses and validates an ASL definition into an immutable {@link StateMachine}, collecting every
 * problem (not just the first) as AWS-shaped {@link Diagnostic}s with JSON Pointer locations.
 */
final class AslParser {

  private static final Set<String> TOP_LEVEL_FIELDS =
      Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");
  private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
  private static final Map<String, Set<String>> JSONPATH_FIELDS =
      Map.of(
          "Pass", Set.of("InputPath", "OutputPath", "ResultPath", "Parameters", "Result", "Next", "End", "Assign"),
          "Task",
              Set.of(
                  "Resource", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector",
                  "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath",
                  "Retry", "Catch", "Next", "End", "Credentials", "Assign"),
          "Choice", Set.of("Choices", "Default", "InputPath", "OutputPath", "Assign"),
          "Wait",
              Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath", "InputPath", "OutputPath", "Next", "End", "Assign"),
          "Succeed", Set.of("InputPath", "OutputPath"),
          "Fail", Set.of("Error", "Cause", "ErrorPath", "CausePath"),
          "Parallel",
              Set.of("Branches", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "Retry", "Catch", "Next", "End", "Assign"),
          "Map",
              Set.of(
                  "ItemProcessor", "Iterator", "ItemsPath", "ItemSelector", "Parameters", "MaxConcurrency",
                  "MaxConcurrencyPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
                  "ToleratedFailureCount", "ToleratedFailureCountPath", "ItemReader", "ItemBatcher",
                  "ResultWriter", "Label", "InputPath", "OutputPath", "ResultPath", "ResultSelector", "Retry",
                  "Catch", "Next", "End", "Assign"));
  private static final Map<String, Set<String>> JSONATA_FIELDS =
      Map.of(
          "Pass", Set.of("Output", "Assign", "Next", "End"),
          "Task",
              Set.of("Resource", "Arguments", "Output", "Assign", "TimeoutSeconds", "HeartbeatSeconds", "Retry", "Catch", "Next", "End", "Credentials"),
          "Choice", Set.of("Choices", "Default", "Output", "Assign"),
          "Wait", Set.of("Seconds", "Timestamp", "Output", "Assign", "Next", "End"),
          "Succeed", Set.of("Output"),
          "Fail", Set.of("Error", "Cause"),
          "Parallel", Set.of("Branches", "Arguments", "Output", "Assign", "Retry", "Catch", "Next", "End"),
          "Map",
              Set.of(
                  "ItemProcessor", "Iterator", "Items", "ItemSelector", "MaxConcurrency", "ToleratedFailurePercentage",
                  "ToleratedFailureCount", "ItemReader", "ItemBatcher", "ResultWriter", "Label", "Output", "Assign",
                  "Retry", "Catch", "Next", "End"));
  private static final Set<String> RETRIER_FIELDS =
      Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
  private static final Set<String> CATCHER_FIELDS =
      Set.of("ErrorEquals", "Next", "ResultPath", "Output", "Assign", "Comment");
  private static final Pattern RFC3339 =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");
  private static final Pattern VARIABLE_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

  /** Definitions are read strictly: a key written twice (two states of one name) is an error. */
  private static final com.fasterxml.jackson.databind.ObjectReader DEFINITION_READER =
      Json.MAPPER.reader().with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private final List<Diagnostic> problems = new ArrayList<>();
  private final Map<String, String> stateNames = new java.util.HashMap<>();
  private final Consumer<Diagnostic> sink = problems::add;

  private AslParser() {}

  /** Parses definition text; the result holds the machine or the problems. */
  static ParseResult parse(String text) {
    AslParser parser = new AslParser();
    JsonNode root;
    try {
      root = DEFINITION_READER.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw new IllegalArgumentException("No JSON content");
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      parser.problems.add(Diagnostic.error("INVALID_JSON_DESCRIPTION", Json.describe(e), "/"));
      return new ParseResult(null, parser.problems);
    } catch (IllegalArgumentException e) {
      parser.problems.add(Diagnostic.error("INVALID_JSON_DESCRIPTION", String.valueOf(e.getMessage()), "/"));
      return new ParseResult(null, parser.problems);
    }
    return parser.parseRoot(root, text);
  }

  /** Parses an already-parsed definition. */
  static ParseResult parse(JsonNode root) {
    return new AslParser().parseRoot(root, Json.write(root));
  }

  private ParseResult parseRoot(JsonNode root, String text) {
    if (!root.isObject()) {
      problems.add(Diagnostic.schema("Expected an object", "/"));
      return new ParseResult(null, problems);
    }
    unknownFields(root, TOP_LEVEL_FIELDS, "");
    QueryLanguage language = QueryLanguage.JSONPATH;
    JsonNode ql = root.get("QueryLanguage");
    if (ql != null) {
      QueryLanguage parsed = ql.isTextual() ? QueryLanguage.fromAsl(ql.asText()) : null;
      if (parsed == null) {
        problems.add(Diagnostic.schema("Value is not one of the allowed values [JSONPath, JSONata]", "/QueryLanguage"));
      } else {
        language = parsed;
      }
    }
    Integer timeout = null;
    JsonNode t = root.get("TimeoutSeconds");
    if (t != null) {
      timeout = positiveInt(t, "/TimeoutSeconds", 0);
    }
    JsonNode version = root.get("Version");
    if (version != null && !version.isTextual()) {
      problems.add(Diagnostic.schema("Expected a string", "/Version"));
    }
    StateGraph graph = parseGraph(root, "", language);
    if (graph != null) {
      checkReachability(graph);
      checkVariableScopes(graph, Set.of());
    }
    List<Diagnostic> errors = problems.stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty() || graph == null) {
      return new ParseResult(null, problems);
    }
    JsonNode comment = root.get("Comment");
    StateMachine machine =
        new StateMachine(graph, comment == null ? null : comment.asText(), timeout, language, root, text);
    return new ParseResult(machine, problems);
  }

  private StateGraph parseGraph(JsonNode node, String location, QueryLanguage language) {
    List<String> missing = new ArrayList<>();
    JsonNode startAt = node.get("StartAt");
    JsonNode states = node.get("States");
    if (startAt == null) {
      missing.add("StartAt");
    }
    if (states == null) {
      missing.add("States");
    }
    if (!missing.isEmpty()) {
      problems.add(Diagnostic.schema("These fields are required: " + missing, loc(location)));
      return null;
    }
    if (!startAt.isTextual()) {
      problems.add(Diagnostic.schema("Expected a string", location + "/StartAt"));
      return null;
    }
    if (!states.isObject()) {
      problems.add(Diagnostic.schema("Expected an object", location + "/States"));
      return null;
    }
    Map<String, State> parsed = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = states.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      String stateLocation = location + "/States/" + escape(name);
      if (name.isEmpty() || name.length() > 80) {
        problems.add(Diagnostic.schema("State names must be 1 to 80 characters long", stateLocation));
      }
      String first = stateNames.putIfAbsent(name, stateLocation);
      if (first != null) {
        problems.add(Diagnostic.error("DUPLICATE_STATE_NAME", "Duplicate State name: " + name, stateLocation));
      }
      State state = parseState(name, e.getValue(), stateLocation, language);
      if (state != null) {
        parsed.put(name, state);
      }
    }
    // Definition order is kept, for people reading reports.
    StateGraph graph = new StateGraph(startAt.asText(), java.util.Collections.unmodifiableMap(parsed), location);
    if (!states.has(startAt.asText())) {
      problems.add(
          Diagnostic.error(
              "MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + startAt.asText(), location + "/StartAt"));
    }
    checkTargets(graph, states);
    return graph;
  }

  private void checkTargets(StateGraph graph, JsonNode states) {
    for (State s : graph.states().values()) {
      String at = s.common().location();
      if (s.common().transition() != null && s.common().transition().next() != null) {
        target(states, s.common().transition().next(), at + "/Next");
      }
      if (s instanceof State.Choice c) {
        for (State.ChoiceBranch b : c.choices()) {
          if (b.next() != null) {
            target(states, b.next(), b.location() + "/Next");
          }
        }
        if (c.defaultNext() != null) {
          target(states, c.defaultNext(), at + "/Default");
        }
      }
      List<Catcher> catchers = s.catchers();
      for (int i = 0; i < catchers.size(); i++) {
        if (catchers.get(i).next() != null) {
          target(states, catchers.get(i).next(), at + "/Catch/" + i + "/Next");
        }
      }
    }
  }

  private void target(JsonNode states, String name, String location) {
    if (!states.has(name)) {
      problems.add(Diagnostic.error("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + name, location));
    }
  }

  private void checkReachability(StateGraph graph) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(graph.startAt());
    boolean terminal = false;
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (!seen.add(name)) {
        continue;
      }
      State s = graph.state(name);
      if (s == null) {
        continue;
      }
      for (String next : successors(s)) {
        todo.add(next);
      }
      terminal |= s instanceof State.Succeed || s instanceof State.Fail
          || (s.common().transition() != null && s.common().transition().end());
      if (s instanceof State.Parallel p) {
        p.branches().forEach(this::checkReachability);
      } else if (s instanceof State.Map m && m.processor() != null) {
        checkReachability(m.processor());
      }
    }
    for (State s : graph.states().values()) {
      if (!seen.contains(s.name())) {
        problems.add(
            Diagnostic.error(
                "MISSING_TRANSITION_TARGET", "State \"" + s.name() + "\" is not reachable.", s.common().location()));
      }
    }
    if (!terminal && graph.state(graph.startAt()) != null) {
      problems.add(
          Diagnostic.error("MISSING_TERMINAL_STATE", "Workflow has no terminal state", loc(graph.location())));
    }
  }

  /**
   * Variables are unique across nested scopes: a Parallel branch or inline Map iteration may read
   * the names its enclosing scopes' states assign, but may not assign them itself. Distributed
   * Map children start a new scope.
   */
  private void checkVariableScopes(StateGraph graph, Set<String> outer) {
    Set<String> here = new java.util.LinkedHashSet<>();
    Map<String, String> where = new java.util.HashMap<>();
    for (State s : graph.states().values()) {
      assignedNames(s.common().assign(), s.common().location() + "/Assign", here, where);
      if (s instanceof State.Choice c) {
        for (State.ChoiceBranch b : c.choices()) {
          assignedNames(b.assign(), b.location() + "/Assign", here, where);
        }
      }
      // A catcher's Assign is not counted: AWS accepts a branch assigning a name that only the
      // enclosing Parallel's catcher assigns (recorded in test_parallel_catch_error).
    }
    for (String name : here) {
      if (outer.contains(name)) {
        problems.add(Diagnostic.schema(
            "The variable '" + name + "' is assigned in an outer scope and cannot be assigned in a nested scope",
            where.get(name)));
      }
    }
    Set<String> visible = new java.util.HashSet<>(outer);
    visible.addAll(here);
    for (State s : graph.states().values()) {
      if (s instanceof State.Parallel p) {
        p.branches().forEach(b -> checkVariableScopes(b, visible));
      } else if (s instanceof State.Map m && m.processor() != null) {
        checkVariableScopes(m.processor(), m.distributed() ? Set.of() : visible);
      }
    }
  }

  private static void assignedNames(Assignment assign, String location, Set<String> names, Map<String, String> where) {
    if (assign == null) {
      return;
    }
    JsonNode block = assign.jsonPath() != null ? assign.jsonPath().literal() : assign.jsonata().template();
    Iterator<String> it = block.fieldNames();
    while (it.hasNext()) {
      String key = it.next();
      String name = key.endsWith(".$") && assign.jsonPath() != null ? key.substring(0, key.length() - 2) : key;
      names.add(name);
      where.putIfAbsent(name, location + "/" + escape(key));
    }
  }

  private static List<String> successors(State s) {
    List<String> out = new ArrayList<>();
    if (s.common().transition() != null && s.common().transition().next() != null) {
      out.add(s.common().transition().next());
    }
    if (s instanceof State.Choice c) {
      c.choices().forEach(b -> out.add(b.next()));
      if (c.defaultNext() != null) {
        out.add(c.defaultNext());
      }
    }
    s.catchers().forEach(c -> out.add(c.next()));
    out.removeIf(java.util.Objects::isNull);
    return out;
  }

  private State parseState(String name, JsonNode node, String at, QueryLanguage inherited) {
    if (!node.isObject()) {
      problems.add(Diagnostic.schema("Expected an object", at));
      return null;
    }
    JsonNode typeNode = node.get("Type");
    if (typeNode == null) {
      problems.add(Diagnostic.schema("These fields are required: [Type]", at));
      return null;
    }
    String type = typeNode.asText();
    if (!JSONPATH_FIELDS.containsKey(type)) {
      problems.add(
          Diagnostic.schema(
              "Value is not one of the allowed values [Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map]",
              at + "/Type"));
      return null;
    }
    QueryLanguage language = inherited;
    JsonNode ql = node.get("QueryLanguage");
    if (ql != null) {
      QueryLanguage parsed = ql.isTextual() ? QueryLanguage.fromAsl(ql.asText()) : null;
      if (parsed == null) {
        problems.add(Diagnostic.schema("Value is not one of the allowed values [JSONPath, JSONata]", at + "/QueryLanguage"));
      } else if (parsed == QueryLanguage.JSONPATH && inherited == QueryLanguage.JSONATA) {
        problems.add(
            Diagnostic.schema(
                "The QueryLanguage 'JSONPath' cannot be used in a state whose state machine uses 'JSONata'",
                at + "/QueryLanguage"));
      } else {
        language = parsed;
      }
    }
    boolean jsonata = language == QueryLanguage.JSONATA;
    Set<String> allowed = (jsonata ? JSONATA_FIELDS : JSONPATH_FIELDS).get(type);
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      if (COMMON.contains(field) || allowed.contains(field)) {
        continue;
      }
      if (jsonata && JSONPATH_FIELDS.get(type).contains(field)) {
        problems.add(
            Diagnostic.schema(
                "The field '" + field + "' is not supported for the JSONata query language", at + "/" + field));
      } else if (!jsonata && JSONATA_FIELDS.get(type).contains(field)) {
        problems.add(
            Diagnostic.schema(
                "The field '" + field + "' is only supported for the JSONata query language", at + "/" + field));
      } else {
        problems.add(Diagnostic.schema("Field '" + field + "' is not supported", at + "/" + field));
      }
    }

    Transition transition = null;
    boolean terminalType = type.equals("Choice") || type.equals("Succeed") || type.equals("Fail");
    if (!terminalType) {
      transition = transition(node, at);
    }
    Io io = jsonata ? jsonataIo(node, at, type) : jsonPathIo(node, at, type);
    Assignment assign = assignment(node.get("Assign"), at + "/Assign", language);
    StateCommon common = new StateCommon(name, type, at, language, transition, io, assign);

    return switch (type) {
      case "Pass" -> new State.Pass(common, jsonata ? null : node.get("Result"));
      case "Task" -> parseTask(common, node, at, language);
      case "Choice" -> parseChoice(common, node, at, language);
      case "Wait" -> parseWait(common, node, at, language);
      case "Succeed" -> new State.Succeed(common);
      case "Fail" -> parseFail(common, node, at, language);
      case "Parallel" -> parseParallel(common, node, at, language);
      default -> parseMap(common, node, at, language);
    };
  }

  private Transition transition(JsonNode node, String at) {
    JsonNode next = node.get("Next");
    JsonNode end = node.get("End");
    boolean isEnd = end != null && end.isBoolean() && end.asBoolean();
    if (end != null && !end.isBoolean()) {
      problems.add(Diagnostic.schema("Expected a boolean", at + "/End"));
    }
    if (next != null && isEnd) {
      problems.add(Diagnostic.schema("Only one of these fields is allowed: [Next, End]", at));
      return Transition.END;
    }
    if (next == null && !isEnd) {
      problems.add(Diagnostic.schema("These fields are required: [Next, End]", at));
      return Transition.END;
    }
    if (next != null) {
      if (!next.isTextual()) {
        problems.add(Diagnostic.schema("Expected a string", at + "/Next"));
        return Transition.END;
      }
      return Transition.to(next.asText());
    }
    return Transition.END;
  }

  private Io jsonPathIo(JsonNode node, String at, String type) {
    Io.Selector inputPath = selector(node, "InputPath", at);
    Io.Selector outputPath = selector(node, "OutputPath", at);
    PayloadTemplate parameters = null;
    JsonNode params = node.get(type.equals("Map") && node.has("ItemSelector") ? "ItemSelector" : "Parameters");
    if (params != null && !type.equals("Map")) {
      parameters = template(params, at + "/Parameters");
    }
    PayloadTemplate resultSelector = null;
    if (node.has("ResultSelector")) {
      resultSelector = template(node.get("ResultSelector"), at + "/ResultSelector");
    }
    ResultPath resultPath = resultPath(node.get("ResultPath"), at + "/ResultPath");
    if (parameters == null && resultSelector == null && resultPath == ResultPath.REPLACE
        && inputPath == Io.Selector.IDENTITY && outputPath == Io.Selector.IDENTITY) {
      return Io.JsonPathIo.DEFAULT;
    }
    return new Io.JsonPathIo(inputPath, parameters, resultSelector, resultPath, outputPath);
  }

  private Io.Selector selector(JsonNode node, String field, String at) {
    if (!node.has(field)) {
      return Io.Selector.IDENTITY;
    }
    JsonNode value = node.get(field);
    if (value.isNull()) {
      return Io.Selector.DISCARD;
    }
    Path path = path(value, field, at + "/" + field, "The value for the field '" + field + "' must be a valid JSONPath");
    return path == null ? Io.Selector.IDENTITY : Io.Selector.of(path);
  }

  private Path path(JsonNode value, String field, String location, String message) {
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      try {
        return Path.compile(value.asText());
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    problems.add(Diagnostic.schema(message, location));
    return null;
  }

  private PayloadTemplate template(JsonNode node, String location) {
    return PayloadTemplate.compile(node, location, sink);
  }

  private Io jsonataIo(JsonNode node, String at, String type) {
    JsonataTemplate arguments = jsonata(node.get("Arguments"), "Arguments", at);
    JsonataTemplate output = jsonata(node.get("Output"), "Output", at);
    if (node.has("Arguments") && type.equals("Task")) {
      JsonNode args = node.get("Arguments");
      if (!args.isObject() && !(args.isTextual() && JsonataTemplate.isExpression(args.asText()))) {
        problems.add(Diagnostic.schema("The field 'Arguments' must be an object or a JSONata expression", at + "/Arguments"));
      }
    }
    return new Io.JsonataIo(arguments, output);
  }

  private JsonataTemplate jsonata(JsonNode node, String field, String at) {
    if (node == null) {
      return null;
    }
    try {
      return JsonataTemplate.compile(node, field);
    } catch (JsonataSyntaxException e) {
      problems.add(Diagnostic.schema(String.valueOf(e.getMessage()), at + "/" + field));
      return null;
    }
  }

  private Assignment assignment(JsonNode node, String location, QueryLanguage language) {
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      problems.add(Diagnostic.schema("Expected an object", location));
      return null;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      String name = language == QueryLanguage.JSONPATH && key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      if (!VARIABLE_NAME.matcher(name).matches() || name.length() > 80) {
        problems.add(Diagnostic.schema("The variable name '" + name + "' is not valid", location + "/" + escape(key)));
      } else if (name.equals("states")) {
        problems.add(Diagnostic.schema("The variable name 'states' is reserved", location + "/" + escape(key)));
      }
    }
    if (language == QueryLanguage.JSONATA) {
      try {
        return new Assignment(null, JsonataTemplate.compile(node, "Assign"));
      } catch (JsonataSyntaxException e) {
        problems.add(Diagnostic.schema(String.valueOf(e.getMessage()), location));
        return null;
      }
    }
    return new Assignment(template(node, location), null);
  }

  private State parseTask(StateCommon common, JsonNode node, String at, QueryLanguage language) {
    JsonNode resource = node.get("Resource");
    if (resource == null) {
      problems.add(Diagnostic.schema("These fields are required: [Resource]", at));
    } else if (!resource.isTextual() || !resource.asText().startsWith("arn:")) {
      problems.add(Diagnostic.schema("The value for the field 'Resource' must be a valid ARN", at + "/Resource"));
    }
    ValueSource timeout = numberSource(node, "TimeoutSeconds", at, language, 1);
    ValueSource heartbeat = numberSource(node, "HeartbeatSeconds", at, language, 1);
    if (timeout != null && heartbeat != null && timeout.literal() != null && heartbeat.literal() != null
        && heartbeat.literal().asLong() >= timeout.literal().asLong()) {
      problems.add(
          Diagnostic.schema("HeartbeatSeconds must be smaller than TimeoutSeconds", at + "/HeartbeatSeconds"));
    }
    JsonNode credentials = node.get("Credentials");
    if (credentials != null) {
      if (!credentials.isObject()) {
        problems.add(Diagnostic.schema("Expected an object", at + "/Credentials"));
      } else if (!credentials.has("RoleArn") && !credentials.has("RoleArn.$")) {
        problems.add(Diagnostic.schema("The field 'RoleArn' is required but was missing", at + "/Credentials"));
      } else if (language == QueryLanguage.JSONPATH) {
        template(credentials, at + "/Credentials");
      }
    }
    return new State.Task(
        common,
        resource == null ? null : resource.asText(),
        timeout,
        heartbeat,
        credentials,
        retriers(node.get("Retry"), at + "/Retry"),
        catchers(node.get("Catch"), at + "/Catch", language));
  }

  private ValueSource numberSource(JsonNode node, String field, String at, QueryLanguage language, int min) {
    JsonNode literal = node.get(field);
    JsonNode pathNode = node.get(field + "Path");
    if (literal != null && pathNode != null) {
      problems.add(Diagnostic.schema("Only one of these fields is allowed: [" + field + ", " + field + "Path]", at));
    }
    if (literal != null) {
      if (language == QueryLanguage.JSONATA && literal.isTextual() && JsonataTemplate.isExpression(literal.asText())) {
        JsonataTemplate expression = jsonata(literal, field, at);
        return new ValueSource(null, null, expression, field);
      }
      if (!literal.isNumber() || (!literal.canConvertToLong() && !literal.isFloatingPointNumber())) {
        problems.add(Diagnostic.schema("Expected a number", at + "/" + field));
        return null;
      }
      if (literal.decimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0) {
        problems.add(Diagnostic.schema("Number must be >= " + min, at + "/" + field));
      }
      return ValueSource.literal(literal);
    }
    if (pathNode != null) {
      Path path = path(pathNode, field + "Path", at + "/" + field + "Path",
          "The value for the field '" + field + "Path' must be a valid JSONPath");
      return path == null ? null : new ValueSource(null, path, null, field + "Path");
    }
    return null;
  }

  private Integer positiveInt(JsonNode node, String location, int min) {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problems.add(Diagnostic.schema("Expected an integer", location));
      return null;
    }
    if (node.asInt() < min) {
      problems.add(Diagnostic.schema("Number must be >= " + min, location));
      return null;
    }
    return node.asInt();
  }

  /** The object elements of an array field (Retry, Catch), each with its location. */
  private List<Map.Entry<String, JsonNode>> objectElements(JsonNode node, String location) {
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      problems.add(Diagnostic.schema("Expected an array", location));
      return List.of();
    }
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String at = location + "/" + i;
      if (node.get(i).isObject()) {
        out.add(Map.entry(at, node.get(i)));
      } else {
        problems.add(Diagnostic.schema("Expected an object", at));
      }
    }
    return out;
  }

  /** A ResultPath value: null discards, otherwise a reference path. */
  private ResultPath resultPath(JsonNode rp, String location) {
    if (rp == null) {
      return ResultPath.REPLACE;
    }
    if (rp.isNull()) {
      return ResultPath.DISCARD;
    }
    if (rp.isTextual() && Path.isReferencePath(rp.asText())) {
      try {
        return ResultPath.compile(rp.asText());
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    problems.add(Diagnostic.schema("The value for the field 'ResultPath' must be a valid JSONPath", location));
    return ResultPath.REPLACE;
  }

  private List<Retrier> retriers(JsonNode node, String location) {
    List<Map.Entry<String, JsonNode>> elements = objectElements(node, location);
    List<Retrier> out = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      String at = elements.get(i).getKey();
      JsonNode r = elements.get(i).getValue();
      unknownFields(r, RETRIER_FIELDS, at);
      List<String> errors = errorEquals(r, at, i == node.size() - 1, "Retrier");
      int interval = intField(r, "IntervalSeconds", at, 1, 99_999_999, 1);
      int maxAttempts = intField(r, "MaxAttempts", at, 0, 99_999_999, 3);
      double backoff = 2.0;
      JsonNode b = r.get("BackoffRate");
      if (b != null) {
        if (!b.isNumber()) {
          problems.add(Diagnostic.schema("Expected a number", at + "/BackoffRate"));
        } else if (b.asDouble() < 1.0) {
          problems.add(Diagnostic.schema("Number must be >= 1.0", at + "/BackoffRate"));
        } else {
          backoff = b.asDouble();
        }
      }
      Integer maxDelay = null;
      if (r.has("MaxDelaySeconds")) {
        maxDelay = intField(r, "MaxDelaySeconds", at, 1, 31_622_400, 1);
      }
      boolean jitter = false;
      JsonNode j = r.get("JitterStrategy");
      if (j != null) {
        if (!j.isTextual() || !(j.asText().equals("FULL") || j.asText().equals("NONE"))) {
          problems.add(Diagnostic.schema("Value is not one of the allowed values [FULL, NONE]", at + "/JitterStrategy"));
        } else {
          jitter = j.asText().equals("FULL");
        }
      }
      out.add(new Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter));
    }
    return List.copyOf(out);
  }

  private int intField(JsonNode node, String field, String at, int min, int max, int defaultValue) {
    JsonNode v = node.get(field);
    if (v == null) {
      return defaultValue;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      problems.add(Diagnostic.schema("Expected an integer", at + "/" + field));
      return defaultValue;
    }
    if (v.asInt() < min) {
      problems.add(Diagnostic.schema("Number must be >= " + min, at + "/" + field));
      return defaultValue;
    }
    if (v.asInt() > max) {
      problems.add(Diagnostic.schema("Number must be <= " + max, at + "/" + field));
      return defaultValue;
    }
    return v.asInt();
  }

  private List<String> errorEquals(JsonNode node, String at, boolean last, String what) {
    JsonNode e = node.get("ErrorEquals");
    if (e == null) {
      problems.add(Diagnostic.schema("These fields are required: [ErrorEquals]", at));
      return List.of();
    }
    if (!e.isArray() || e.isEmpty()) {
      problems.add(Diagnostic.schema("ErrorEquals must be a non-empty array of strings", at + "/ErrorEquals"));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : e) {
      if (!n.isTextual()) {
        problems.add(Diagnostic.schema("Expected a string", at + "/ErrorEquals"));
        continue;
      }
      out.add(n.asText());
    }
    if (out.contains(ErrorNames.ALL)) {
      if (out.size() > 1) {
        problems.add(
            Diagnostic.schema("States.ALL must appear alone in ErrorEquals", at + "/ErrorEquals"));
      } else if (!last) {
        problems.add(
            Diagnostic.schema(what + " with States.ALL must be the last one in its list", at + "/ErrorEquals"));
      }
    }
    return List.copyOf(out);
  }

  private List<Catcher> catchers(JsonNode node, String location, QueryLanguage language) {
    List<Map.Entry<String, JsonNode>> elements = objectElements(node, location);
    List<Catcher> out = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      String at = elements.get(i).getKey();
      JsonNode c = elements.get(i).getValue();
      unknownFields(c, CATCHER_FIELDS, at);
      List<String> errors = errorEquals(c, at, i == node.size() - 1, "Catcher");
      JsonNode next = c.get("Next");
      if (next == null || !next.isTextual()) {
        problems.add(Diagnostic.schema("These fields are required: [Next]", at));
      }
      ResultPath resultPath = ResultPath.REPLACE;
      JsonataTemplate output = null;
      if (language == QueryLanguage.JSONATA) {
        if (c.has("ResultPath")) {
          problems.add(
              Diagnostic.schema("The field 'ResultPath' is not supported for the JSONata query language", at + "/ResultPath"));
        }
        output = jsonata(c.get("Output"), "Output", at);
      } else {
        if (c.has("Output")) {
          problems.add(
              Diagnostic.schema("The field 'Output' is only supported for the JSONata query language", at + "/Output"));
        }
        resultPath = resultPath(c.get("ResultPath"), at + "/ResultPath");
      }
      Assignment assign = assignment(c.get("Assign"), at + "/Assign", language);
      out.add(new Catcher(errors, next == null ? null : next.asText(), resultPath, output, assign));
    }
    return List.copyOf(out);
  }

  private State parseChoice(StateCommon common, JsonNode node, String at, QueryLanguage language) {
    JsonNode choices = node.get("Choices");
    List<State.ChoiceBranch> branches = new ArrayList<>();
    if (choices == null) {
      problems.add(Diagnostic.schema("These fields are required: [Choices]", at));
    } else if (!choices.isArray() || choices.isEmpty()) {
      problems.add(Diagnostic.schema("Choices must be a non-empty array", at + "/Choices"));
    } else {
      for (int i = 0; i < choices.size(); i++) {
        JsonNode rule = choices.get(i);
        String ruleAt = at + "/Choices/" + i;
        if (!rule.isObject()) {
          problems.add(Diagnostic.schema("Expected an object", ruleAt));
          continue;
        }
        JsonNode next = rule.get("Next");
        if (next == null || !next.isTextual()) {
          problems.add(Diagnostic.schema("These fields are required: [Next]", ruleAt));
        }
        ChoiceRule parsed = null;
        JsonataTemplate condition = null;
        JsonataTemplate output = null;
        if (language == QueryLanguage.JSONATA) {
          JsonNode cond = rule.get("Condition");
          if (cond == null) {
            problems.add(Diagnostic.schema("These fields are required: [Condition]", ruleAt));
          } else {
            condition = jsonata(cond, "Condition", ruleAt);
          }
          output = jsonata(rule.get("Output"), "Output", ruleAt);
          Iterator<String> names = rule.fieldNames();
          while (names.hasNext()) {
            String f = names.next();
            if (!Set.of("Condition", "Next", "Comment", "Assign", "Output").contains(f)) {
              problems.add(Diagnostic.schema("Field '" + f + "' is not supported", ruleAt + "/" + f));
            }
          }
        } else {
          parsed = ChoiceRuleParser.parse(rule, ruleAt, true, sink);
        }
        Assignment assign = assignment(rule.get("Assign"), ruleAt + "/Assign", language);
        branches.add(
            new State.ChoiceBranch(parsed, condition, next == null ? null : next.asText(), assign, output, ruleAt));
      }
    }
    JsonNode def = node.get("Default");
    if (def != null && !def.isTextual()) {
      problems.add(Diagnostic.schema("Expected a string", at + "/Default"));
      def = null;
    }
    return new State.Choice(common, List.copyOf(branches), def == null ? null : def.asText());
  }

  private State parseWait(StateCommon common, JsonNode node, String at, QueryLanguage language) {
    int count = 0;
    for (String f : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
      if (node.has(f)) {
        count++;
      }
    }
    if (count != 1) {
      problems.add(
          Diagnostic.schema(
              "Exactly one of these fields is required: [Seconds, SecondsPath, Timestamp, TimestampPath]", at));
    }
    ValueSource seconds = null;
    ValueSource timestamp = null;
    if (node.has("Seconds")) {
      JsonNode s = node.get("Seconds");
      if (language == QueryLanguage.JSONATA && s.isTextual() && JsonataTemplate.isExpression(s.asText())) {
        seconds = new ValueSource(null, null, jsonata(s, "Seconds", at), "Seconds");
      } else if (!s.isIntegralNumber()) {
        problems.add(Diagnostic.schema("Expected an integer", at + "/Seconds"));
      } else if (s.asLong() < 0) {
        problems.add(Diagnostic.schema("Number must be >= 0", at + "/Seconds"));
      } else {
        seconds = ValueSource.literal(s);
      }
    } else if (node.has("SecondsPath")) {
      Path p = path(node.get("SecondsPath"), "SecondsPath", at + "/SecondsPath",
          "The value for the field 'SecondsPath' must be a valid JSONPath");
      seconds = p == null ? null : new ValueSource(null, p, null, "SecondsPath");
    }
    if (node.has("Timestamp")) {
      JsonNode t = node.get("Timestamp");
      if (language == QueryLanguage.JSONATA && t.isTextual() && JsonataTemplate.isExpression(t.asText())) {
        timestamp = new ValueSource(null, null, jsonata(t, "Timestamp", at), "Timestamp");
      } else if (!t.isTextual() || !isRfc3339(t.asText())) {
        problems.add(Diagnostic.schema("String does not match RFC3339 timestamp", at + "/Timestamp"));
      } else {
        timestamp = ValueSource.literal(t);
      }
    } else if (node.has("TimestampPath")) {
      Path p = path(node.get("TimestampPath"), "TimestampPath", at + "/TimestampPath",
          "The value for the field 'TimestampPath' must be a valid JSONPath");
      timestamp = p == null ? null : new ValueSource(null, p, null, "TimestampPath");
    }
    return new State.Wait(common, seconds, timestamp);
  }

  /** True for an RFC 3339 date-time with an upper-case T and a Z or numeric offset. */
  static boolean isRfc3339(String text) {
    if (!RFC3339.matcher(text).matches()) {
      return false;
    }
    try {
      OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private State parseFail(StateCommon common, JsonNode node, String at, QueryLanguage language) {
    String error = null;
    String cause = null;
    JsonataTemplate errorExpr = null;
    JsonataTemplate causeExpr = null;
    if (node.has("Error") && node.has("ErrorPath")) {
      problems.add(Diagnostic.schema("Only one of these fields is allowed: [Error, ErrorPath]", at));
    }
    if (node.has("Cause") && node.has("CausePath")) {
      problems.add(Diagnostic.schema("Only one of these fields is allowed: [Cause, CausePath]", at));
    }
    JsonNode e = node.get("Error");
    if (e != null) {
      if (!e.isTextual()) {
        problems.add(Diagnostic.schema("Expected a string", at + "/Error"));
      } else if (language == QueryLanguage.JSONATA && JsonataTemplate.isExpression(e.asText())) {
        errorExpr = jsonata(e, "Error", at);
      } else {
        error = e.asText();
      }
    }
    JsonNode c = node.get("Cause");
    if (c != null) {
      if (!c.isTextual()) {
        problems.add(Diagnostic.schema("Expected a string", at + "/Cause"));
      } else if (language == QueryLanguage.JSONATA && JsonataTemplate.isExpression(c.asText())) {
        causeExpr = jsonata(c, "Cause", at);
      } else {
        cause = c.asText();
      }
    }
    DynamicValue errorPath = dynamic(node.get("ErrorPath"), "ErrorPath", at);
    DynamicValue causePath = dynamic(node.get("CausePath"), "CausePath", at);
    return new State.Fail(common, error, cause, errorPath, causePath, errorExpr, causeExpr);
  }

  private DynamicValue dynamic(JsonNode node, String field, String at) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      try {
        return DynamicValue.compile(node.asText());
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    problems.add(
        Diagnostic.schema(
            "The value for the field '" + field + "' must be a valid JSONPath or a valid intrinsic function call",
            at + "/" + field));
    return null;
  }

  private State parseParallel(StateCommon common, JsonNode node, String at, QueryLanguage language) {
    JsonNode branches = node.get("Branches");
    List<StateGraph> graphs = new ArrayList<>();
    if (branches == null) {
      problems.add(Diagnostic.schema("These fields are required: [Branches]", at));
    } else if (!branches.isArray() || branches.isEmpty()) {
      problems.add(Diagnostic.schema("Branches must be a non-empty array", at + "/Branches"));
    } else {
      for (int i = 0; i < branches.size(); i++) {
        JsonNode b = branches.get(i);
        String bAt = at + "/Branches/" + i;
        if (!b.isObject()) {
          problems.add(Diagnostic.schema("Expected an object", bAt));
          continue;
        }
        unknownFields(b, Set.of("StartAt", "States", "Comment", "QueryLanguage"), bAt);
        StateGraph g = parseGraph(b, bAt, language);
        if (g != null) {
          graphs.add(g);
        }
      }
    }
    return new State.Parallel(
        common,
        List.copyOf(graphs),
        retriers(node.get("Retry"), at + "/Retry"),
        catchers(node.get("Catch"), at + "/Catch", language));
  }

  private State parseMap(StateCommon common, JsonNode node, String at, QueryLanguage language) {
    JsonNode processor = node.get("ItemProcessor");
    String processorField = "ItemProcessor";
    if (processor == null) {
      processor = node.get("Iterator");
      processorField = "Iterator";
    }
    StateGraph graph = null;
    boolean distributed = false;
    String executionType = null;
    if (processor == null) {
      problems.add(Diagnostic.schema("These fields are required: [ItemProcessor]", at));
    } else if (!processor.isObject()) {
      problems.add(Diagnostic.schema("Expected an object", at + "/" + processorField));
    } else {
      String pAt = at + "/" + processorField;
      unknownFields(processor, Set.of("StartAt", "States", "Comment", "ProcessorConfig", "QueryLanguage"), pAt);
      JsonNode config = processor.get("ProcessorConfig");
      if (config != null) {
        JsonNode mode = config.get("Mode");
        if (mode != null) {
          if (!mode.isTextual() || !(mode.asText().equals("INLINE") || mode.asText().equals("DISTRIBUTED"))) {
            problems.add(Diagnostic.schema("Value is not one of the allowed values [INLINE, DISTRIBUTED]", pAt + "/ProcessorConfig/Mode"));
          } else {
            distributed = mode.asText().equals("DISTRIBUTED");
          }
        }
        JsonNode type = config.get("ExecutionType");
        if (type != null) {
          if (!type.isTextual() || !(type.asText().equals("STANDARD") || type.asText().equals("EXPRESS"))) {
            problems.add(
                Diagnostic.schema("Value is not one of the allowed values [STANDARD, EXPRESS]", pAt + "/ProcessorConfig/ExecutionType"));
          } else {
            executionType = type.asText();
          }
        }
      }
      graph = parseGraph(processor, pAt, language);
    }
    Path itemsPath = null;
    JsonataTemplate items = null;
    PayloadTemplate itemSelector = null;
    JsonataTemplate itemSelectorJsonata = null;
    if (language == QueryLanguage.JSONATA) {
      JsonNode itemsNode = node.get("Items");
      if (itemsNode != null) {
        items = jsonata(itemsNode, "Items", at);
      }
      itemSelectorJsonata = jsonata(node.get("ItemSelector"), "ItemSelector", at);
    } else {
      JsonNode ip = node.get("ItemsPath");
      if (ip != null) {
        if (!ip.isTextual() || !Path.isReferencePath(ip.asText()) && !ip.asText().startsWith("$$")) {
          problems.add(Diagnostic.schema("The value for the field 'ItemsPath' must be a valid JSONPath", at + "/ItemsPath"));
        } else {
          itemsPath = path(ip, "ItemsPath", at + "/ItemsPath", "The value for the field 'ItemsPath' must be a valid JSONPath");
        }
      }
      if (node.has("ItemSelector") && node.has("Parameters")) {
        problems.add(Diagnostic.schema("Only one of these fields is allowed: [ItemSelector, Parameters]", at));
      }
      JsonNode selector = node.has("ItemSelector") ? node.get("ItemSelector") : node.get("Parameters");
      if (selector != null) {
        itemSelector = template(selector, at + (node.has("ItemSelector") ? "/ItemSelector" : "/Parameters"));
      }
    }
    ValueSource maxConcurrency = numberSource(node, "MaxConcurrency", at, language, 0);
    ValueSource percentage = numberSource(node, "ToleratedFailurePercentage", at, language, 0);
    if (percentage != null && percentage.literal() != null && percentage.literal().asDouble() > 100) {
      problems.add(Diagnostic.schema("Number must be <= 100", at + "/ToleratedFailurePercentage"));
    }
    ValueSource count = numberSource(node, "ToleratedFailureCount", at, language, 0);
    JsonNode label = node.get("Label");
    if (label != null && (!label.isTextual() || label.asText().length() > 40)) {
      problems.add(Diagnostic.schema("Label must be a string of at most 40 characters", at + "/Label"));
    }
    return new State.Map(
        common,
        graph,
        distributed,
        executionType,
        itemsPath,
        items,
        itemSelector,
        itemSelectorJsonata,
        maxConcurrency,
        percentage,
        count,
        node.get("ItemReader"),
        node.get("ItemBatcher"),
        node.get("ResultWriter"),
        label == null ? null : label.asText(),
        retriers(node.get("Retry"), at + "/Retry"),
        catchers(node.get("Catch"), at + "/Catch", language));
  }

  private void unknownFields(JsonNode node, Set<String> allowed, String at) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (!allowed.contains(f)) {
        problems.add(Diagnostic.schema("Field '" + f + "' is not supported", at + "/" + escape(f)));
      }
    }
  }

  private static String loc(String location) {
    return location.isEmpty() ? "/" : location;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /**
   * What parsing produced.
   *
   * @param machine the machine, or null when any error was found
   * @param diagnostics every problem, errors and warnings
   */
  record ParseResult(StateMachine machine, List<Diagnostic> diagnostics) {}
}
