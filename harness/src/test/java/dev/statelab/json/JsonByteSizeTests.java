package dev.statelab.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Json#byteSize} counts exactly the bytes of {@link Json#write}'s UTF-8 output. */
class JsonByteSizeTests {

  private static int written(JsonNode node) {
    return Json.write(node).getBytes(StandardCharsets.UTF_8).length;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "[]", "\"\"", "null", "true", "false", "0", "-12", "9223372036854775807",
      "123456789012345678901234567890", "1.50", "-0.0", "1e400", "2.5E-7",
      "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"d\":\"x\"}",
      "\"quote \\\" backslash \\\\ slash / tab \\t newline \\n bell \\u0007 nul \\u0000\"",
      "\"caf\u00e9 \u20ac \ud83d\ude00 \u007f\"",
      "{\"k\\ney\":\"\\u001f\",\"\u00fc\":[\"\\b\\f\\r\"]}"})
  void countsWhatWriteProduces(String json) {
    JsonNode node = Json.parse(json);

    assertThat(Json.byteSize(node)).isEqualTo(written(node));
  }

  @Test
  void countsAnUnpairedSurrogateAsTheOneByteUtf8EncodingGivesIt() {
    JsonNode node = Json.text("a\ud800b\udc00");

    assertThat(Json.byteSize(node)).isEqualTo(written(node)).isEqualTo(2 + 4);
  }

  @Test
  void countsNumbersBuiltInCodeAsWriteFormatsThem() {
    ArrayNode array = Json.array()
        .add(3).add(-7L).add(1.25).add(1e21).add(Float.MIN_VALUE)
        .add(new BigDecimal("1E+3")).add(new BigInteger("-98765432109876543210"));

    assertThat(Json.byteSize(array)).isEqualTo(written(array));
  }

  @Test
  void agreesWithWriteOnRandomDocuments() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 500; i++) {
      JsonNode node = randomNode(random, 0);

      assertThat(Json.byteSize(node)).as(Json.write(node)).isEqualTo(written(node));
    }
  }

  private static JsonNode randomNode(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth > 3 ? 5 : 7);
    switch (kind) {
      case 0:
        return Json.text(randomText(random));
      case 1:
        return Json.NODES.numberNode(random.nextLong());
      case 2:
        return Json.NODES.numberNode(new BigDecimal(random.nextDouble() * 1e6).setScale(
            random.nextInt(6), java.math.RoundingMode.HALF_UP));
      case 3:
        return Json.NODES.booleanNode(random.nextBoolean());
      case 4:
        return Json.NODES.nullNode();
      case 5: {
        ObjectNode object = Json.object();
        for (int n = random.nextInt(5); n > 0; n--) {
          object.set(randomText(random), randomNode(random, depth + 1));
        }
        return object;
      }
      default: {
        ArrayNode array = Json.array();
        for (int n = random.nextInt(5); n > 0; n--) {
          array.add(randomNode(random, depth + 1));
        }
        return array;
      }
    }
  }

  private static String randomText(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(12); n > 0; n--) {
      switch (random.nextInt(6)) {
        case 0 -> text.append((char) random.nextInt(0x20));
        case 1 -> text.append(random.nextBoolean() ? '"' : '\\');
        case 2 -> text.append((char) (0x80 + random.nextInt(0x780)));
        case 3 -> text.append((char) (0x800 + random.nextInt(0xD000 - 0x800)));
        case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x10000));
        default -> text.append((char) (0x20 + random.nextInt(0x60)));
      }
    }
    return text.toString();
  }
}
