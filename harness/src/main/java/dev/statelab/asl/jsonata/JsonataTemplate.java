package dev.statelab.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON value whose string leaves may be {@code "{% expr %}"} JSONata expressions, at any depth,
 * compiled once when the definition is loaded.
 *
 * <p>Instances are immutable and may be evaluated concurrently from several threads.
 */
public final class JsonataTemplate {

  private static final String OPEN = "{%";
  private static final String CLOSE = "%}";

  /** The names of JSONata's built-in functions and the ones Step Functions adds. */
  private static final Set<String> FUNCTION_NAMES =
      Set.of(
          "sum",
          "count",
          "max",
          "min",
          "average",
          "string",
          "substring",
          "substringBefore",
          "substringAfter",
          "lowercase",
          "uppercase",
          "length",
          "trim",
          "pad",
          "match",
          "contains",
          "replace",
          "split",
          "join",
          "formatNumber",
          "formatBase",
          "formatInteger",
          "parseInteger",
          "number",
          "floor",
          "ceil",
          "round",
          "abs",
          "sqrt",
          "power",
          "random",
          "boolean",
          "not",
          "map",
          "zip",
          "filter",
          "single",
          "reduce",
          "sift",
          "keys",
          "lookup",
          "append",
          "exists",
          "spread",
          "merge",
          "reverse",
          "each",
          "error",
          "assert",
          "type",
          "sort",
          "shuffle",
          "distinct",
          "base64encode",
          "base64decode",
          "encodeUrlComponent",
          "encodeUrl",
          "decodeUrlComponent",
          "decodeUrl",
          "eval",
          "toMillis",
          "fromMillis",
          "clone",
          "now",
          "millis",
          "partition",
          "range",
          "hash",
          "uuid",
          "parse");

  private final JsonNode template;
  private final String fieldName;
  private final Part root;
  private final List<CompiledExpression> expressions;
  private final Set<String> referencedVariables;
  private final Set<String> statesFields;
  private final boolean wholeStates;

  private JsonataTemplate(
      JsonNode template, String fieldName, Part root, List<CompiledExpression> expressions) {
    this.template = template;
    this.fieldName = fieldName;
    this.root = root;
    this.expressions = List.copyOf(expressions);
    Set<String> variables = new LinkedHashSet<>();
    Set<String> fields = new LinkedHashSet<>();
    boolean whole = false;
    for (CompiledExpression expression : expressions) {
      for (String name : expression.scan().freeReferences()) {
        if (!FUNCTION_NAMES.contains(name) && !expression.scan().functionsOnly().contains(name)) {
          variables.add(name);
        }
      }
      fields.addAll(expression.scan().statesFields());
      whole |= expression.scan().wholeStates();
    }
    this.referencedVariables = Collections.unmodifiableSet(variables);
    this.statesFields = Collections.unmodifiableSet(fields);
    this.wholeStates = whole;
  }

  /** True when a string is exactly one JSONata expression {@code "{% ... %}"}. */
  public static boolean isExpression(String s) {
    return s != null
        && s.length() >= OPEN.length() + CLOSE.length()
        && s.startsWith(OPEN)
        && s.endsWith(CLOSE);
  }

  /** The text AWS quotes for an expression string: what lies between the delimiters, trimmed. */
  public static String expressionText(String s) {
    if (!isExpression(s)) {
      throw new IllegalArgumentException("Not a JSONata expression: " + s);
    }
    return s.substring(OPEN.length(), s.length() - CLOSE.length()).trim();
  }

  /**
   * Compiles a template.
   *
   * @param template the field's value from the definition
   * @param fieldName the ASL field ({@code Arguments}, {@code Output}, {@code Assign}, {@code
   *     Items}, {@code Condition}, {@code TimeoutSeconds}, ...); nested values are named {@code
   *     Output/result}, {@code Items/1}
   * @throws JsonataSyntaxException when an expression does not parse
   */
  public static JsonataTemplate compile(JsonNode template, String fieldName)
      throws JsonataSyntaxException {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(fieldName, "fieldName");
    List<CompiledExpression> expressions = new ArrayList<>();
    Part root = compilePart(template, fieldName, expressions);
    return new JsonataTemplate(template.deepCopy(), fieldName, root, expressions);
  }

