package dev.statelab.engine;

import dev.statelab.asl.query.Randomness;
import java.util.SplittableRandom;

/** The world's random source: one seeded generator, so a run is repeatable for a seed. */
final class SeededRandomness implements Randomness {

  private final SplittableRandom random;

  SeededRandomness(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public double nextDouble() {
    return random.nextDouble();
  }

  @Override
  public long nextLong() {
    return random.nextLong();
  }
}
