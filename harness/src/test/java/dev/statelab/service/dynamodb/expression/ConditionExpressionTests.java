package dev.statelab.service.dynamodb.expression;

import static dev.statelab.service.dynamodb.expression.Fixtures.context;
import static dev.statelab.service.dynamodb.expression.Fixtures.item;
import static dev.statelab.service.dynamodb.expression.Fixtures.none;
import static dev.statelab.service.dynamodb.expression.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConditionExpressionTests {

  private static final ObjectNode ITEM = item("""
      {'id':{'S':'a1'},'n':{'N':'12.5'},'s':{'S':'hello world'},'tags':{'SS':['x','y']},
       'nums':{'NS':['1','2.0']},'bin':{'B':'AQID'},'ok':{'BOOL':true},'z':{'NULL':true},
       'l':{'L':[{'S':'p'},{'N':'7'},{'L':[{'S':'deep'}]}]},
       'm':{'M':{'leaf':{'S':'v'},'cnt':{'N':'3'}}}}""");

  private static boolean test(String expression, String valuesJson) {
    return Expressions.condition(expression, values(valuesJson)).test(ITEM);
  }

  private static boolean test(String expression) {
    return Expressions.condition(expression, none()).test(ITEM);
  }

  private static void assertError(String expression, ExpressionContext ctx, String message) {
    assertThatThrownBy(() -> Expressions.condition(expression, ctx))
        .isInstanceOf(ExpressionException.class).hasMessage(message);
  }

  @Test
  void equalityComparesStrings() {
    assertThat(test("id = :v", "{':v':{'S':'a1'}}")).isTrue();
    assertThat(test("id = :v", "{':v':{'S':'a2'}}")).isFalse();
  }

  @Test
  void numbersCompareAsDecimals() {
    assertThat(test("n = :v", "{':v':{'N':'12.50'}}")).isTrue();
    assertThat(test("n < :v", "{':v':{'N':'100'}}")).isTrue();
    assertThat(test("n >= :v", "{':v':{'N':'12.5'}}")).isTrue();
    assertThat(test("n > :v", "{':v':{'N':'9'}}")).isTrue();
  }

  @Test
  void stringsCompareByUtf8Bytes() {
    // 'é' (C3 A9) sorts after 'z' (7A) by bytes.
    assertThat(Expressions.condition("s > :v", values("{':v':{'S':'z'}}"))
        .test(item("{'s':{'S':'\u00e9'}}"))).isTrue();
    assertThat(test("s <= :v", "{':v':{'S':'hello world'}}")).isTrue();
  }

  @Test
  void binaryComparesByBytes() {
    assertThat(test("bin < :v", "{':v':{'B':'AQIE'}}")).isTrue();
    assertThat(test("bin = :v", "{':v':{'B':'AQID'}}")).isTrue();
  }

  @Test
  void comparingMismatchedTypesIsFalse() {
    assertThat(test("n = :v", "{':v':{'S':'12.5'}}")).isFalse();
    assertThat(test("n < :v", "{':v':{'S':'99'}}")).isFalse();
  }

  @Test
  void notEqualIsTrueForMismatchedTypeAndMissingAttribute() {
    assertThat(test("n <> :v", "{':v':{'S':'12.5'}}")).isTrue();
    assertThat(test("absent <> :v", "{':v':{'S':'x'}}")).isTrue();
    assertThat(test("n <> :v", "{':v':{'N':'12.5'}}")).isFalse();
  }

  @Test
  void comparisonWithMissingAttributeIsFalse() {
    assertThat(test("absent = :v", "{':v':{'S':'x'}}")).isFalse();
    assertThat(test("absent < :v", "{':v':{'N':'1'}}")).isFalse();
  }

  @Test
  void setsAreEqualRegardlessOfOrder() {
    assertThat(test("tags = :v", "{':v':{'SS':['y','x']}}")).isTrue();
    assertThat(test("nums = :v", "{':v':{'NS':['2','1']}}")).isTrue();
  }

  @Test
  void mapsAndListsCompareDeeply() {
    assertThat(test("m = :v", "{':v':{'M':{'cnt':{'N':'3.0'},'leaf':{'S':'v'}}}}")).isTrue();
    assertThat(test("l[2] = :v", "{':v':{'L':[{'S':'deep'}]}}")).isTrue();
  }

  @Test
  void nestedPathsAndListIndexesResolve() {
    assertThat(test("m.leaf = :v", "{':v':{'S':'v'}}")).isTrue();
    assertThat(test("l[1] = :v", "{':v':{'N':'7'}}")).isTrue();
    assertThat(test("l[2][0] = :v", "{':v':{'S':'deep'}}")).isTrue();
    assertThat(test("l[9] = :v", "{':v':{'N':'7'}}")).isFalse();
  }

  @Test
  void namePlaceholdersSubstitute() {
    ExpressionContext ctx = context("{'#s':'status','#m':'m'}", "{':v':{'S':'on'},':w':{'N':'3'}}");
    ObjectNode item = item("{'status':{'S':'on'},'m':{'M':{'cnt':{'N':'3'}}}}");
    assertThat(Expressions.condition("#s = :v AND #m.cnt = :w", ctx).test(item)).isTrue();
  }

  @Test
  void betweenIsInclusive() {
    assertThat(test("n BETWEEN :a AND :b", "{':a':{'N':'12.5'},':b':{'N':'13'}}")).isTrue();
    assertThat(test("n between :a and :b", "{':a':{'N':'1'},':b':{'N':'12.5'}}")).isTrue();
    assertThat(test("n BETWEEN :a AND :b", "{':a':{'N':'13'},':b':{'N':'14'}}")).isFalse();
  }

  @Test
  void betweenWithReversedConstantBoundsIsRejected() {
    assertError("n BETWEEN :a AND :b", values("{':a':{'N':'5'},':b':{'N':'1'}}"),
        "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or "
            + "equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: "
            + "AttributeValue: {N:1}");
  }

  @Test
  void orderingComparisonsRejectValuesThatCannotBeOrdered() {
    assertError("n < :v", values("{':v':{'BOOL':true}}"), "Invalid ConditionExpression: Incorrect "
        + "operand type for operator or function; operator or function: <, operand type: BOOL");
    assertError("n BETWEEN :a AND :b", values("{':a':{'N':'1'},':b':{'L':[]}}"),
        "Invalid ConditionExpression: Incorrect operand type for operator or function; "
            + "operator or function: BETWEEN, operand type: L");
  }

  @Test
  void comparingAPathWithItselfIsRejected() {
    assertError("n = n", none(), "Invalid ConditionExpression: The first operand must be distinct from "
        + "the remaining operands for this operator or function; operator: =, first operand: [n]");
    assertError("contains(l[0], l[0])", none(), "Invalid ConditionExpression: The first operand must be "
        + "distinct from the remaining operands for this operator or function; operator: contains, "
        + "first operand: [l, [0]]");
  }

  @Test
  void betweenBoundsMustShareAType() {
    assertError("n BETWEEN :a AND :b", values("{':a':{'N':'5'},':b':{'S':'x'}}"),
        "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper "
            + "bounds; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {S:x}");
  }

  @Test
  void sizeOfAValueWorksButNotOfANumberValue() {
    assertThat(test("size(:s) = :three", "{':s':{'S':'abc'},':three':{'N':'3'}}")).isTrue();
    assertError("size(:n) = :n", values("{':n':{'N':'3'}}"), "Invalid ConditionExpression: Incorrect "
        + "operand type for operator or function; operator or function: size, operand type: N");
  }

  @Test
  void inMatchesAnyOption() {
    assertThat(test("id IN (:a, :b)", "{':a':{'S':'zz'},':b':{'S':'a1'}}")).isTrue();
    assertThat(test("id in (:a)", "{':a':{'S':'zz'}}")).isFalse();
  }

  @Test
  void inAcceptsOneHundredOperandsButNotMore() {
    String hundred = IntStream.range(0, 100).mapToObj(i -> ":v").collect(Collectors.joining(","));
    assertThat(test("id IN (" + hundred + ")", "{':v':{'S':'a1'}}")).isTrue();
    assertThatThrownBy(() -> test("id IN (" + hundred + ",:v)", "{':v':{'S':'a1'}}"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Invalid ConditionExpression: The IN operator is provided with too many operands; "
            + "number of operands: 101");
  }

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    // true OR (false AND false) = true; with OR first it would be false.
    assertThat(test("attribute_exists(id) OR attribute_exists(x) AND attribute_exists(y)")).isTrue();
    // (NOT false) AND true = true; NOT (false AND true) would also be true, so check another shape.
    assertThat(test("NOT attribute_exists(id) AND attribute_exists(x)")).isFalse();
    assertThat(test("NOT attribute_exists(x) AND attribute_exists(id)")).isTrue();
    assertThat(test("not attribute_exists(x) or attribute_exists(y)")).isTrue();
  }

  @Test
  void parenthesesOverridePrecedence() {
    assertThat(test("(attribute_exists(id) OR attribute_exists(x)) AND attribute_exists(y)")).isFalse();
    assertThat(test("NOT (attribute_exists(id) AND attribute_exists(x))")).isTrue();
  }

  @Test
  void redundantParenthesesAreRejected() {
    assertError("((attribute_exists(id)))", none(),
        "Invalid ConditionExpression: The expression has redundant parentheses;");
  }

  @Test
  void parenthesesAroundEachGroupAndTheWholeAreFine() {
    assertThat(test("((attribute_exists(id) OR attribute_exists(x)) AND (attribute_exists(n)))")).isTrue();
    assertThat(test("(attribute_exists(id))")).isTrue();
  }

  @Test
  void attributeExistsAndNotExists() {
    assertThat(test("attribute_exists(m.leaf)")).isTrue();
    assertThat(test("attribute_not_exists(m.nope)")).isTrue();
    assertThat(test("attribute_exists(l[5])")).isFalse();
  }

  @Test
  void attributeExistsOnEmptyItemIsFalse() {
    assertThat(Expressions.condition("attribute_not_exists(id)", none()).test(item("{}"))).isTrue();
    assertThat(Expressions.condition("attribute_exists(id)", none()).test(item("{}"))).isFalse();
  }

  @Test
  void attributeTypeChecksEveryType() {
    String[][] cases = {{"id", "S"}, {"n", "N"}, {"tags", "SS"}, {"nums", "NS"}, {"bin", "B"},
        {"ok", "BOOL"}, {"z", "NULL"}, {"l", "L"}, {"m", "M"}};
    for (String[] c : cases) {
      assertThat(test("attribute_type(" + c[0] + ", :t)", "{':t':{'S':'" + c[1] + "'}}"))
          .as(c[0]).isTrue();
    }
    assertThat(test("attribute_type(id, :t)", "{':t':{'S':'N'}}")).isFalse();
  }

  @Test
  void attributeTypeRejectsUnknownTypeNames() {
    assertError("attribute_type(id, :t)", values("{':t':{'S':'STRING'}}"),
        "Invalid ConditionExpression: Invalid attribute type name found; type: STRING, "
            + "valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
  }

  @Test
  void beginsWithOnStringsAndBinary() {
    assertThat(test("begins_with(s, :p)", "{':p':{'S':'hello'}}")).isTrue();
    assertThat(test("begins_with(s, :p)", "{':p':{'S':'world'}}")).isFalse();
    assertThat(test("begins_with(bin, :p)", "{':p':{'B':'AQ=='}}")).isTrue();
    assertThat(test("begins_with(n, :p)", "{':p':{'S':'12'}}")).isFalse();
  }

  @Test
  void beginsWithRejectsANumberOperand() {
    assertError("begins_with(s, :p)", values("{':p':{'N':'1'}}"),
        "Invalid ConditionExpression: Incorrect operand type for operator or function; "
            + "operator or function: begins_with, operand type: N");
  }

  @Test
  void containsFindsSubstringsSetMembersAndListElements() {
    assertThat(test("contains(s, :v)", "{':v':{'S':'lo wo'}}")).isTrue();
    assertThat(test("contains(tags, :v)", "{':v':{'S':'y'}}")).isTrue();
    assertThat(test("contains(tags, :v)", "{':v':{'S':'q'}}")).isFalse();
    assertThat(test("contains(nums, :v)", "{':v':{'N':'2'}}")).isTrue();
    assertThat(test("contains(l, :v)", "{':v':{'N':'7.0'}}")).isTrue();
    assertThat(test("contains(bin, :v)", "{':v':{'B':'Ag=='}}")).isTrue();
    assertThat(test("contains(n, :v)", "{':v':{'N':'1'}}")).isFalse();
  }

  @Test
  void sizeMeasuresStringsBinarySetsListsAndMaps() {
    assertThat(test("size(s) = :v", "{':v':{'N':'11'}}")).isTrue();
    assertThat(test("size(bin) = :v", "{':v':{'N':'3'}}")).isTrue();
    assertThat(test("size(tags) = :v", "{':v':{'N':'2'}}")).isTrue();
    assertThat(test("size(l) > :v", "{':v':{'N':'2'}}")).isTrue();
    assertThat(test("size(m) BETWEEN :a AND :b", "{':a':{'N':'2'},':b':{'N':'2'}}")).isTrue();
    assertThat(test(":v < size(s)", "{':v':{'N':'3'}}")).isTrue();
  }

  @Test
  void sizeOfANumberMatchesNothing() {
    assertThat(test("size(n) > :v", "{':v':{'N':'0'}}")).isFalse();
  }

  @Test
  void sizeAloneIsNotACondition() {
    assertError("size(s)", none(), "Invalid ConditionExpression: The function is not allowed to be "
        + "used this way in an expression; function: size");
  }

  @Test
  void conditionFunctionAsOperandIsRejected() {
    assertError("id = attribute_exists(id)", none(), "Invalid ConditionExpression: The function is "
        + "not allowed to be used this way in an expression; function: attribute_exists");
  }

  @Test
  void unknownFunctionIsRejected() {
    assertError("starts_with(id, :v)", values("{':v':{'S':'a'}}"),
        "Invalid ConditionExpression: Invalid function name; function: starts_with");
  }

  @Test
  void functionNamesAreCaseSensitive() {
    assertError("ATTRIBUTE_EXISTS(id)", none(),
        "Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS");
  }

  @Test
  void wrongNumberOfArgumentsIsRejected() {
    assertError("attribute_exists(id, n)", none(), "Invalid ConditionExpression: Incorrect number of "
        + "operands for operator or function; operator or function: attribute_exists, number of operands: 2");
  }

  @Test
  void attributeExistsNeedsADocumentPath() {
    assertError("attribute_exists(:v)", values("{':v':{'S':'a'}}"), "Invalid ConditionExpression: "
        + "Operator or function requires a document path; operator or function: attribute_exists");
  }

  @Test
  void reservedWordAsBareNameIsRejected() {
    assertError("status = :v", values("{':v':{'S':'a'}}"),
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
    assertError("m.Size = :v", values("{':v':{'S':'a'}}"),
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Size");
  }

  @Test
  void reservedWordListIsAwsFullList() {
    assertThat(ReservedWords.count()).isEqualTo(573);
    assertThat(ReservedWords.isReserved("flattern")).isTrue();
    assertThat(ReservedWords.isReserved("inner")).isTrue();
    assertThat(ReservedWords.isReserved("id")).isFalse();
  }

  @Test
  void undefinedValuePlaceholderIsRejected() {
    assertError("id = :x", values("{':v':{'S':'a'}}"), "Invalid ConditionExpression: An expression "
        + "attribute value used in expression is not defined; attribute value: :x");
  }

  @Test
  void undefinedNamePlaceholderIsRejected() {
    assertError("#x = :v", values("{':v':{'S':'a'}}"), "Invalid ConditionExpression: An expression "
        + "attribute name used in the document path is not defined; attribute name: #x");
  }

  @Test
  void syntaxErrorNamesTokenAndNearText() {
    assertError("id = ", none(), "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
    assertError("id = :v :w", values("{':v':{'S':'a'},':w':{'S':'b'}}"),
        "Invalid ConditionExpression: Syntax error; token: \":w\", near: \":v :w\"");
    assertError("id == :v", values("{':v':{'S':'a'}}"),
        "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== :v\"");
  }

  @Test
  void unexpectedCharacterIsASyntaxError() {
    assertError("id = $v", none(), "Invalid ConditionExpression: Syntax error; token: \"$\", near: \"= $v\"");
  }

  @Test
  void emptyExpressionIsRejected() {
    assertError("  ", none(), "Invalid ConditionExpression: The expression can not be empty;");
  }

  @Test
  void filterExpressionErrorsNameFilterExpression() {
    assertThatThrownBy(() -> Expressions.filter("id = ", none()))
        .hasMessage("Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
  }

  @Test
  void expressionsOver4096BytesAreRejected() {
    String name = "a".repeat(4090);
    assertThat(test("attribute_not_exists(" + "a".repeat(4096 - 22) + ")")).isTrue();
    assertError("attribute_not_exists(" + name + ")", none(), "Invalid ConditionExpression: Expression "
        + "size has exceeded the maximum allowed size; expression size: 4112");
  }

  @Test
  void moreThan300OperatorsAreRejected() {
    String chain = IntStream.range(0, 151).mapToObj(i -> "attribute_exists(id)")
        .collect(Collectors.joining(" AND "));
    // 151 functions and 150 ANDs.
    assertError(chain, none(), "Invalid ConditionExpression: The expression contains too many "
        + "operators; operator count: 301");
    String fits = IntStream.range(0, 150).mapToObj(i -> "attribute_exists(id)")
        .collect(Collectors.joining(" AND "));
    assertThat(test(fits)).isTrue();
  }

  @Test
  void keywordsAreCaseInsensitive() {
    assertThat(test("attribute_exists(id) aNd NoT attribute_exists(x) oR attribute_exists(y)")).isTrue();
  }
}
