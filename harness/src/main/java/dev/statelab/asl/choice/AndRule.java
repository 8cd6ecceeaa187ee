package dev.statelab.asl.choice;

import dev.statelab.asl.query.QueryScope;
import java.util.List;

/**
 * An {@code And} rule: matches when every nested rule matches. Evaluation stops at the first that
 * does not, so later rules (and their paths) are not read.
 *
 * @param rules the nested rules, at least one
 */
public record AndRule(List<ChoiceRule> rules) implements ChoiceRule {

  /** Copies the list and checks it is not empty. */
  public AndRule {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("And needs at least one rule");
    }
  }

  @Override
  public boolean matches(QueryScope scope) {
    for (ChoiceRule rule : rules) {
      if (!rule.matches(scope)) {
        return false;
      }
    }
    return true;
  }
}
