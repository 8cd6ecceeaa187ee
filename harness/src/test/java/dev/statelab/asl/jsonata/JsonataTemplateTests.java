package dev.statelab.asl.jsonata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Templates: what is an expression, how nested values are evaluated, what they refer to. */
class JsonataTemplateTests {

  @Test
  void anExpressionIsAStringThatStartsAndEndsWithTheDelimiters() {
    assertThat(JsonataTemplate.isExpression("{% $states.input %}")).isTrue();
    assertThat(JsonataTemplate.isExpression("{%$x%}")).isTrue();
    assertThat(JsonataTemplate.isExpression(" {% states.input %} ")).isFalse();
    assertThat(JsonataTemplate.isExpression("{% $x %} ")).isFalse();
    assertThat(JsonataTemplate.isExpression("$states.input")).isFalse();
    assertThat(JsonataTemplate.isExpression("{%")).isFalse();
    assertThat(JsonataTemplate.isExpression(null)).isFalse();
  }

  @Test
  void aTemplateWithoutExpressionsIsReturnedAsWritten() {
    // Recorded: outputdecl_..._BASE_LITERALS; strings that look like paths or intrinsics are
    // literals.
    String json =
        "{\"constant_null\":null,\"constant_int\":0,\"constant_float\":0.1,\"not\":\" {%"
            + " states.input %}"
            + " \",\"path\":\"$.input_value\",\"var\":\"$no.such.var\",\"if\":\"States.Format('x{}',"
            + " 1)\",\"ctx\":\"$$\",\"key.$\":\"$\",\"list\":[[],{}]}";
    JsonataTemplate template = Eval.compile(json, "Output");
    assertThat(template.isConstant()).isTrue();
    assertThat(template.evaluate(TestBindings.input("{}"))).isEqualTo(Json.parse(json));
  }

  @Test
  void aConstantTemplateReturnsACopyEachTime() {
    JsonataTemplate template = Eval.compile("{\"a\": [1]}", "Output");
    ObjectNode first = (ObjectNode) template.evaluate(TestBindings.input("{}"));
    first.put("mutated", true);
    assertThat(template.evaluate(TestBindings.input("{}"))).isEqualTo(Json.parse("{\"a\": [1]}"));
  }

  @Test
  void scalarConstantsAreTemplatesToo() {
    assertThat(Eval.compile("true", "Output").evaluate(TestBindings.input("{}")))
        .isEqualTo(Json.parse("true"));
    assertThat(
            Eval.compile("\"string literal\"", "Output")
                .evaluate(TestBindings.input("{}"))
                .textValue())
        .isEqualTo("string literal");
  }

  @Test
  void expressionsAreEvaluatedAtAnyDepthAndConstantsAroundThemKept() {
    // Recorded: outputdecl_..._LIST_RICH.
    JsonataTemplate template =
        Eval.compile(
            "[null, 0, 0.1, true, \"string\", [], \"$nosuchvar\", \"{% $states.input %}\","
                + " {\"key\": \"{% true %}\"}]",
            "Output");
    assertThat(template.isConstant()).isFalse();
    assertThat(template.evaluate(TestBindings.input("{\"input_value\": \"x\"}")))
        .isEqualTo(
            Json.parse(
                "[null, 0, 0.1, true, \"string\", [], \"$nosuchvar\", {\"input_value\": \"x\"},"
                    + " {\"key\": true}]"));
  }

  @Test
  void theWholeFieldCanBeOneExpression() {
    JsonataTemplate template =
        Eval.compile("\"{% $sum($states.input.values) + $one %}\"", "Output");
    assertThat(template.singleExpression()).contains("$sum($states.input.values) + $one");
    JsonNode result =
        template.evaluate(TestBindings.with("{\"values\": [1, 2, 3]}", Map.of("one", "1")));
    assertThat(Json.write(result)).isEqualTo("7");
  }

