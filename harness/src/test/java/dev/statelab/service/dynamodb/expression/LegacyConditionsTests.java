package dev.statelab.service.dynamodb.expression;

import static dev.statelab.service.dynamodb.expression.Fixtures.item;
import static dev.statelab.service.dynamodb.expression.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class LegacyConditionsTests {

  private static final ObjectNode ITEM = item(
      "{'id':{'S':'a1'},'n':{'N':'5'},'tags':{'SS':['x','y']},'s':{'S':'hello'}}");

  private static boolean expected(String expectedJson, String operator) {
    return LegacyConditions.expected(json(expectedJson), operator).test(ITEM);
  }

  private static boolean filter(String filterJson) {
    return LegacyConditions.filter(json(filterJson), null).test(ITEM);
  }

  @Test
  void expectedValueMeansEquality() {
    assertThat(expected("{'n':{'Value':{'N':'5.0'}}}", null)).isTrue();
    assertThat(expected("{'n':{'Value':{'N':'6'},'Exists':true}}", null)).isFalse();
  }

  @Test
  void expectedExistsFalseMeansAbsent() {
    assertThat(expected("{'gone':{'Exists':false}}", null)).isTrue();
    assertThat(expected("{'id':{'Exists':false}}", null)).isFalse();
  }

  @Test
  void expectedEntriesCombineWithAndOrOr() {
    String two = "{'id':{'Exists':false},'n':{'Value':{'N':'5'}}}";
    assertThat(expected(two, null)).isFalse();
    assertThat(expected(two, "AND")).isFalse();
    assertThat(expected(two, "OR")).isTrue();
  }

  @Test
  void expectedRejectsValueWithExistsFalse() {
    assertThatThrownBy(() -> expected("{'n':{'Value':{'N':'5'},'Exists':false}}", null)).hasMessage(
        "One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: n");
  }

  @Test
  void expectedWithComparisonOperator() {
    assertThat(expected("{'n':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'4'}]}}", null))
        .isTrue();
  }

  @Test
  void filterComparisonOperators() {
    assertThat(filter("{'n':{'ComparisonOperator':'LE','AttributeValueList':[{'N':'5'}]}}")).isTrue();
    assertThat(filter("{'n':{'ComparisonOperator':'LT','AttributeValueList':[{'N':'5'}]}}")).isFalse();
    assertThat(filter("{'gone':{'ComparisonOperator':'NE','AttributeValueList':[{'N':'5'}]}}")).isTrue();
    assertThat(filter("{'gone':{'ComparisonOperator':'NULL'}}")).isTrue();
    assertThat(filter("{'id':{'ComparisonOperator':'NOT_NULL'}}")).isTrue();
    assertThat(filter("{'tags':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'x'}]}}")).isTrue();
    assertThat(filter("{'s':{'ComparisonOperator':'NOT_CONTAINS','AttributeValueList':[{'S':'z'}]}}")).isTrue();
    assertThat(filter("{'s':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'he'}]}}")).isTrue();
    assertThat(filter("{'id':{'ComparisonOperator':'IN','AttributeValueList':[{'S':'q'},{'S':'a1'}]}}")).isTrue();
    assertThat(filter(
        "{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'},{'N':'5'}]}}")).isTrue();
  }

  @Test
  void wrongArgumentCountIsRejected() {
    assertThatThrownBy(() -> filter("{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'}]}}"))
        .hasMessage("One or more parameter values were invalid: Invalid number of argument(s) for the "
            + "BETWEEN ComparisonOperator");
  }

  @Test
  void keyConditionsBecomeAKeyCondition() {
    KeyCondition key = LegacyConditions.keyConditions(json(
        "{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'u'}]},"
            + "'sk':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'ord'}]}}"));
    key.validate("pk", "sk");
    assertThat(key.partitionKeyValue()).isEqualTo(json("{'S':'u'}"));
    assertThat(key.matchesSortKey(json("{'S':'ord#1'}"))).isTrue();
    assertThat(key.matchesSortKey(json("{'S':'inv#1'}"))).isFalse();
  }

  @Test
  void keyConditionsRejectNonIndexableOperators() {
    assertThatThrownBy(() -> LegacyConditions.keyConditions(json(
        "{'pk':{'ComparisonOperator':'NE','AttributeValueList':[{'S':'u'}]}}")))
        .hasMessage("Attempted conditional constraint is not an indexable operation");
  }
}
