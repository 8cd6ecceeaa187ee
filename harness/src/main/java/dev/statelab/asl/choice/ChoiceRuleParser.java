package dev.statelab.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.Diagnostic;
import dev.statelab.asl.query.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Parses and statically validates JSONPath-mode Choice rules, reporting problems as AWS's
 * {@code SCHEMA_VALIDATION_FAILED} diagnostics.
 *
 * <p>Messages and where they point:
 *
 * <ul>
 *   <li>{@code Field 'X' is not supported} at the rule, for an unknown field, a {@code Next},
 *       {@code Assign} or {@code Output} in a nested rule, or a {@code Variable} beside
 *       {@code And}/{@code Or}/{@code Not};
 *   <li>{@code These fields are required: [Next]} / {@code [Variable]} at the rule;
 *   <li>{@code Expected value of type String|Number|Boolean|Array|Object} at the field;
 *   <li>{@code Value cannot be empty} at an empty {@code And}/{@code Or};
 *   <li>{@code Value is not a Reference Path: <reason>} at a {@code Variable} or {@code ...Path}
 *       operand that is not a reference path (field names and array indexes only, rooted at
 *       {@code $}, {@code $$} or {@code $name});
 *   <li>{@code String does not match RFC3339 timestamp} at a Timestamp literal that
 *       {@link Timestamps} rejects;
 *   <li>a rule with no operator, or more than one, at the rule.
 * </ul>
 *
 * <p>Nested rules are located below their parent ({@code .../Not}, {@code .../And/0}). Array
 * indexes follow the style of the location the caller passes: JSON-pointer segments
 * ({@code /Choices/0/And/1}) by default, or AWS's rendering ({@code /Choices[0]/And[1]}, as AWS
 * prints {@code /Branches[0]/States/X/Choices[0]/Variable}) when the rule's location ends with
 * a bracketed index.
 */
public final class ChoiceRuleParser {

  /** Field holding the path a data-test rule reads. */
  public static final String VARIABLE = "Variable";
  /** Field naming the state a matching top-level rule goes to. */
  public static final String NEXT = "Next";
  /** Logical conjunction field. */
  public static final String AND = "And";
  /** Logical disjunction field. */
  public static final String OR = "Or";
  /** Logical negation field. */
  public static final String NOT = "Not";
  /** Pattern-matching operator field. */
  public static final String STRING_MATCHES = "StringMatches";

  private static final String COMMENT = "Comment";
  private static final String ASSIGN = "Assign";
  private static final String OUTPUT = "Output";
  private static final String CONDITION = "Condition";

  private static final Pattern BRACKETED_INDEX = Pattern.compile("\\[\\d+]$");

  private ChoiceRuleParser() {}

  /**
   * Parses one rule object.
   *
   * @param rule the rule as written in the definition
   * @param location where the rule is, e.g. {@code /States/Check/Choices/0} (or AWS-style {@code
   *     /States/Check/Choices[0]})
   * @param topLevel true for an entry of {@code Choices}: {@code Next} is then required, and
   *     {@code Comment}, {@code Assign} and {@code Output} are accepted without being looked at
   *     (the Choice state handles them); false for a rule inside {@code And}/{@code Or}/{@code Not},
   *     which must not have {@code Next}
   * @param problems receives every problem found, in AWS's shape
   * @return the rule, or null when any problem was found in it
   */
  public static ChoiceRule parse(
      JsonNode rule, String location, boolean topLevel, Consumer<Diagnostic> problems) {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(problems, "problems");
    Counter counter = new Counter(problems, BRACKETED_INDEX.matcher(location).find());
    ChoiceRule parsed = parseRule(rule, location, topLevel, counter);
    return counter.count == 0 ? parsed : null;
  }

