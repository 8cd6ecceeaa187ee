package dev.statelab.asl.query.intrinsic;

import static dev.statelab.asl.query.intrinsic.Evaluations.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UuidFunctionsTests {

  private static final String V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @Test
  void givesAVersionFourUuid() {
    assertThat(eval("States.UUID()", "{}").textValue()).matches(V4);
  }

  @Test
  void isRepeatableForTheSameSeed() {
    String first = eval("States.UUID()", TestScope.of("{}").withRandom(TestScope.seeded(11))).textValue();
    String second = eval("States.UUID()", TestScope.of("{}").withRandom(TestScope.seeded(11))).textValue();
    String other = eval("States.UUID()", TestScope.of("{}").withRandom(TestScope.seeded(12))).textValue();
    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void successiveCallsDiffer() {
    TestScope scope = TestScope.of("{}");
    assertThat(eval("States.UUID()", scope)).isNotEqualTo(eval("States.UUID()", scope));
  }

  @Test
  void ignoresArgumentsAsAwsDoes() {
    assertThat(eval("States.UUID('x', 1, null)", "{}").textValue()).matches(V4);
  }

  @Test
  void canBeFormatted() {
    assertThat(eval("States.Format('id-{}', States.UUID())", "{}").textValue()).matches("id-" + V4);
  }
}
