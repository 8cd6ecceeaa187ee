package dev.statelab.asl.query.intrinsic;

import static dev.statelab.asl.query.intrinsic.Evaluations.eval;
import static dev.statelab.asl.query.intrinsic.Evaluations.failure;
import static dev.statelab.asl.query.intrinsic.Evaluations.invalidArgumentsCause;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashFunctionsTests {

  private static String hash(String algorithm) {
    return eval("States.Hash($.d, '" + algorithm + "')", "{\"d\":\"input data\"}").textValue();
  }

  @Test
  void everySupportedAlgorithmGivesTheLowercaseHexDigest() {
    assertThat(hash("MD5")).isEqualTo("812f45842bc6d66ee14572ce20db8e86");
    assertThat(hash("SHA-1")).isEqualTo("aaff4a450a104cd177d28d18d74485e8cae074b7");
    assertThat(hash("SHA-256")).isEqualTo("b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3");
    assertThat(hash("SHA-384"))
        .isEqualTo("d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562");
    assertThat(hash("SHA-512"))
        .isEqualTo(
            "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4");
  }

  @Test
  void hashesTheUtf8BytesOfTheData() {
    assertThat(eval("States.Hash('\u2713', 'SHA-256')", "{}").textValue())
        .isEqualTo("1dabba21cdad44541f6b15796f8d22978fc7ea10c46aeceeeeb66c23b3ac7604");
    assertThat(eval("States.Hash('', 'SHA-256')", "{}").textValue())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void dataThatIsNotAStringIsHashedAsRendered() {
    assertThat(eval("States.Hash(123, 'MD5')", "{}").textValue())
        .isEqualTo(eval("States.Hash('123', 'MD5')", "{}").textValue());
  }

  @Test
  void algorithmNamesMustBeSpelledExactly() {
    for (String algorithm : new String[] {"sha-256", "SHA256", "MD-5", "SHA-257", ""}) {
      String expression = "States.Hash('data', '" + algorithm + "')";
      assertThat(failure(expression, "{}").cause())
          .isEqualTo(invalidArgumentsCause(expression, "States.Hash"));
    }
    assertThat(failure("States.Hash('data', 123)", "{}").error()).isEqualTo("States.Runtime");
  }

  @Test
  void dataIsLimitedToTenThousandCharacters() {
    assertThat(eval("States.Hash($.d, 'SHA-256')", "{\"d\":\"" + "a".repeat(10_000) + "\"}").textValue())
        .hasSize(64);
    assertThat(failure("States.Hash($.d, 'SHA-256')", "{\"d\":\"" + "a".repeat(10_001) + "\"}").error())
        .isEqualTo("States.Runtime");
  }
}
