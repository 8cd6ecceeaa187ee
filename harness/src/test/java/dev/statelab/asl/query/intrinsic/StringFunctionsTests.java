package dev.statelab.asl.query.intrinsic;

import static dev.statelab.asl.query.intrinsic.Evaluations.failure;
import static dev.statelab.asl.query.intrinsic.Evaluations.invalidArgumentsCause;
import static dev.statelab.asl.query.intrinsic.Evaluations.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringFunctionsTests {

  private static String split(String text, String delimiters) {
    return json("States.StringSplit($.s, $.d)", "{\"s\":\"" + text + "\",\"d\":\"" + delimiters + "\"}");
  }

  @Test
  void splitsOnASingleCharacter() {
    assertThat(split("1,2,3,4,5", ",")).isEqualTo("[\"1\",\"2\",\"3\",\"4\",\"5\"]");
  }

  @Test
  void splitsOnAnyCharacterOfTheDelimiterString() {
    assertThat(split("This.is+a,test=string", ".+,=")).isEqualTo("[\"This\",\"is\",\"a\",\"test\",\"string\"]");
    assertThat(split("1a2b3ab4", "ab")).isEqualTo("[\"1\",\"2\",\"3\",\"4\"]");
  }

  @Test
  void dropsEmptyPieces() {
    assertThat(split(",a,,b,", ",")).isEqualTo("[\"a\",\"b\"]");
    assertThat(split(",", ",")).isEqualTo("[]");
    assertThat(split("", ",")).isEqualTo("[]");
  }

  @Test
  void keepsLineBreaksAndBlanksInsidePiecesAsRecordedOnAws() {
    String csv = "Value1,Value2,Value3\\nValue4,Value5,Value6\\n,,,\\ntrue,1,'HelloWorld'\\nNull,None,\\n   \\n";
    assertThat(split(csv, ","))
        .isEqualTo(
            "[\"Value1\",\"Value2\",\"Value3\\nValue4\",\"Value5\",\"Value6\\n\",\"\\ntrue\",\"1\","
                + "\"'HelloWorld'\\nNull\",\"None\",\"\\n   \\n\"]");
    assertThat(split(" , ", ",")).isEqualTo("[\" \",\" \"]");
  }

  @Test
  void treatsRegexCharactersLiterally() {
    assertThat(split("a|b.c+d", "|.+")).isEqualTo("[\"a\",\"b\",\"c\",\"d\"]");
  }

  @Test
  void splitsOnANewlineWrittenIntoTheLiteral() {
    assertThat(json("States.StringSplit('Hello\nWorld', '\n')", "{}")).isEqualTo("[\"Hello\",\"World\"]");
  }

  @Test
  void rejectsValuesThatAreNotStrings() {
    for (String input : new String[] {"{\"s\":123,\"d\":\",\"}", "{\"s\":\"a,b\",\"d\":null}", "{\"s\":false,\"d\":\",\"}", "{\"s\":\"a,b\",\"d\":[\",\"]}"}) {
      assertThat(failure("States.StringSplit($.s, $.d)", input).cause())
          .isEqualTo(invalidArgumentsCause("States.StringSplit($.s, $.d)", "States.StringSplit"));
    }
  }
}
