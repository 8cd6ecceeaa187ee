package dev.statelab.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** {@link FrozenObjects}: small read-only objects that behave like ordinary ones when read. */
class FrozenObjectsTests {

  private static final String[] FIELDS = {"name", "input", "inputDetails"};

  private static ObjectNode frozen() {
    return FrozenObjects.of(FIELDS, Json.text("Charge"), Json.parse("{\"amount\":1.50}"),
        Json.parse("{\"truncated\":false}"));
  }

  @Test
  void readsWritesAndComparesLikeTheSameOrdinaryObject() {
    ObjectNode ordinary = (ObjectNode) Json.parse(
        "{\"name\":\"Charge\",\"input\":{\"amount\":1.50},\"inputDetails\":{\"truncated\":false}}");

    ObjectNode frozen = frozen();

    assertThat(Json.write(frozen)).isEqualTo(Json.write(ordinary))
        .isEqualTo("{\"name\":\"Charge\",\"input\":{\"amount\":1.50},\"inputDetails\":{\"truncated\":false}}");
    assertThat(frozen).isEqualTo(ordinary);
    assertThat(ordinary).isEqualTo(frozen);
    assertThat(frozen.hashCode()).isEqualTo(ordinary.hashCode());
    assertThat(frozen.get("input").get("amount").decimalValue()).isEqualByComparingTo("1.50");
    assertThat(frozen.has("inputDetails")).isTrue();
    assertThat(frozen.path("missing").isMissingNode()).isTrue();
    assertThat(frozen.at("/inputDetails/truncated").booleanValue()).isFalse();
    assertThat(frozen.fieldNames()).toIterable().containsExactly("name", "input", "inputDetails");
    assertThat(frozen.deepCopy()).isEqualTo(ordinary);
    assertThat(Json.byteSize(frozen)).isEqualTo(Json.byteSize(ordinary));
  }

  @Test
  void forEachFieldVisitsFrozenAndOrdinaryObjectsInOrder() {
    java.util.List<String> frozenKeys = new java.util.ArrayList<>();
    java.util.List<String> ordinaryKeys = new java.util.ArrayList<>();

    FrozenObjects.forEachField(frozen(), (key, value) -> frozenKeys.add(key + "=" + Json.write(value)));
    FrozenObjects.forEachField(FrozenObjects.thaw(frozen()),
        (key, value) -> ordinaryKeys.add(key + "=" + Json.write(value)));
    FrozenObjects.forEachField(null, (key, value) -> frozenKeys.add("never"));

    assertThat(frozenKeys).containsExactly("name=\"Charge\"", "input={\"amount\":1.50}",
        "inputDetails={\"truncated\":false}");
    assertThat(ordinaryKeys).isEqualTo(frozenKeys);
  }

  @Test
  void aNullValueIsJsonNull() {
    ObjectNode frozen = FrozenObjects.of(new String[] {"output"}, (JsonNode) null);

    assertThat(Json.write(frozen)).isEqualTo("{\"output\":null}");
  }

  @Test
  void changingAFrozenObjectIsRefused() {
    ObjectNode frozen = frozen();

    assertThatThrownBy(() -> frozen.put("name", "Refund"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.remove("name"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(frozen.get("name").asText()).isEqualTo("Charge");
  }

  @Test
  void keysAndValuesMustPair() {
    assertThatThrownBy(() -> FrozenObjects.of(FIELDS, Json.text("only one")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("3 keys for 1 values");
  }
}
