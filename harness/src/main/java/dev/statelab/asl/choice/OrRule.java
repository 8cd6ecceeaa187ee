package dev.statelab.asl.choice;

import dev.statelab.asl.query.QueryScope;
import java.util.List;

/**
 * An {@code Or} rule: matches when any nested rule matches. Evaluation stops at the first that
 * does, so later rules (and their paths) are not read.
 *
 * @param rules the nested rules, at least one
 */
public record OrRule(List<ChoiceRule> rules) implements ChoiceRule {

  /** Copies the list and checks it is not empty. */
  public OrRule {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("Or needs at least one rule");
    }
  }

  @Override
  public boolean matches(QueryScope scope) {
    for (ChoiceRule rule : rules) {
      if (rule.matches(scope)) {
        return true;
      }
    }
    return false;
  }
}