  private static ChoiceRule parseRule(
      JsonNode rule, String location, boolean topLevel, Counter problems) {
    if (rule == null || !rule.isObject()) {
      problems.accept(Diagnostic.schema("Expected value of type Object", location));
      return null;
    }
    int before = problems.count;
    List<String> operators = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : rule.properties()) {
      String name = field.getKey();
      if (isOperator(name)) {
        operators.add(name);
      } else {
        checkOtherField(name, field.getValue(), location, topLevel, problems);
      }
    }
    if (topLevel && !rule.has(NEXT)) {
      problems.accept(Diagnostic.schema("These fields are required: [Next]", location));
    }
    if (operators.size() != 1) {
      problems.accept(Diagnostic.schema(operatorCountMessage(operators), location));
      return null;
    }
    String operator = operators.get(0);
    JsonNode value = rule.get(operator);
    String valueLocation = location + "/" + operator;
    ChoiceRule parsed;
    if (operator.equals(AND) || operator.equals(OR) || operator.equals(NOT)) {
      if (rule.has(VARIABLE)) {
        problems.accept(notSupported(VARIABLE, location));
      }
      parsed = parseLogical(operator, value, valueLocation, problems);
    } else {
      Path variable = parseVariable(rule, location, problems);
      parsed = parseDataTest(operator, value, valueLocation, variable, problems);
    }
    return problems.count == before ? parsed : null;
  }

  /** Checks a field that is not an operator; Variable is checked later, with the operator. */
  private static void checkOtherField(
      String name, JsonNode value, String location, boolean topLevel, Counter problems) {
    boolean choiceStateField = name.equals(ASSIGN) || name.equals(OUTPUT);
    if (name.equals(VARIABLE) || name.equals(COMMENT) || (topLevel && choiceStateField)) {
      return;
    }
    if (name.equals(NEXT) && topLevel) {
      if (!value.isTextual()) {
        problems.accept(Diagnostic.schema("Expected value of type String", location + "/" + NEXT));
      }
    } else if (name.equals(CONDITION)) {
      problems.accept(
          Diagnostic.schema(
              "The QueryLanguage is set to 'JSONPath', but field 'Condition' is only supported"
                  + " for the 'JSONata' QueryLanguage",
              location));
    } else {
      problems.accept(notSupported(name, location));
    }
  }

  private static ChoiceRule parseLogical(
      String operator, JsonNode value, String location, Counter problems) {
    if (operator.equals(NOT)) {
      if (!value.isObject()) {
        problems.accept(Diagnostic.schema("Expected value of type Object", location));
        return null;
      }
      ChoiceRule inner = parseRule(value, location, false, problems);
      return inner == null ? null : new NotRule(inner);
    }
    if (!value.isArray()) {
      problems.accept(Diagnostic.schema("Expected value of type Array", location));
      return null;
    }
    if (value.isEmpty()) {
      problems.accept(Diagnostic.schema("Value cannot be empty", location));
      return null;
    }
    List<ChoiceRule> rules = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < value.size(); i++) {
      ChoiceRule inner = parseRule(value.get(i), problems.element(location, i), false, problems);
      if (inner == null) {
        complete = false;
      } else {
        rules.add(inner);
      }
    }
    if (!complete) {
      return null;
    }
    return operator.equals(AND) ? new AndRule(rules) : new OrRule(rules);
  }

  private static Path parseVariable(JsonNode rule, String location, Counter problems) {
    JsonNode variable = rule.get(VARIABLE);
    if (variable == null) {
      problems.accept(Diagnostic.schema("These fields are required: [Variable]", location));
      return null;
    }
    return parsePath(variable, location + "/" + VARIABLE, problems);
  }

  private static ChoiceRule parseDataTest(
      String operator, JsonNode value, String location, Path variable, Counter problems) {
    TypeTestOperator typeTest = TypeTestOperator.byName(operator);
    if (typeTest != null) {
      if (!value.isBoolean()) {
        problems.accept(Diagnostic.schema("Expected value of type Boolean", location));
        return null;
      }
      return variable == null ? null : new TypeTest(variable, typeTest, value.booleanValue());
    }
    if (operator.equals(STRING_MATCHES)) {
      if (!value.isTextual()) {
        problems.accept(Diagnostic.schema("Expected value of type String", location));
        return null;
      }
      return variable == null
          ? null
          : new StringMatch(variable, WildcardPattern.compile(value.textValue()));
    }
    ComparisonOperator comparison = ComparisonOperator.byName(operator);
    Operand operand;
    if (comparison.isPath()) {
      Path path = parsePath(value, location, problems);
      operand = path == null ? null : new Operand.Reference(path);
    } else if (!comparison.type().acceptsLiteral(value)) {
      problems.accept(
          Diagnostic.schema(
              "Expected value of type " + comparison.type().schemaTypeName(), location));
      operand = null;
    } else if (comparison.type() == ValueType.TIMESTAMP
        && !Timestamps.isTimestamp(value.textValue())) {
      problems.accept(Diagnostic.schema("String does not match RFC3339 timestamp", location));
      operand = null;
    } else {
      operand = new Operand.Literal(value.deepCopy());
    }
    if (variable == null || operand == null) {
      return null;
    }
    return new Comparison(variable, comparison, operand);
  }

  private static Path parsePath(JsonNode value, String location, Counter problems) {
    if (!value.isTextual()) {
      problems.accept(Diagnostic.schema("Expected value of type String", location));
      return null;
    }
    String text = value.textValue();
    String reason = ReferencePaths.problem(text);
    if (reason != null) {
      problems.accept(Diagnostic.schema("Value is not a Reference Path: " + reason, location));
      return null;
    }
    return Path.compile(text);
  }

  private static boolean isOperator(String name) {
    return name.equals(AND)
        || name.equals(OR)
        || name.equals(NOT)
        || name.equals(STRING_MATCHES)
        || ComparisonOperator.byName(name) != null
        || TypeTestOperator.byName(name) != null;
  }

  private static String operatorCountMessage(List<String> operators) {
    if (operators.isEmpty()) {
      return "A choice rule must have one comparison operator or one of And, Or, Not";
    }
    return "A choice rule must have only one comparison operator or one of And, Or, Not, but has "
        + operators;
  }

  private static Diagnostic notSupported(String field, String location) {
    return Diagnostic.schema("Field '" + field + "' is not supported", location);
  }

  /** Forwards problems and counts them; knows how the caller writes array indexes. */
  private static final class Counter implements Consumer<Diagnostic> {
    private final Consumer<Diagnostic> target;
    private final boolean bracketedIndexes;
    private int count;

    Counter(Consumer<Diagnostic> target, boolean bracketedIndexes) {
      this.target = target;
      this.bracketedIndexes = bracketedIndexes;
    }

    /** The location of element {@code index} of the array at {@code arrayLocation}. */
    String element(String arrayLocation, int index) {
      return bracketedIndexes ? arrayLocation + "[" + index + "]" : arrayLocation + "/" + index;
    }

    @Override
    public void accept(Diagnostic diagnostic) {
      count++;
      target.accept(diagnostic);
    }
  }
}
