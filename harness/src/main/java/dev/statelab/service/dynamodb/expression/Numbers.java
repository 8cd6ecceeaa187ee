package dev.statelab.service.dynamodb.expression;

import java.math.BigDecimal;

/** DynamoDB's number rules: 38 significant digits, magnitudes between 1E-130 and 1E+126. */
final class Numbers {

  private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
  private static final BigDecimal MIN = new BigDecimal("1E-130");

  private Numbers() {}

  /** Parses a number payload. */
  static BigDecimal parse(String text) {
    return new BigDecimal(text.trim());
  }

  /**
   * Checks a computed number against DynamoDB's range and precision.
   *
   * @throws ExpressionException AWS's overflow, underflow or precision text
   */
  static BigDecimal check(BigDecimal n) {
    BigDecimal abs = n.abs();
    if (abs.compareTo(MAX) > 0) {
      throw new ExpressionException(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (abs.signum() != 0 && abs.compareTo(MIN) < 0) {
      throw new ExpressionException(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    if (n.signum() != 0 && n.stripTrailingZeros().precision() > 38) {
      throw new ExpressionException(
          "Attempting to store more than 38 significant digits in a Number");
    }
    return n;
  }

  /** The text AWS returns for a number: no exponent, no trailing zeros, {@code 0} for zero. */
  static String format(BigDecimal n) {
    return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
  }
}