  private static Part compilePart(JsonNode node, String path, List<CompiledExpression> expressions)
      throws JsonataSyntaxException {
    if (node.isTextual() && isExpression(node.textValue())) {
      CompiledExpression expression =
          CompiledExpression.compile(expressionText(node.textValue()), path);
      expressions.add(expression);
      return new ExpressionPart(expression);
    }
    if (node.isObject()) {
      List<Map.Entry<String, Part>> fields = new ArrayList<>(node.size());
      boolean constant = true;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        Part part = compilePart(field.getValue(), path + "/" + field.getKey(), expressions);
        constant &= part instanceof ConstantPart;
        fields.add(Map.entry(field.getKey(), part));
      }
      return constant ? new ConstantPart(node.deepCopy()) : new ObjectPart(List.copyOf(fields));
    }
    if (node.isArray()) {
      List<Part> elements = new ArrayList<>(node.size());
      boolean constant = true;
      for (int i = 0; i < node.size(); i++) {
        Part part = compilePart(node.get(i), path + "/" + i, expressions);
        constant &= part instanceof ConstantPart;
        elements.add(part);
      }
      return constant ? new ConstantPart(node.deepCopy()) : new ArrayPart(List.copyOf(elements));
    }
    return new ConstantPart(node.deepCopy());
  }

  /**
   * Evaluates the template.
   *
   * @return a new JSON value
   * @throws StatesError {@code States.QueryEvaluationError} with AWS's cause (without the state
   *     prefix) when an expression fails or returns nothing
   */
  public JsonNode evaluate(JsonataBindings bindings) {
    if (root instanceof ConstantPart constant) {
      return constant.value().deepCopy();
    }
    Objects.requireNonNull(bindings, "bindings");
    EvaluationScope scope = new EvaluationScope(bindings, statesFields, wholeStates);
    return evaluatePart(root, scope);
  }

  /**
   * Evaluates the template and checks the value's type, as Items, Condition and the numeric fields
   * need.
   *
   * @throws StatesError {@code States.QueryEvaluationError} "returned an unexpected result type"
   *     when the value has another type
   */
  public JsonNode evaluate(JsonataBindings bindings, ExpectedType expected) {
    JsonNode value = evaluate(bindings);
    if (!expected.matches(value)) {
      String expression = singleExpression().orElse(Json.write(template));
      throw JsonataErrors.unexpectedType(expression, fieldName, expected.awsName(), value);
    }
    return value;
  }

  private static JsonNode evaluatePart(Part part, EvaluationScope scope) {
    if (part instanceof ConstantPart constant) {
      JsonNode value = constant.value();
      return value.isContainerNode() ? value.deepCopy() : value;
    }
    if (part instanceof ExpressionPart e) {
      CompiledExpression expression = e.expression();
      Object result = expression.evaluate(scope);
      if (result == null) {
        throw JsonataErrors.undefinedResult(expression.text(), expression.field());
      }
      if (JsonConversion.isFunction(result)) {
        throw JsonataErrors.unsupportedType(expression.text(), expression.field());
      }
      try {
        return JsonConversion.fromJsonata(result);
      } catch (IllegalArgumentException ex) {
        // JSON cannot hold NaN or infinity; jsonata-js reports them as D1001 with the value as
        // JSON.
        throw JsonataErrors.evaluationFailed(
            expression.text(), expression.field(), "D1001: Number out of range: null");
      }
    }
    if (part instanceof ObjectPart object) {
      ObjectNode node = Json.object();
      for (Map.Entry<String, Part> field : object.fields()) {
        node.set(field.getKey(), evaluatePart(field.getValue(), scope));
      }
      return node;
    }
    ArrayPart array = (ArrayPart) part;
    ArrayNode node = Json.array();
    for (Part element : array.elements()) {
      node.add(evaluatePart(element, scope));
    }
    return node;
  }

  /**
   * Names of the workflow variables ({@code $name}) the template refers to, in order of first
   * appearance; {@code $states}, names bound inside expressions and function names are left out.
   */
  public Set<String> referencedVariables() {
    return referencedVariables;
  }

  /**
   * The {@code $states} fields the template reads ({@code input}, {@code context}, {@code result},
   * {@code errorOutput}); see {@link #readsWholeStates()} for {@code $states} used as a whole.
   */
  public Set<String> referencedStatesFields() {
    return statesFields;
  }

  /** True when an expression uses {@code $states} other than through {@code $states.field}. */
  public boolean readsWholeStates() {
    return wholeStates;
  }

  /** True when the template holds no expression: {@link #evaluate} returns a copy of it. */
  public boolean isConstant() {
    return root instanceof ConstantPart;
  }

  /** The expression text when the whole field is one expression, as AWS quotes it in causes. */
  public Optional<String> singleExpression() {
    return root instanceof ExpressionPart e ? Optional.of(e.expression().text()) : Optional.empty();
  }

  /** The texts of all expressions, in document order. */
  public List<String> expressions() {
    List<String> texts = new ArrayList<>(expressions.size());
    for (CompiledExpression expression : expressions) {
      texts.add(expression.text());
    }
    return Collections.unmodifiableList(texts);
  }

  /** The ASL field name the template was compiled for. */
  public String fieldName() {
    return fieldName;
  }

  /** A copy of the template as written in the definition. */
  public JsonNode template() {
    return template.deepCopy();
  }

  @Override
  public String toString() {
    return fieldName + "=" + Json.write(template);
  }

  /** A compiled piece of a template. */
  private sealed interface Part permits ConstantPart, ExpressionPart, ObjectPart, ArrayPart {}

  /** A value without expressions. */
  private record ConstantPart(JsonNode value) implements Part {}

  /** A {@code "{% ... %}"} string. */
  private record ExpressionPart(CompiledExpression expression) implements Part {}

  /** An object with at least one expression inside. */
  private record ObjectPart(List<Map.Entry<String, Part>> fields) implements Part {}

  /** An array with at least one expression inside. */
  private record ArrayPart(List<Part> elements) implements Part {}
}
