package dev.statelab.asl.query.intrinsic;

import static dev.statelab.asl.query.intrinsic.Evaluations.eval;
import static dev.statelab.asl.query.intrinsic.Evaluations.failure;
import static dev.statelab.asl.query.intrinsic.Evaluations.invalidArgumentsCause;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatFunctionTests {

  private static String format(String expression, String inputJson) {
    return eval(expression, inputJson).textValue();
  }

  @Test
  void replacesPlaceholdersPositionally() {
    assertThat(format("States.Format('Hello {}, welcome to {}!', $.n, $.p)", "{\"n\":\"John\",\"p\":\"LocalStack\"}"))
        .isEqualTo("Hello John, welcome to LocalStack!");
    assertThat(format("States.Format('no placeholders')", "{}")).isEqualTo("no placeholders");
    assertThat(format("States.Format('  {}  ', 'x')", "{}")).isEqualTo("  x  ");
  }

  @Test
  void rendersScalarsAsAwsDoes() {
    String template = "States.Format('Formatting argument {}.', $.v)";
    assertThat(format(template, "{\"v\":\"\"}")).isEqualTo("Formatting argument .");
    assertThat(format(template, "{\"v\":\" \"}")).isEqualTo("Formatting argument  .");
    assertThat(format(template, "{\"v\":null}")).isEqualTo("Formatting argument null.");
    assertThat(format(template, "{\"v\":1}")).isEqualTo("Formatting argument 1.");
    assertThat(format(template, "{\"v\":1.1}")).isEqualTo("Formatting argument 1.1.");
    assertThat(format(template, "{\"v\":false}")).isEqualTo("Formatting argument false.");
    assertThat(format(template, "{\"v\":\"{\\\"Arg1\\\": 1}\"}")).isEqualTo("Formatting argument {\"Arg1\": 1}.");
  }

  @Test
  void rendersObjectsAndArraysAsJavaMapsAndLists() {
    assertThat(format("States.Format('fst={} and snd={}.', $.o, $.a)", "{\"o\":{\"Arg1\":1,\"Arg2\":[]},\"a\":[1,\"x\",null,{\"k\":true}]}"))
        .isEqualTo("fst={Arg1=1, Arg2=[]} and snd=[1, x, null, {k=true}].");
  }

  @Test
  void acceptsTheTemplateFromAPath() {
    assertThat(format("States.Format($.t, $.n)", "{\"t\":\"Hello, my name is {}.\",\"n\":\"Arnav\"}"))
        .isEqualTo("Hello, my name is Arnav.");
  }

  @Test
  void escapedCharactersInALiteralTemplateAreLiteral() {
    assertThat(format("States.Format('\\{\\}\\\\ {} \\'q\\'', 'x')", "{}")).isEqualTo("{}\\ x 'q'");
  }

  @Test
  void nestsOtherFunctions() {
    assertThat(format("States.Format('arn:{}:{}', $.svc, States.JsonToString($.obj))", "{\"svc\":\"lambda\",\"obj\":{\"k\":1}}"))
        .isEqualTo("arn:lambda:{\"k\":1}");
  }

  @Test
  void rejectsAMismatchBetweenPlaceholdersAndValues() {
    for (String expression : new String[] {"States.Format('{} {}', 'x')", "States.Format('{}', 'x', 'y')"}) {
      assertThat(failure(expression, "{}").cause()).isEqualTo(invalidArgumentsCause(expression, "States.Format"));
    }
  }

  @Test
  void rejectsBracesThatDoNotFormAPlaceholder() {
    for (String expression :
        new String[] {"States.Format('Hello {', 'x')", "States.Format('Hello {{}}', 'x')", "States.Format('}')"}) {
      assertThat(failure(expression, "{}").cause()).isEqualTo(invalidArgumentsCause(expression, "States.Format"));
    }
  }

  @Test
  void rejectsATemplateThatIsNotAString() {
    assertThat(failure("States.Format($.t, 'x')", "{\"t\":123}").error()).isEqualTo("States.Runtime");
  }
}
