package dev.statelab.service.dynamodb.expression;

import static dev.statelab.service.dynamodb.expression.Fixtures.context;
import static dev.statelab.service.dynamodb.expression.Fixtures.item;
import static dev.statelab.service.dynamodb.expression.Fixtures.json;
import static dev.statelab.service.dynamodb.expression.Fixtures.none;
import static dev.statelab.service.dynamodb.expression.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class UpdateExpressionTests {

  private static final ObjectNode ITEM = item("""
      {'id':{'S':'a1'},'n':{'N':'10'},'tags':{'SS':['x','y']},'nums':{'NS':['1','2']},
       'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'},{'S':'d'}]},
       'm':{'M':{'leaf':{'S':'v'},'deepmap':{'M':{}}}},'s':{'S':'text'}}""");

  private static ObjectNode apply(String expression, String valuesJson) {
    return Expressions.update(expression, valuesJson == null ? none() : values(valuesJson)).apply(ITEM);
  }

  private static void assertParseError(String expression, ExpressionContext ctx, String message) {
    assertThatThrownBy(() -> Expressions.update(expression, ctx))
        .isInstanceOf(ExpressionException.class).hasMessage(message);
  }

  private static void assertApplyError(String expression, String valuesJson, String message) {
    assertThatThrownBy(() -> apply(expression, valuesJson))
        .isInstanceOf(ExpressionException.class).hasMessage(message);
  }

  @Test
  void setReplacesAndCreatesTopLevelAttributes() {
    ObjectNode result = apply("SET s = :v, fresh = :w", "{':v':{'S':'new'},':w':{'BOOL':false}}");
    assertThat(result.get("s")).isEqualTo(json("{'S':'new'}"));
    assertThat(result.get("fresh")).isEqualTo(json("{'BOOL':false}"));
  }

  @Test
  void applyLeavesTheInputUntouched() {
    ObjectNode before = ITEM.deepCopy();
    apply("SET s = :v REMOVE n", "{':v':{'S':'new'}}");
    assertThat(ITEM).isEqualTo(before);
  }

  @Test
  void setWorksOnAnEmptyItem() {
    ObjectNode result = Expressions.update("SET a = :v", values("{':v':{'N':'1'}}")).apply(item("{}"));
    assertThat(result).isEqualTo(item("{'a':{'N':'1'}}"));
  }

  @Test
  void setNestedMapEntry() {
    ObjectNode result = apply("SET m.deepmap.k = :v", "{':v':{'S':'deep'}}");
    assertThat(result.at("/m/M/deepmap/M/k")).isEqualTo(json("{'S':'deep'}"));
  }

  @Test
  void setListElementReplacesOrAppendsPastTheEnd() {
    ObjectNode result = apply("SET l[1] = :v, l[10] = :w", "{':v':{'S':'B'},':w':{'S':'tail'}}");
    assertThat(result.at("/l/L")).isEqualTo(json(
        "[{'S':'a'},{'S':'B'},{'S':'c'},{'S':'d'},{'S':'tail'}]"));
  }

  @Test
  void setUnderMissingParentIsInvalidForUpdate() {
    assertApplyError("SET nomap.k = :v", "{':v':{'S':'x'}}",
        "The document path provided in the update expression is invalid for update");
    assertApplyError("SET s.k = :v", "{':v':{'S':'x'}}",
        "The document path provided in the update expression is invalid for update");
  }

  @Test
  void arithmeticAddsAndSubtractsNumbers() {
    assertThat(apply("SET n = n + :d", "{':d':{'N':'2.5'}}").get("n")).isEqualTo(json("{'N':'12.5'}"));
    assertThat(apply("SET n = n - :d", "{':d':{'N':'10'}}").get("n")).isEqualTo(json("{'N':'0'}"));
    assertThat(apply("SET x = :a + n", "{':a':{'N':'0.10'}}").get("x")).isEqualTo(json("{'N':'10.1'}"));
  }

  @Test
  void arithmeticResultsDropTrailingZerosAndExponents() {
    assertThat(apply("SET n = n + :d", "{':d':{'N':'1E+2'}}").get("n")).isEqualTo(json("{'N':'110'}"));
    assertThat(apply("SET n = :a + :b", "{':a':{'N':'0.1'},':b':{'N':'0.2'}}").get("n"))
        .isEqualTo(json("{'N':'0.3'}"));
  }

  @Test
  void arithmeticBeyondRangeOverflows() {
    assertApplyError("SET n = :a + :b",
        "{':a':{'N':'9.9999999999999999999999999999999999999E+125'},':b':{'N':'1E+125'}}",
        "Number overflow. Attempting to store a number with magnitude larger than supported range");
  }

  @Test
  void arithmeticOnAMissingAttributeFails() {
    assertApplyError("SET n = nothing + :d", "{':d':{'N':'1'}}",
        "The provided expression refers to an attribute that does not exist in the item");
  }

  @Test
  void arithmeticOnANonNumberAttributeFails() {
    assertApplyError("SET n = s + :d", "{':d':{'N':'1'}}",
        "An operand in the update expression has an incorrect data type");
  }

  @Test
  void arithmeticWithANonNumberValueIsRejectedAtParse() {
    assertParseError("SET n = n + :d", values("{':d':{'S':'1'}}"),
        "Invalid UpdateExpression: Incorrect operand type for operator or function; "
            + "operator or function: +, operand type: S");
  }

  @Test
  void ifNotExistsKeepsExistingOrUsesFallback() {
    assertThat(apply("SET n = if_not_exists(n, :z)", "{':z':{'N':'0'}}").get("n"))
        .isEqualTo(json("{'N':'10'}"));
    assertThat(apply("SET c = if_not_exists(c, :z) + :one", "{':z':{'N':'0'},':one':{'N':'1'}}")
        .get("c")).isEqualTo(json("{'N':'1'}"));
  }

  @Test
  void ifNotExistsNeedsAPathFirst() {
    assertParseError("SET n = if_not_exists(:z, n)", values("{':z':{'N':'0'}}"),
        "Invalid UpdateExpression: Operator or function requires a document path; "
            + "operator or function: if_not_exists");
  }

  @Test
  void listAppendJoinsListsInOrder() {
    assertThat(apply("SET l = list_append(:h, l)", "{':h':{'L':[{'S':'z'}]}}").at("/l/L/0"))
        .isEqualTo(json("{'S':'z'}"));
    assertThat(apply("SET l = list_append(l, :t)", "{':t':{'L':[{'S':'z'}]}}").at("/l/L").size())
        .isEqualTo(5);
    assertThat(apply("SET nl = list_append(if_not_exists(nl, :e), :t)",
        "{':e':{'L':[]},':t':{'L':[{'N':'1'}]}}").get("nl")).isEqualTo(json("{'L':[{'N':'1'}]}"));
  }

  @Test
  void listAppendWithAMapValueIsRejected() {
    assertParseError("SET l = list_append(l, :m)", values("{':m':{'M':{}}}"),
        "Invalid UpdateExpression: Incorrect operand type for operator or function; "
            + "operator or function: list_append, operand type: M");
  }

  @Test
  void listAppendOnANonListAttributeFails() {
    assertApplyError("SET l = list_append(s, :t)", "{':t':{'L':[]}}",
        "An operand in the update expression has an incorrect data type");
  }

  @Test
  void removeDeletesAttributesAndNestedEntries() {
    ObjectNode result = apply("REMOVE s, m.leaf, nothing", null);
    assertThat(result.has("s")).isFalse();
    assertThat(result.at("/m/M").has("leaf")).isFalse();
  }

  @Test
  void removeUnderAMissingOrNonMapParentIsInvalidForUpdate() {
    assertApplyError("REMOVE nothing.k", null,
        "The document path provided in the update expression is invalid for update");
    assertApplyError("REMOVE s.k", null,
        "The document path provided in the update expression is invalid for update");
  }

  @Test
  void listAppendOnAMissingListRefersToANonExistentAttribute() {
    assertApplyError("SET nl = list_append(nl, :t)", "{':t':{'L':[]}}",
        "The provided expression refers to an attribute that does not exist in the item");
  }

  @Test
  void removeListElementsUsesOriginalIndexes() {
    ObjectNode result = apply("REMOVE l[0], l[2]", null);
    assertThat(result.at("/l/L")).isEqualTo(json("[{'S':'b'},{'S':'d'}]"));
  }

  @Test
  void removeBeyondListEndIsANoOp() {
    assertThat(apply("REMOVE l[9]", null).at("/l/L").size()).isEqualTo(4);
  }

  @Test
  void addIncrementsNumbersAndCreatesMissingOnes() {
    assertThat(apply("ADD n :d", "{':d':{'N':'-3'}}").get("n")).isEqualTo(json("{'N':'7'}"));
    assertThat(apply("ADD tally :d", "{':d':{'N':'5'}}").get("tally")).isEqualTo(json("{'N':'5'}"));
  }

  @Test
  void addUnitesSetsAndCreatesMissingOnes() {
    assertThat(apply("ADD tags :t", "{':t':{'SS':['y','z']}}").get("tags"))
        .isEqualTo(json("{'SS':['x','y','z']}"));
    assertThat(apply("ADD newset :t", "{':t':{'NS':['4']}}").get("newset")).isEqualTo(json("{'NS':['4']}"));
  }

  @Test
  void addToAnAttributeOfAnotherTypeFails() {
    assertApplyError("ADD s :d", "{':d':{'N':'1'}}",
        "An operand in the update expression has an incorrect data type");
    assertApplyError("ADD tags :d", "{':d':{'NS':['1']}}",
        "An operand in the update expression has an incorrect data type");
  }

  @Test
  void addWithAStringValueIsRejected() {
    assertParseError("ADD s :v", values("{':v':{'S':'x'}}"),
        "Invalid UpdateExpression: Incorrect operand type for operator or function; "
            + "operator: ADD, operand type: STRING");
  }

  @Test
  void deleteRemovesSetMembers() {
    assertThat(apply("DELETE tags :t", "{':t':{'SS':['x','q']}}").get("tags"))
        .isEqualTo(json("{'SS':['y']}"));
    assertThat(apply("DELETE nums :t", "{':t':{'NS':['2.0']}}").get("nums"))
        .isEqualTo(json("{'NS':['1']}"));
  }

  @Test
  void deletingTheLastMembersRemovesTheAttribute() {
    assertThat(apply("DELETE tags :t", "{':t':{'SS':['x','y']}}").has("tags")).isFalse();
  }

  @Test
  void deleteFromAMissingAttributeIsANoOp() {
    assertThat(apply("DELETE absent :t", "{':t':{'SS':['x']}}").has("absent")).isFalse();
  }

  @Test
  void deleteWithANumberValueIsRejected() {
    assertParseError("DELETE n :v", values("{':v':{'N':'1'}}"),
        "Invalid UpdateExpression: Incorrect operand type for operator or function; "
            + "operator: DELETE, operand type: NUMBER");
  }

  @Test
  void allFourClausesTogetherInAnyOrderAndCase() {
    ObjectNode result = apply("add n :one delete tags :x remove s set fresh = :v",
        "{':one':{'N':'1'},':x':{'SS':['x']},':v':{'S':'f'}}");
    assertThat(result.get("n")).isEqualTo(json("{'N':'11'}"));
    assertThat(result.get("tags")).isEqualTo(json("{'SS':['y']}"));
    assertThat(result.has("s")).isFalse();
    assertThat(result.get("fresh")).isEqualTo(json("{'S':'f'}"));
  }

  @Test
  void setValuesAreComputedFromTheOldItem() {
    ObjectNode result = apply("SET a = n, n = :v", "{':v':{'N':'99'}}");
    assertThat(result.get("a")).isEqualTo(json("{'N':'10'}"));
    assertThat(result.get("n")).isEqualTo(json("{'N':'99'}"));
  }

  @Test
  void aClauseMayAppearOnlyOnce() {
    assertParseError("SET a = :v SET b = :v", values("{':v':{'N':'1'}}"),
        "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
  }

  @Test
  void overlappingPathsAreRejected() {
    assertParseError("SET a = :v REMOVE a.b", values("{':v':{'N':'1'}}"),
        "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
            + "one of these paths; path one: [a], path two: [a, b]");
    assertParseError("SET l[0] = :v, l[0] = :v", values("{':v':{'N':'1'}}"),
        "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
            + "one of these paths; path one: [l, [0]], path two: [l, [0]]");
  }

  @Test
  void mapAndListStepsAtTheSamePlaceConflict() {
    assertParseError("SET m.a = :v REMOVE m[0]", values("{':v':{'N':'1'}}"),
        "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite "
            + "one of these paths; path one: [m, a], path two: [m, [0]]");
  }

  @Test
  void parenthesesAroundSetValuesAreAllowed() {
    assertThat(apply("SET n = (n + :d)", "{':d':{'N':'1'}}").get("n")).isEqualTo(json("{'N':'11'}"));
    assertThat(apply("SET x = (:d)", "{':d':{'N':'1'}}").get("x")).isEqualTo(json("{'N':'1'}"));
  }

  @Test
  void siblingPathsDoNotOverlap() {
    ObjectNode result = apply("SET m.a = :v, m.b = :v", "{':v':{'N':'1'}}");
    assertThat(result.at("/m/M/a")).isEqualTo(json("{'N':'1'}"));
  }

  @Test
  void updatedTopLevelNamesListsEveryTouchedAttribute() {
    Update update = Expressions.update("SET m.a = :v, x = :v REMOVE s ADD n :v",
        values("{':v':{'N':'1'}}"));
    assertThat(update.updatedTopLevelNames()).containsExactly("m", "x", "s", "n");
  }

  @Test
  void updatedPathsProjectOnlyTheChangedParts() {
    Update update = Expressions.update("SET m.extra = :v REMOVE l[1]", values("{':v':{'N':'1'}}"));
    ObjectNode after = update.apply(ITEM);
    assertThat(update.updatedPaths().apply(after)).isEqualTo(item(
        "{'m':{'M':{'extra':{'N':'1'}}},'l':{'L':[{'S':'c'}]}}"));
    assertThat(update.updatedPaths().apply(ITEM)).isEqualTo(item("{'l':{'L':[{'S':'b'}]}}"));
  }

  @Test
  void syntaxErrorsUseAwsWording() {
    assertParseError("SET x", none(),
        "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"x\"");
    assertParseError("UPSERT x = :v", values("{':v':{'N':'1'}}"),
        "Invalid UpdateExpression: Syntax error; token: \"UPSERT\", near: \"UPSERT x\"");
    assertParseError("SET a = :v,", values("{':v':{'N':'1'}}"),
        "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \",\"");
  }

  @Test
  void syntaxErrorNearTextSpansThePreviousAndNextTokens() {
    // Both messages as DynamoDB returned them in public bug reports.
    assertParseError("ADD hits : incr", values("{':incr':{'N':'1'}}"),
        "Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"");
    assertParseError("INVALID SYNTAX HERE", none(),
        "Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
  }

  @Test
  void reservedWordTargetIsRejected() {
    assertParseError("SET status = :v", values("{':v':{'N':'1'}}"),
        "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status");
  }

  @Test
  void placeholdersResolveAndUndefinedOnesAreRejected() {
    ObjectNode result = Expressions.update("SET #s = :v", context("{'#s':'status'}", "{':v':{'S':'on'}}"))
        .apply(item("{}"));
    assertThat(result.get("status")).isEqualTo(json("{'S':'on'}"));
    assertParseError("SET a = :nope", values("{':v':{'N':'1'}}"), "Invalid UpdateExpression: An "
        + "expression attribute value used in expression is not defined; attribute value: :nope");
    assertParseError("SET #nope = :v", values("{':v':{'N':'1'}}"), "Invalid UpdateExpression: An "
        + "expression attribute name used in the document path is not defined; attribute name: #nope");
  }

  @Test
  void conditionFunctionsAreNotUpdateFunctions() {
    assertParseError("SET a = size(l)", none(),
        "Invalid UpdateExpression: Invalid function name; function: size");
  }
}
