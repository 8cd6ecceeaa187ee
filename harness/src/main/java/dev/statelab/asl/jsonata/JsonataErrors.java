package dev.statelab.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.json.Json;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code States.QueryEvaluationError}s that JSONata fields raise, with AWS's cause texts.
 *
 * <p>Causes are given without the "An error occurred while executing the state 'X' (entered at the
 * event id #N). " prefix, which the engine adds ({@link StatesError#inState}).
 */
public final class JsonataErrors {

  private static final Pattern FIELD =
      Pattern.compile(
          "^The JSONata expression '.*' specified for the field '(.*?)' (?:returned|threw) ",
          Pattern.DOTALL);

  private JsonataErrors() {}

  /**
   * {@code The JSONata expression 'E' specified for the field 'F' returned nothing (undefined).}
   */
  public static StatesError undefinedResult(String expression, String field) {
    return error(prefix(expression, field) + " returned nothing (undefined).");
  }

  /**
   * {@code The JSONata expression 'E' specified for the field 'F' threw an error during evaluation.
   * T1006: Attempted to invoke a non-function}.
   *
   * @param jsonataError the JSONata error as jsonata-js phrases it, {@code CODE: message}
   */
  public static StatesError evaluationFailed(String expression, String field, String jsonataError) {
    return error(prefix(expression, field) + " threw an error during evaluation. " + jsonataError);
  }

  /**
   * {@code The JSONata expression 'E' specified for the field 'F' returned an unexpected result
   * type. Expected 'array', but was 'number' for value: 1}.
   */
  public static StatesError unexpectedType(
      String expression, String field, String expectedType, JsonNode value) {
    return error(
        prefix(expression, field)
            + " returned an unexpected result type. Expected '"
            + expectedType
            + "', but was '"
            + Json.typeName(value)
            + "' for value: "
            + (value == null ? "null" : Json.write(value)));
  }

  /**
   * {@code The JSONata expression 'E' specified for the field 'F' returned an unsupported result
   * type.}
   */
  public static StatesError unsupportedType(String expression, String field) {
    return error(prefix(expression, field) + " returned an unsupported result type.");
  }

  /**
   * {@code Map state input must be an array but was: {"foo":"bar"}}: a JSONata Map state without
   * Items whose input is not an array (no location in the EvaluationFailed event).
   */
  public static StatesError mapInputNotArray(JsonNode input) {
    return error(
        "Map state input must be an array but was: "
            + (input == null ? "null" : Json.write(input)));
  }

  /**
   * {@code The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format
   * string: 2016-13-05T21:29:29Z}: a JSONata Wait state's Timestamp that is not a timestamp (the
   * EvaluationFailed location is {@code Timestamp}).
   */
  public static StatesError invalidTimestamp(String value) {
    return error(
        "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format"
            + " string: "
            + value);
  }

  /**
   * Checks a field's value against the type the field needs.
   *
   * @return the value
   * @throws StatesError the {@link #unexpectedType} error when the value has another type
   */
  public static JsonNode requireType(
      JsonNode value, ExpectedType expected, String expression, String field) {
    if (!expected.matches(value)) {
      throw unexpectedType(expression, field, expected.awsName(), value);
    }
    return value;
  }

  /** {@link #requireType} for Items and other fields that need an array. */
  public static JsonNode requireArray(JsonNode value, String expression, String field) {
    return requireType(value, ExpectedType.ARRAY, expression, field);
  }

  /**
   * The field path a JSONata error names ({@code Output/result}), for the {@code location} of the
   * EvaluationFailed history event.
   */
  public static Optional<String> location(StatesError error) {
    if (error == null || error.cause() == null) {
      return Optional.empty();
    }
    Matcher m = FIELD.matcher(error.cause());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static String prefix(String expression, String field) {
    return "The JSONata expression '" + expression + "' specified for the field '" + field + "'";
  }

  private static StatesError error(String cause) {
    return new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, cause);
  }
}
