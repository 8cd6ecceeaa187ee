package dev.statelab.asl.choice;

import dev.statelab.asl.query.QueryScope;

/**
 * A parsed Choice rule condition: a comparison, a {@code StringMatches} test, a type test, or an
 * {@code And}/{@code Or}/{@code Not} of other rules. Immutable.
 *
 * <p>{@code Next}, {@code Comment}, {@code Assign} and {@code Output} of a top-level rule are not
 * part of the condition; the Choice state reads them itself.
 */
public sealed interface ChoiceRule
    permits Comparison, StringMatch, TypeTest, AndRule, OrRule, NotRule {

  /**
   * True when the rule matches in the scope.
   *
   * @throws dev.statelab.asl.errors.StatesError {@code States.Runtime} when a path the rule reads
   *     selects nothing (except in {@code IsPresent}, which is then simply false)
   */
  boolean matches(QueryScope scope);
}
