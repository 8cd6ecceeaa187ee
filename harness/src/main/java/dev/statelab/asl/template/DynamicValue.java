package dev.statelab.asl.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.query.Path;
import dev.statelab.asl.query.PathNotFoundException;
import dev.statelab.asl.query.QueryScope;
import dev.statelab.asl.query.UndefinedVariableException;
import dev.statelab.asl.query.intrinsic.Intrinsic;
import dev.statelab.asl.query.intrinsic.IntrinsicParser;
import dev.statelab.asl.query.intrinsic.IntrinsicSyntaxException;
import dev.statelab.json.Json;

/**
 * The value of a {@code "key.$"} field, ErrorPath or CausePath: a path into the input, the
 * context object or a variable, or an intrinsic function call. Compiled once.
 */
public sealed interface DynamicValue permits DynamicValue.PathValue, DynamicValue.IntrinsicValue {

  /** The expression as written. */
  String text();

  /**
   * Evaluates the value.
   *
   * @param field the field name AWS quotes in error causes (e.g. {@code value.$}, {@code ErrorPath})
   * @throws StatesError {@code States.Runtime} when a path selects nothing, or an intrinsic's error
   */
  JsonNode evaluate(QueryScope scope, String field);

  /** The variable this value reads, or null. */
  default String variableName() {
    return null;
  }

  /**
   * Compiles a value.
   *
   * @throws IllegalArgumentException with a reason when the text is neither a path nor an intrinsic
   */
  static DynamicValue compile(String text) {
    if (text == null) {
      throw new IllegalArgumentException("null is not a path");
    }
    if (IntrinsicParser.looksLikeIntrinsic(text)) {
      try {
        return new IntrinsicValue(IntrinsicParser.parse(text));
      } catch (IntrinsicSyntaxException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    return new PathValue(Path.compile(text));
  }

  /** A path value. */
  record PathValue(Path path) implements DynamicValue {
    @Override
    public String text() {
      return path.text();
    }

    @Override
    public String variableName() {
      return path.variableName();
    }

    @Override
    public JsonNode evaluate(QueryScope scope, String field) {
      try {
        return path.evaluate(scope);
      } catch (PathNotFoundException | UndefinedVariableException e) {
        JsonNode document =
            switch (path.root()) {
              case CONTEXT -> scope.context();
              case VARIABLE -> scope.variable(path.variableName());
              default -> scope.input();
            };
        throw StatesError.runtime(
            "The JSONPath '"
                + path.text()
                + "' specified for the field '"
                + field
                + "' could not be found in the input '"
                + (document == null ? "null" : Json.write(document))
                + "'");
      }
    }
  }

  /** An intrinsic function call. */
  record IntrinsicValue(Intrinsic intrinsic) implements DynamicValue {
    @Override
    public String text() {
      return intrinsic.text();
    }

    @Override
    public JsonNode evaluate(QueryScope scope, String field) {
      return intrinsic.evaluate(scope);
    }
  }
}
