package dev.statelab.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What one Express execution is billed for, as StartSyncExecution's {@code billingDetails}
 * reports it, plus the GB-seconds that go on the bill.
 *
 * @param durationMillis the execution's duration, start to end, on the world clock
 * @param billedDurationMillis the duration rounded up to the next 100 ms (at least 100 ms)
 * @param usedMemoryMb the memory estimate before chunking
 * @param billedMemoryMb the memory in 64 MB chunks (at least 64 MB)
 */
public record ExpressBilling(long durationMillis, long billedDurationMillis, double usedMemoryMb, long billedMemoryMb) {

  /** Express duration is billed in steps of this many milliseconds. */
  public static final long DURATION_STEP_MILLIS = 100;

  /** The billing of an execution that ran {@code durationMillis} using {@code usedMemoryMb}. */
  public static ExpressBilling of(long durationMillis, double usedMemoryMb) {
    return new ExpressBilling(durationMillis, billedDuration(durationMillis), usedMemoryMb,
        ExpressMemoryModel.chunk(usedMemoryMb));
  }

  /**
   * A duration rounded up to the next 100 ms. ASSUMPTION: at least 100 ms, since a real execution
   * never takes 0 ms (the virtual clock can make it so).
   */
  public static long billedDuration(long durationMillis) {
    long steps = (Math.max(0, durationMillis) + DURATION_STEP_MILLIS - 1) / DURATION_STEP_MILLIS;
    return Math.max(1, steps) * DURATION_STEP_MILLIS;
  }

  /** Billed GB-seconds: billed memory / 1024 × billed duration in seconds. */
  public BigDecimal gbSeconds() {
    return BigDecimal.valueOf(billedMemoryMb).multiply(BigDecimal.valueOf(billedDurationMillis))
        .divide(BigDecimal.valueOf(1024L * 1000L), 12, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }
}
