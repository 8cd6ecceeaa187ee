package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.util.Random;

/** States.MathAdd and States.MathRandom. */
final class MathFunctions {

  private MathFunctions() {}

  /**
   * {@code States.MathAdd(a, b)}: the integer sum. Each operand is rounded half up ({@code 1.5} is
   * 2, {@code -1.5} is -1, as Java's {@code Math.round}, recorded against AWS); operands and sum
   * must fit in a 32-bit integer.
   */
  static JsonNode add(Invocation invocation) {
    long a = rounded(invocation, 0);
    long b = rounded(invocation, 1);
    long sum = a + b;
    if (!fitsInt(a) || !fitsInt(b) || !fitsInt(sum)) {
      throw invocation.invalid();
    }
    return Json.NODES.numberNode((int) sum);
  }

  /**
   * {@code States.MathRandom(start, end[, seed])}: a random integer with {@code start <= n < end}.
   * Bounds (and the seed) are truncated to whole numbers and {@code start} must be below {@code
   * end}. With a seed the result depends on the seed alone ({@code java.util.Random(seed)}, which
   * gives what AWS gives for a seed); without one it is drawn from the scope's random source.
   */
  static JsonNode random(Invocation invocation) {
    long start = invocation.truncatedInt(0);
    long end = invocation.truncatedInt(1);
    if (start >= end) {
      throw invocation.invalid();
    }
    long bound = end - start;
    long offset;
    if (invocation.size() == 3) {
      Random seeded = new Random(invocation.truncated(2));
      offset =
          bound <= Integer.MAX_VALUE
              ? seeded.nextInt((int) bound)
              : (long) Math.floor(seeded.nextDouble() * bound);
    } else {
      offset = (long) Math.floor(invocation.scope().random().nextDouble() * bound);
    }
    return Json.NODES.numberNode((int) (start + Math.min(offset, bound - 1)));
  }

  private static long rounded(Invocation invocation, int index) {
    JsonNode value = invocation.number(index);
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? value.longValue() : Long.MAX_VALUE;
    }
    double d = value.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw invocation.invalid();
    }
    return Math.round(d);
  }

  private static boolean fitsInt(long value) {
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
  }
}
