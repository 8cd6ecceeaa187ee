package dev.statelab.service.dynamodb.expression;

import java.math.BigDecimal;

/** DynamoDB's number rules: 38 significant digits, magnitudes between 1E-130 and 1E+126. */
public final class Numbers {

  private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
  private static final BigDecimal MIN = new BigDecimal("1E-130");

  private Numbers() {}

  /** Parses a number payload already known to be valid. */
  static BigDecimal parse(String text) {
    return new BigDecimal(text.trim());
  }

  /**
   * Validates a number as written in a request and returns the text DynamoDB stores and returns
   * for it ({@code "01.50"} becomes {@code "1.5"}, {@code "1E+2"} becomes {@code "100"}).
   *
   * @throws ExpressionException AWS's text: not numeric, overflow, underflow or too many digits
   */
  public static String canonical(String text) {
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw outOfRangeExponent(text);
    }
    return format(check(value));
  }

  /** A number BigDecimal refuses: an exponent beyond an int overflows or underflows, else not numeric. */
  private static ExpressionException outOfRangeExponent(String text) {
    int e = Math.max(text.indexOf('e'), text.indexOf('E'));
    boolean wellFormed = e > 0 && e < text.length() - 1 && isPlainDecimal(text.substring(0, e))
        && isInteger(text.substring(e + 1));
    if (!wellFormed) {
      return new ExpressionException("The parameter cannot be converted to a numeric value: " + text);
    }
    boolean negativeExponent = text.charAt(e + 1) == '-';
    return new ExpressionException(negativeExponent
        ? "Number underflow. Attempting to store a number with magnitude smaller than supported range"
        : "Number overflow. Attempting to store a number with magnitude larger than supported range");
  }

  private static boolean isPlainDecimal(String mantissa) {
    try {
      new BigDecimal(mantissa);
      return mantissa.indexOf('e') < 0 && mantissa.indexOf('E') < 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isInteger(String exponent) {
    int start = exponent.startsWith("-") || exponent.startsWith("+") ? 1 : 0;
    if (start == exponent.length()) {
      return false;
    }
    for (int i = start; i < exponent.length(); i++) {
      if (!Character.isDigit(exponent.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks a computed number against DynamoDB's range and precision.
   *
   * @throws ExpressionException AWS's overflow, underflow or precision text
   */
  static BigDecimal check(BigDecimal n) {
    // The decimal exponent first: comparing against MAX would scale a huge exponent out in full.
    long exponent = (long) n.precision() - n.scale() - 1;
    if (n.signum() != 0 && exponent > 125) {
      throw new ExpressionException(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (n.signum() != 0 && exponent < -130) {
      throw new ExpressionException(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
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
