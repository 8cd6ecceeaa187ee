package dev.statelab.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.FrozenObjects;
import dev.statelab.json.Json;
import org.junit.jupiter.api.Test;

/** Compactly recorded details read like ordinary ones and cannot be changed through an event. */
class HistoryEventDetailsTests {

  private static final String[] FIELDS = {"name", "input", "inputDetails"};

  private static HistoryEvent entered() {
    return new HistoryEvent(2, 1, 0, "PassStateEntered", FrozenObjects.of(FIELDS,
        Json.text("Charge"), Json.parse("{\"amount\":1.50}"), Json.parse("{\"truncated\":false}")));
  }

  @Test
  void detailsComeAsAnOrdinaryCopyThatChangesNothingRecorded() {
    HistoryEvent event = entered();

    ObjectNode details = event.details();
    details.put("name", "Refund");

    assertThat(FrozenObjects.isFrozen(details)).isFalse();
    assertThat(event.stateName()).isEqualTo("Charge");
    assertThat(event.details().get("name").asText()).isEqualTo("Charge");
  }

  @Test
  void oneDetailIsReadWithoutCopying() {
    HistoryEvent event = entered();

    assertThat(event.detail("input")).isSameAs(event.detail("input"));
    assertThat(event.detail("input").get("amount").decimalValue()).isEqualByComparingTo("1.50");
    assertThat(event.detail("missing")).isNull();
    assertThat(new HistoryEvent(1, 0, 0, "ExecutionStarted", null).detail("input")).isNull();
  }

  @Test
  void renderedHistoryIsTheSameForCompactAndOrdinaryDetails() {
    ObjectNode ordinary = (ObjectNode) Json.parse(
        "{\"name\":\"Charge\",\"input\":{\"amount\":1.50},\"inputDetails\":{\"truncated\":false}}");
    HistoryEvent plain = new HistoryEvent(2, 1, 0, "PassStateEntered", ordinary);

    assertThat(entered().toJson(true, true)).isEqualTo(plain.toJson(true, true));
    assertThat(Json.write(entered().toJson(true, false))).contains(
        "\"stateEnteredEventDetails\":{\"name\":\"Charge\",\"input\":\"{\\\"amount\\\":1.50}\"");
  }
}
