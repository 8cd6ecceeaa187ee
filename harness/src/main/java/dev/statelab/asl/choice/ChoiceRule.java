package dev.statelab.asl.choice;

import dev.statelab.asl.query.QueryScope;

/** STUB until the choice branch lands. */
public interface ChoiceRule {
  /** True when the rule matches. */
  boolean matches(QueryScope scope);
}
