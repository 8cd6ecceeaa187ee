package dev.statelab.asl.choice;

import dev.statelab.asl.query.QueryScope;
import java.util.Objects;

/**
 * A {@code Not} rule: matches when the nested rule does not. A run-time failure of the nested rule
 * (a missing path) is not negated: it still fails the state.
 *
 * @param rule the nested rule
 */
public record NotRule(ChoiceRule rule) implements ChoiceRule {

  /** Checks the nested rule is present. */
  public NotRule {
    Objects.requireNonNull(rule, "rule");
  }

  @Override
  public boolean matches(QueryScope scope) {
    return !rule.matches(scope);
  }
}
