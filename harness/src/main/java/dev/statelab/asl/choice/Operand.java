package dev.statelab.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.query.Path;
import dev.statelab.asl.query.QueryScope;

/** The right-hand side of a comparison: a literal from the definition, or a path read at run time. */
public sealed interface Operand permits Operand.Literal, Operand.Reference {

  /**
   * The value to compare against.
   *
   * @throws dev.statelab.asl.errors.StatesError {@code States.Runtime} when a path selects nothing
   */
  JsonNode resolve(QueryScope scope);

  /**
   * A literal value.
   *
   * @param value the JSON value as written in the definition
   */
  record Literal(JsonNode value) implements Operand {
    @Override
    public JsonNode resolve(QueryScope scope) {
      return value;
    }
  }

  /**
   * A path to the value, in the same scope as the Variable ({@code $}, {@code $$} or {@code $name}).
   *
   * @param path the compiled path
   */
  record Reference(Path path) implements Operand {
    @Override
    public JsonNode resolve(QueryScope scope) {
      return Resolution.require(path, scope);
    }
  }
}
