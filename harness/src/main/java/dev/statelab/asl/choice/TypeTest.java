package dev.statelab.asl.choice;

import dev.statelab.asl.query.Path;
import dev.statelab.asl.query.QueryScope;
import java.util.Objects;

/**
 * A type-test rule such as {@code "IsNumeric": false}: matches when the test's outcome equals
 * {@code expected}.
 *
 * <p>Only {@code IsPresent} tolerates a path that selects nothing (it is then false); the other
 * tests fail the state with {@code States.Runtime}, as comparisons do.
 *
 * @param variable the {@code Variable} path
 * @param operator the test
 * @param expected the operator's boolean value
 */
public record TypeTest(Path variable, TypeTestOperator operator, boolean expected)
    implements ChoiceRule {

  /** Checks the parts are present. */
  public TypeTest {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(operator, "operator");
  }

  @Override
  public boolean matches(QueryScope scope) {
    boolean outcome;
    if (operator == TypeTestOperator.IS_PRESENT) {
      outcome = Resolution.isPresent(variable, scope);
    } else {
      outcome = operator.test(Resolution.require(variable, scope));
    }
    return outcome == expected;
  }
}
