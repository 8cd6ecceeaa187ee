package dev.statelab.service.dynamodb.expression;

import static dev.statelab.service.dynamodb.expression.Fixtures.context;
import static dev.statelab.service.dynamodb.expression.Fixtures.json;
import static dev.statelab.service.dynamodb.expression.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyConditionExpressionTests {

  private static final String VALUES =
      "{':p':{'S':'user1'},':a':{'N':'10'},':b':{'N':'20'},':s':{'S':'ord#'}}";

  private static KeyCondition parse(String expression) {
    return Expressions.keyCondition(expression, values(VALUES));
  }

  private static void assertError(String expression, String message) {
    assertThatThrownBy(() -> parse(expression)).isInstanceOf(ExpressionException.class).hasMessage(message);
  }

  @Test
  void partitionKeyEqualityAlone() {
    KeyCondition key = parse("pk = :p");
    key.validate("pk", "sk");
    assertThat(key.partitionKeyName()).isEqualTo("pk");
    assertThat(key.partitionKeyValue()).isEqualTo(json("{'S':'user1'}"));
    assertThat(key.sortKeyName()).isEmpty();
    assertThat(key.matchesSortKey(json("{'N':'1'}"))).isTrue();
  }

  @Test
  void sortKeyComparators() {
    assertThat(parse("pk = :p AND sk < :a").matchesSortKey(json("{'N':'9'}"))).isTrue();
    assertThat(parse("pk = :p AND sk <= :a").matchesSortKey(json("{'N':'10'}"))).isTrue();
    assertThat(parse("pk = :p AND sk > :a").matchesSortKey(json("{'N':'10'}"))).isFalse();
    assertThat(parse("pk = :p AND sk >= :a").matchesSortKey(json("{'N':'10.0'}"))).isTrue();
    assertThat(parse("pk = :p AND sk = :a").matchesSortKey(json("{'N':'11'}"))).isFalse();
  }

  @Test
  void sortKeyBetweenIsInclusive() {
    KeyCondition key = parse("pk = :p and sk BETWEEN :a AND :b");
    assertThat(key.matchesSortKey(json("{'N':'20'}"))).isTrue();
    assertThat(key.matchesSortKey(json("{'N':'21'}"))).isFalse();
  }

  @Test
  void sortKeyBeginsWith() {
    KeyCondition key = parse("pk = :p AND begins_with(sk, :s)");
    key.validate("pk", "sk");
    assertThat(key.sortKeyName()).contains("sk");
    assertThat(key.matchesSortKey(json("{'S':'ord#42'}"))).isTrue();
    assertThat(key.matchesSortKey(json("{'S':'inv#42'}"))).isFalse();
  }

  @Test
  void sortConditionMayComeFirst() {
    KeyCondition key = parse("sk > :a AND pk = :p");
    assertThat(key.partitionKeyName()).isEqualTo("pk");
    key.validate("pk", "sk");
    assertThat(key.sortKeyName()).contains("sk");
  }

  @Test
  void validateAssignsKeysWhenBothAreEqualities() {
    KeyCondition key = Expressions.keyCondition("sk = :a AND pk = :p", values(VALUES.replace(",':b':{'N':'20'},':s':{'S':'ord#'}", "")));
    key.validate("pk", "sk");
    assertThat(key.partitionKeyName()).isEqualTo("pk");
    assertThat(key.sortKeyName()).contains("sk");
  }

  @Test
  void parenthesesArePermitted() {
    assertThat(parse("(pk = :p) AND (sk < :a)").sortKeyName()).contains("sk");
  }

  @Test
  void redundantParenthesesAreRejected() {
    assertError("((pk = :p))", "Invalid KeyConditionExpression: The expression has redundant parentheses;");
  }

  @Test
  void missingPartitionKeyIsReported() {
    KeyCondition key = parse("sk = :a");
    assertThatThrownBy(() -> key.validate("id", "sk"))
        .hasMessage("Query condition missed key schema element: id");
  }

  @Test
  void partitionKeyNeedsEquality() {
    assertThatThrownBy(() -> parse("pk > :a").validate("pk", null))
        .hasMessage("Query key condition not supported");
  }

  @Test
  void conditionOnANonKeyAttributeMissesTheSortKey() {
    assertThatThrownBy(() -> parse("pk = :p AND price > :a").validate("pk", "sk"))
        .hasMessage("Query condition missed key schema element: sk");
  }

  @Test
  void orNotInAndNotEqualAreInvalidOperators() {
    assertError("pk = :p OR sk = :a", "Invalid operator used in KeyConditionExpression: OR");
    assertError("NOT pk = :p", "Invalid operator used in KeyConditionExpression: NOT");
    assertError("pk <> :p", "Invalid operator used in KeyConditionExpression: <>");
    assertError("pk IN (:p)", "Invalid operator used in KeyConditionExpression: IN");
    assertError("pk = :p AND attribute_exists(sk)",
        "Invalid operator used in KeyConditionExpression: attribute_exists");
  }

  @Test
  void oneConditionPerKey() {
    assertError("pk = :p AND pk = :p",
        "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
    assertError("pk = :p AND sk > :a AND sk < :b",
        "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
  }

  @Test
  void moreConditionsThanKeyAttributesFailValidation() {
    KeyCondition key = parse("pk = :p AND sk > :a AND extra = :b");
    assertThatThrownBy(() -> key.validate("pk", "sk")).hasMessage(
        "The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)");
  }

  @Test
  void valueMayBeWrittenFirst() {
    KeyCondition key = parse("pk = :p AND :a >= sk");
    assertThat(key.matchesSortKey(json("{'N':'10'}"))).isTrue();
    assertThat(key.matchesSortKey(json("{'N':'9'}"))).isTrue();
    assertThat(key.matchesSortKey(json("{'N':'11'}"))).isFalse();
  }

  @Test
  void orderingOperandsMustBeStringNumberOrBinary() {
    ExpressionContext ctx = values("{':p':{'S':'q'},':v':{'BOOL':true},':w':{'BOOL':false}}");
    assertThatThrownBy(() -> Expressions.keyCondition("pk = :p AND sk < :v", values(
        "{':p':{'S':'q'},':v':{'BOOL':true}}"))).hasMessage("Invalid KeyConditionExpression: Incorrect "
        + "operand type for operator or function; operator or function: <, operand type: BOOL");
    assertThatThrownBy(() -> Expressions.keyCondition("pk = :p AND :v >= sk", values(
        "{':p':{'S':'q'},':v':{'BOOL':true}}"))).hasMessage("Invalid KeyConditionExpression: Incorrect "
        + "operand type for operator or function; operator or function: >=, operand type: BOOL");
    assertThatThrownBy(() -> Expressions.keyCondition("pk = :p AND sk BETWEEN :w AND :v", ctx))
        .hasMessage("Invalid KeyConditionExpression: Incorrect operand type for operator or function; "
            + "operator or function: BETWEEN, operand type: BOOL");
  }

  @Test
  void errorsAreReportedInWrittenOrder() {
    ExpressionContext first = values("{':n':{'N':'1'}}");
    assertThatThrownBy(() -> Expressions.keyCondition("pk = :missing AND begins_with(sk, :n)", first))
        .hasMessageContaining("attribute value: :missing");
    ExpressionContext second = values("{':n':{'N':'1'}}");
    assertThatThrownBy(() -> Expressions.keyCondition("begins_with(sk, :n) AND pk = :missing", second))
        .hasMessageContaining("operator or function: begins_with, operand type: N");
  }

  @Test
  void valuesMustMatchTheKeySchemaTypes() {
    KeyCondition key = Expressions.keyCondition("pk = :p AND begins_with(sk, :s)",
        values("{':p':{'S':'q'},':s':{'S':'a'}}"));
    assertThatThrownBy(() -> key.validate("pk", "S", "sk", "N")).hasMessage(
        "One or more parameter values were invalid: Condition parameter type does not match schema type");
    key.validate("pk", "S", "sk", "S");
    assertThat(key.sortKeyName()).contains("sk");
  }

  @Test
  void nestedKeyPathsAreRejected() {
    assertError("pk.foo = :p", "Invalid KeyConditionExpression: KeyConditionExpressions cannot have "
        + "conditions on nested attributes");
    assertError("pk = :p AND sk[0] > :a", "Invalid KeyConditionExpression: KeyConditionExpressions "
        + "cannot have conditions on nested attributes");
  }

  @Test
  void beginsWithNeedsAStringOrBinary() {
    assertError("pk = :p AND begins_with(sk, :a)", "Invalid KeyConditionExpression: Incorrect operand "
        + "type for operator or function; operator or function: begins_with, operand type: N");
  }

  @Test
  void placeholdersAndErrors() {
    KeyCondition key = Expressions.keyCondition("#k = :p", context("{'#k':'status'}", "{':p':{'S':'x'}}"));
    key.validate("status", null);
    assertThat(key.partitionKeyName()).isEqualTo("status");
    assertError("pk = :zz", "Invalid KeyConditionExpression: An expression attribute value used in "
        + "expression is not defined; attribute value: :zz");
    assertError("pk = ", "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
  }
}
