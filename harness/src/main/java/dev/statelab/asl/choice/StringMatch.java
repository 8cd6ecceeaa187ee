package dev.statelab.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.query.Path;
import dev.statelab.asl.query.QueryScope;
import java.util.Objects;

/**
 * A {@code StringMatches} rule: the value at {@code Variable} is a string matching a wildcard
 * pattern. A value of another type does not match.
 *
 * @param variable the {@code Variable} path
 * @param pattern the compiled pattern
 */
public record StringMatch(Path variable, WildcardPattern pattern) implements ChoiceRule {

  /** Checks the parts are present. */
  public StringMatch {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(pattern, "pattern");
  }

  @Override
  public boolean matches(QueryScope scope) {
    JsonNode value = Resolution.require(variable, scope);
    return value.isTextual() && pattern.matches(value.textValue());
  }
}