  @Test
  void workflowVariablesAreReadByName() {
    JsonataBindings bindings =
        TestBindings.with(
            "{}", Map.of("name", "\"Mar\u00eda\"", "n", "null", "obj", "{\"a\": [1, 2]}"));
    assertThat(Eval.text("$name", bindings)).isEqualTo("\"Mar\u00eda\"");
    assertThat(Eval.text("$n", bindings)).isEqualTo("null");
    assertThat(Eval.text("$obj.a[1]", bindings)).isEqualTo("2");
    assertThat(Eval.text("$count($obj.a)", bindings)).isEqualTo("2");
  }

  @Test
  void statesExposesInputContextAndWhatTheEngineAdds() {
    ObjectNode states = Json.object();
    states.set("input", Json.parse("{\"a\": 1}"));
    states.set("context", Json.parse("{\"State\": {\"Name\": \"S\"}}"));
    states.set("result", Json.parse("{\"Payload\": 2}"));
    states.set("errorOutput", Json.parse("{\"Error\": \"E\", \"Cause\": \"C\"}"));
    JsonataBindings bindings = TestBindings.states(states);
    JsonataTemplate template =
        Eval.compile(
            "{\"in\": \"{% $states.input.a %}\", \"name\": \"{% $states.context.State.Name %}\","
                + " \"res\": \"{% $states.result.Payload %}\", \"err\": \"{%"
                + " $states.errorOutput.Error %}\"}",
            "Output");
    assertThat(template.evaluate(bindings))
        .isEqualTo(Json.parse("{\"in\": 1, \"name\": \"S\", \"res\": 2, \"err\": \"E\"}"));
    assertThat(template.referencedStatesFields())
        .containsExactly("input", "context", "result", "errorOutput");
    assertThat(Eval.text("$keys($states)", bindings))
        .isEqualTo("[\"input\",\"context\",\"result\",\"errorOutput\"]");
  }

  @Test
  void referencedVariablesAreTheFreeDollarNamesOtherThanStatesAndFunctions() {
    JsonataTemplate template =
        Eval.compile(
            "{\"a\": \"{% $customerName & ' ' & $states.input.title %}\", \"b\": [\"{%"
                + " $total.items[0] %}\", \"{% $sum($prices) %}\"], \"c\": \"{% ($x := 5; $x +"
                + " $offset) %}\", \"d\": \"{% $map($list, function($v, $i) { $v * $factor }) %}\","
                + " \"e\": \"{% '$notAVariable' & \\\"$nor\\\" & $contains('a$b', /\\\\$c/) %}\","
                + " \"f\": \"{% $list@$item#$pos.{'v': $item, 'p': $pos} %}\", \"g\": \"{% $$ %}\","
                + " \"h\": \"{% $customerName %}\", \"i\": \"{% $undefinedFunction(1) %}\"}",
            "Arguments");
    assertThat(template.referencedVariables())
        .containsExactly("customerName", "total", "prices", "offset", "list", "factor");
  }

  @Test
  void aLocalBindingIsNotAWorkflowVariable() {
    // Recorded: evaluate_jsonata_..._TOLERATED_FAILURE_COUNT uses "{% $variable := 1 %}".
    JsonataTemplate template = Eval.compile("\"{% $variable := 1 %}\"", "ToleratedFailureCount");
    assertThat(template.referencedVariables()).isEmpty();
    assertThat(Json.write(template.evaluate(TestBindings.input("{}")))).isEqualTo("1");
  }

  @Test
  void aWorkflowVariableIsVisibleBeforeALocalBindingOfTheSameName() {
    JsonataBindings bindings = TestBindings.with("{}", Map.of("x", "41"));
    assertThat(Eval.text("($y := $x + 1; $x := 0; $y)", bindings)).isEqualTo("42");
    assertThat(Eval.text("($x := 1; $x)", bindings)).isEqualTo("1");
  }

  @Test
  void aConditionCanBeCheckedToBeABoolean() {
    JsonataTemplate condition =
        Eval.compile(
            "\"{% $states.input.value >= 20 and $states.input.value < 30 %}\"", "Condition");
    assertThat(
            condition
                .evaluate(TestBindings.input("{\"value\": 22}"), ExpectedType.BOOLEAN)
                .booleanValue())
        .isTrue();
    assertThat(
            condition
                .evaluate(TestBindings.input("{\"value\": 2}"), ExpectedType.BOOLEAN)
                .booleanValue())
        .isFalse();
  }

