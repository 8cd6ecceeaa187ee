package dev.statelab.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.query.Path;
import dev.statelab.asl.query.QueryScope;
import java.util.Objects;

/**
 * A comparison rule: the value at {@code Variable} compared with a literal or with the value at
 * another path. Values of the wrong JSON type make it not match.
 *
 * @param variable the {@code Variable} path
 * @param operator the comparison operator
 * @param operand the right-hand side: a {@link Operand.Literal} or, for {@code ...Path}
 *     operators, an {@link Operand.Reference}
 */
public record Comparison(Path variable, ComparisonOperator operator, Operand operand)
    implements ChoiceRule {

  /** Checks the parts are present. */
  public Comparison {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(operand, "operand");
  }

  @Override
  public boolean matches(QueryScope scope) {
    JsonNode left = Resolution.require(variable, scope);
    JsonNode right = operand.resolve(scope);
    Integer order = operator.type().compare(left, right);
    return order != null && operator.relation().holds(order);
  }
}
