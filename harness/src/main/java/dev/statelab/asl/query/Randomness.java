package dev.statelab.asl.query;

/**
 * The world's seeded random source as the query layer sees it.
 *
 * <p>Everything random in a workflow ({@code States.UUID}, {@code States.MathRandom}, JSONata's
 * {@code $random} and {@code $uuid}, retry jitter) draws from one of these, so a run is repeatable
 * for a seed.
 */
public interface Randomness {

  /** A uniformly distributed double in [0, 1). */
  double nextDouble();

  /** A uniformly distributed long. */
  long nextLong();

  /** A random (version 4) UUID drawn from this source. */
  default String uuid() {
    long msb = (nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new java.util.UUID(msb, lsb).toString();
  }
}