  @Test
  void regularExpressionsAndQuotesFollowJsonata() {
    // Recorded: evaluate_jsonata_..._regular_expressions_* and scenarios_..._ESCAPE_SEQUENCES_*.
    assertThat(Eval.text("$contains(\"hello$world\", /^hello\\$/)")).isEqualTo("true");
    assertThat(Eval.text("$contains('hello$world', /^hello\\ /)")).isEqualTo("false");
    assertThat(Eval.text("$states.input = '\"'", TestBindings.input("\"\\\"\""))).isEqualTo("true");
  }

  @Test
  void mergeCombinesObjectsFromTheInput() {
    // Recorded: evaluate_jsonata_..._test_merge_with_dynamic_args.
    assertThat(
            Eval.text(
                "$merge([$states.input.part1, $states.input.part2])",
                TestBindings.input(
                    "{\"part1\": {\"hello\": \"world\"}, \"part2\": {\"foo\": \"bar\"}}")))
        .isEqualTo("{\"hello\":\"world\",\"foo\":\"bar\"}");
  }

  @Test
  void evaluationDoesNotChangeTheBindings() {
    JsonNode input = Json.parse("{\"a\": [3, 1, 2], \"o\": {\"x\": 1}}");
    JsonNode before = input.deepCopy();
    ObjectNode states = Json.object();
    states.set("input", input);
    JsonataBindings bindings = TestBindings.states(states);
    Eval.compile(
            "{\"s\": \"{% $sort($states.input.a) %}\", \"r\": \"{% $reverse($states.input.a) %}\","
                + " \"t\": \"{% $states.input.o ~> |$|{'y': 2}| %}\", \"again\": \"{% $states.input"
                + " %}\"}",
            "Output")
        .evaluate(bindings);
    assertThat(input).isEqualTo(before);
  }

  @Test
  void oneCompiledTemplateEvaluatesCorrectlyFromManyThreadsAtOnce() throws Exception {
    JsonataTemplate template =
        Eval.compile(
            "{\"double\": \"{% $states.input.n * 2 %}\", \"squares\": \"{%"
                + " $map([1..$states.input.n], function($v) { $v * $v }) %}\", \"who\": \"{% $name"
                + " & '-' & $string($states.input.n) %}\", \"ids\": \"{% [$range(1,"
                + " $states.input.n, 1)] %}\"}",
            "Output");
    int threads = 8;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                int checked = 0;
                for (int i = 1; i <= perThread; i++) {
                  int n = (thread * perThread + i) % 50 + 1;
                  JsonataBindings bindings =
                      TestBindings.with(
                          "{\"n\": " + n + "}", Map.of("name", "\"t" + thread + "\""));
                  JsonNode result = template.evaluate(bindings);
                  assertThat(result.get("double").intValue()).isEqualTo(2 * n);
                  JsonNode squares = result.get("squares");
                  int last =
                      squares.isArray()
                          ? squares.get(squares.size() - 1).intValue()
                          : squares.intValue();
                  assertThat(last).isEqualTo(n * n);
                  assertThat(result.get("who").textValue()).isEqualTo("t" + thread + "-" + n);
                  assertThat(result.get("ids").size()).isEqualTo(n);
                  checked++;
                }
                return checked;
              }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> future : futures) {
      total += future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(total).isEqualTo(threads * perThread);
  }

  @Test
  void theFieldNameAndTemplateAreKept() {
    JsonataTemplate template =
        Eval.compile("{\"a\": \"{% 1 %}\", \"b\": \"{% 2 %}\"}", "Arguments");
    assertThat(template.fieldName()).isEqualTo("Arguments");
    assertThat(template.expressions()).containsExactly("1", "2");
    assertThat(template.template())
        .isEqualTo(Json.parse("{\"a\": \"{% 1 %}\", \"b\": \"{% 2 %}\"}"));
    assertThat(template.singleExpression()).isEmpty();
  }
}
