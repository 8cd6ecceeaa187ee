package dev.statelab.service.dynamodb.expression;

import static dev.statelab.service.dynamodb.expression.Fixtures.context;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionContextTests {

  @Test
  void unusedValuesAreReported() {
    ExpressionContext ctx = context(null, "{':a':{'S':'x'},':b':{'S':'y'},':c':{'S':'z'}}");
    Expressions.condition("id = :b", ctx);
    assertThatThrownBy(ctx::checkAllUsed).isInstanceOf(ExpressionException.class).hasMessage(
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :c}");
  }

  @Test
  void unusedNamesAreReported() {
    ExpressionContext ctx = context("{'#n':'name','#m':'m'}", null);
    Expressions.projection("#m", ctx);
    assertThatThrownBy(ctx::checkAllUsed).hasMessage(
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}");
  }

  @Test
  void placeholdersUsedAcrossExpressionsCount() {
    ExpressionContext ctx = context("{'#n':'name'}", "{':a':{'S':'x'},':b':{'N':'1'}}");
    Expressions.update("SET #n = :a", ctx);
    Expressions.condition("attribute_not_exists(id) OR v < :b", ctx);
    assertThatCode(ctx::checkAllUsed).doesNotThrowAnyException();
  }

  @Test
  void emptyMapsAreRejected() {
    assertThatThrownBy(() -> new ExpressionContext(Map.of(), null))
        .hasMessage("ExpressionAttributeNames must not be empty");
    assertThatThrownBy(() -> new ExpressionContext(null, Map.of()))
        .hasMessage("ExpressionAttributeValues must not be empty");
  }

  @Test
  void malformedKeysAreRejected() {
    assertThatThrownBy(() -> context("{'n':'name'}", null)).hasMessage(
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"n\"");
    assertThatThrownBy(() -> context(null, "{'a':{'S':'x'}}")).hasMessage(
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"a\"");
  }
}
