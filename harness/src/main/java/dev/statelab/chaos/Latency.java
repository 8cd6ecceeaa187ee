package dev.statelab.chaos;

import dev.statelab.asl.query.Randomness;
import java.time.Duration;
import java.util.Objects;

/**
 * A delay distribution on the world clock: fixed, uniform or log-normal, drawn from the world's
 * seeded random source.
 *
 * @param kind {@code fixed}, {@code uniform} or {@code logNormal}
 * @param first the fixed value, the uniform minimum or the log-normal median
 * @param second the uniform maximum (null otherwise)
 * @param sigma the log-normal shape (0 otherwise)
 */
public record Latency(String kind, Duration first, Duration second, double sigma) {

  /** Validates the distribution. */
  public Latency {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(first, "first");
    if (first.isNegative() || second != null && second.compareTo(first) < 0 || sigma < 0) {
      throw new IllegalArgumentException("Not a latency distribution: " + kind + "(" + first + ", " + second + ", " + sigma + ")");
    }
  }

  /** Always {@code delay}. */
  public static Latency fixed(Duration delay) {
    return new Latency("fixed", delay, null, 0);
  }

  /** Uniform in [{@code min}, {@code max}]. */
  public static Latency uniform(Duration min, Duration max) {
    return new Latency("uniform", min, Objects.requireNonNull(max, "max"), 0);
  }

  /** Log-normal with the given median and shape: {@code median * exp(sigma * Z)}, Z standard normal. */
  public static Latency logNormal(Duration median, double sigma) {
    return new Latency("logNormal", median, null, sigma);
  }

  /** Draws one delay in milliseconds (never negative). */
  public long drawMillis(Randomness random) {
    return switch (kind) {
      case "fixed" -> first.toMillis();
      case "uniform" -> first.toMillis() + Math.round((second.toMillis() - first.toMillis()) * random.nextDouble());
      case "logNormal" -> Math.max(0, Math.round(first.toMillis() * Math.exp(sigma * gaussian(random))));
      default -> throw new IllegalStateException("Unknown latency kind " + kind);
    };
  }

  /** A standard normal draw (Box-Muller). */
  private static double gaussian(Randomness random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
