package dev.statelab.service.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumbersTests {

  private static final String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  private static final String UNDERFLOW =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";

  @Test
  void canonicalFormDropsZerosAndExponents() {
    assertThat(Numbers.canonical("01.50")).isEqualTo("1.5");
    assertThat(Numbers.canonical("1E+2")).isEqualTo("100");
    assertThat(Numbers.canonical("-0.000")).isEqualTo("0");
    assertThat(Numbers.canonical("9.9999999999999999999999999999999999999E+125")).hasSize(126);
    assertThat(Numbers.canonical("1E-130")).startsWith("0.000");
  }

  @Test
  void outOfRangeMagnitudesOverflowOrUnderflow() {
    for (String big : new String[] {"1e126", "-1e126", "1e2147483647", "1e2147483648", "1e99999999999"}) {
      assertThatThrownBy(() -> Numbers.canonical(big)).as(big).hasMessage(OVERFLOW);
    }
    for (String tiny : new String[] {"1e-131", "1e-2147483648", "1e-99999999999"}) {
      assertThatThrownBy(() -> Numbers.canonical(tiny)).as(tiny).hasMessage(UNDERFLOW);
    }
  }

  @Test
  void moreThan38SignificantDigitsAreRejected() {
    assertThatThrownBy(() -> Numbers.canonical("1234567890123456789012345678901234567890"))
        .hasMessage("Attempting to store more than 38 significant digits in a Number");
    assertThat(Numbers.canonical("12345678901234567890123456789012345678")).hasSize(38);
  }

  @Test
  void textThatIsNoNumberIsRejectedWithTheText() {
    for (String bad : new String[] {"abc", "", " 1", "1 ", "0x10", "1e", "NaN", "Infinity", "1.2.3"}) {
      assertThatThrownBy(() -> Numbers.canonical(bad)).as(bad)
          .hasMessage("The parameter cannot be converted to a numeric value: " + bad);
    }
  }
}
