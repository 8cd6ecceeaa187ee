package dev.statelab.service.dynamodb.expression;

import static dev.statelab.service.dynamodb.expression.Fixtures.context;
import static dev.statelab.service.dynamodb.expression.Fixtures.item;
import static dev.statelab.service.dynamodb.expression.Fixtures.none;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ProjectionExpressionTests {

  private static final ObjectNode ITEM = item("""
      {'id':{'S':'a1'},'n':{'N':'1'},
       'l':{'L':[{'S':'a'},{'M':{'x':{'N':'1'},'y':{'N':'2'}}},{'S':'c'}]},
       'm':{'M':{'leaf':{'S':'v'},'deep':{'M':{'k':{'S':'k'},'j':{'S':'j'}}}}}}""");

  private static ObjectNode project(String expression) {
    return Expressions.projection(expression, none()).apply(ITEM);
  }

  @Test
  void topLevelNamesSelectWholeAttributes() {
    assertThat(project("id, m")).isEqualTo(item(
        "{'id':{'S':'a1'},'m':" + ITEM.get("m").toString().replace('"', '\'') + "}"));
  }

  @Test
  void missingAttributesAreLeftOut() {
    assertThat(project("id, nothing")).isEqualTo(item("{'id':{'S':'a1'}}"));
  }

  @Test
  void nestedMapPathsKeepTheirStructure() {
    assertThat(project("m.deep.k")).isEqualTo(item("{'m':{'M':{'deep':{'M':{'k':{'S':'k'}}}}}}"));
  }

  @Test
  void siblingNestedPathsMergeIntoOneMap() {
    assertThat(project("m.leaf, m.deep.j")).isEqualTo(
        item("{'m':{'M':{'leaf':{'S':'v'},'deep':{'M':{'j':{'S':'j'}}}}}}"));
  }

  @Test
  void listIndexesAreCompactedInIndexOrder() {
    assertThat(project("l[2], l[0]")).isEqualTo(item("{'l':{'L':[{'S':'a'},{'S':'c'}]}}"));
  }

  @Test
  void pathsThroughListElementsKeepOnlySelectedEntries() {
    assertThat(project("l[1].y")).isEqualTo(item("{'l':{'L':[{'M':{'y':{'N':'2'}}}]}}"));
  }

  @Test
  void indexPastTheEndSelectsNothing() {
    assertThat(project("l[7], id")).isEqualTo(item("{'id':{'S':'a1'}}"));
  }

  @Test
  void namePlaceholdersWork() {
    assertThat(Expressions.projection("#s, #m.leaf", context("{'#s':'id','#m':'m'}", null)).apply(ITEM))
        .isEqualTo(item("{'id':{'S':'a1'},'m':{'M':{'leaf':{'S':'v'}}}}"));
  }

  @Test
  void overlappingPathsAreRejected() {
    assertThatThrownBy(() -> project("m, m.leaf")).hasMessage("Invalid ProjectionExpression: Two "
        + "document paths overlap with each other; must remove or rewrite one of these paths; "
        + "path one: [m], path two: [m, leaf]");
  }

  @Test
  void reservedWordsAndSyntaxErrorsAreRejected() {
    assertThatThrownBy(() -> project("id, name")).hasMessage(
        "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
    assertThatThrownBy(() -> project("id,")).hasMessage(
        "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
    assertThatThrownBy(() -> project("l[x]")).hasMessage(
        "Invalid ProjectionExpression: Syntax error; token: \"x\", near: \"[x]\"");
  }
}
