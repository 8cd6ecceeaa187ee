package dev.statelab.asl.query.intrinsic;

import static dev.statelab.asl.query.intrinsic.Evaluations.eval;
import static dev.statelab.asl.query.intrinsic.Evaluations.failure;
import static dev.statelab.asl.query.intrinsic.Evaluations.invalidArgumentsCause;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodingFunctionsTests {

  private static String input(String key, String value) {
    return "{\"" + key + "\":\"" + value + "\"}";
  }

  @Test
  void encodeGivesPaddedStandardBase64OfUtf8() {
    assertThat(eval("States.Base64Encode($.s)", input("s", "Data to encode")).textValue())
        .isEqualTo("RGF0YSB0byBlbmNvZGU=");
    assertThat(eval("States.Base64Encode('')", "{}").textValue()).isEmpty();
    assertThat(eval("States.Base64Encode('>>>???')", "{}").textValue()).isEqualTo("Pj4+Pz8/");
    assertThat(eval("States.Base64Encode($.s)", input("s", "\u2713")).textValue()).isEqualTo("4pyT");
    assertThat(eval("States.Base64Encode('\uD83D\uDE80')", "{}").textValue()).isEqualTo("8J+agA==");
  }

  @Test
  void encodeAcceptsTenThousandCharactersAndNoMore() {
    assertThat(eval("States.Base64Encode($.s)", input("s", "a".repeat(10_000))).textValue()).hasSize(13_336);
    String expression = "States.Base64Encode($.s)";
    assertThat(failure(expression, input("s", "a".repeat(10_001))).cause())
        .isEqualTo(invalidArgumentsCause(expression, "States.Base64Encode"));
  }

  @Test
  void encodeRejectsValuesThatAreNotStrings() {
    assertThat(failure("States.Base64Encode(123)", "{}").error()).isEqualTo("States.Runtime");
    assertThat(failure("States.Base64Encode($.a)", "{\"a\":[\"x\"]}").error()).isEqualTo("States.Runtime");
  }

  @Test
  void decodeGivesTheUtf8Text() {
    assertThat(eval("States.Base64Decode($.s)", input("s", "RGF0YSB0byBlbmNvZGU=")).textValue())
        .isEqualTo("Data to encode");
    assertThat(eval("States.Base64Decode('')", "{}").textValue()).isEmpty();
    assertThat(eval("States.Base64Decode('44GT44KT44Gr44Gh44Gv')", "{}").textValue()).isEqualTo("\u3053\u3093\u306B\u3061\u306F");
    assertThat(eval("States.Base64Decode('YWJjAGRlZg==')", "{}").textValue()).isEqualTo("abc\u0000def");
  }

  @Test
  void decodeIsLenientAboutPaddingWhitespaceAndStrayCharacters() {
    assertThat(eval("States.Base64Decode(' YWJjZA== ')", "{}").textValue()).isEqualTo("abcd");
    assertThat(eval("States.Base64Decode('YWJjZA')", "{}").textValue()).isEqualTo("abcd");
    assertThat(eval("States.Base64Decode('ab==cd')", "{}").textValue()).isEqualTo("i");
    assertThat(eval("States.Base64Decode('!!!aGVsbG8=!!!')", "{}").textValue()).isEqualTo("hello");
  }

  @Test
  void decodeRejectsMoreThanTenThousandCharactersAndNonStrings() {
    assertThat(eval("States.Base64Decode($.s)", input("s", "A".repeat(10_000))).isTextual()).isTrue();
    assertThat(failure("States.Base64Decode($.s)", input("s", "A".repeat(10_001))).cause())
        .isEqualTo(invalidArgumentsCause("States.Base64Decode($.s)", "States.Base64Decode"));
    assertThat(failure("States.Base64Decode($.o)", "{\"o\":{}}").error()).isEqualTo("States.Runtime");
  }

  @Test
  void encodeThenDecodeRoundTrips() {
    assertThat(eval("States.Base64Decode(States.Base64Encode($.s))", input("s", "round trip \u00e9")).textValue())
        .isEqualTo("round trip \u00e9");
  }
}
