package dev.statelab.service.batch;

import dev.statelab.asl.query.Randomness;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default runner: no container runs; the attempt's duration and exit code come from a model
 * read from the job's {@code statelab:*} parameters and tags (see the package documentation),
 * drawn from the world's seeded random source.
 */
final class SimulatedRunner implements JobRunner {

  static final String DURATION = "statelab:duration";
  static final String DISTRIBUTION = "statelab:durationDistribution";
  static final String FAILURE_RATE = "statelab:failureRate";
  static final String EXIT_CODE = "statelab:exitCode";
  static final String FAILURE_EXIT_CODE = "statelab:failureExitCode";
  static final Duration DEFAULT_DURATION = Duration.ofMinutes(1);

  private static final Pattern CALL = Pattern.compile("\\s*([a-zA-Z]+)\\s*\\((.*)\\)\\s*");

  @Override
  public JobOutcome run(JobContext job) {
    Map<String, String> model = model(job);
    Duration duration = drawDuration(model, job.random());
    double failureRate = Double.parseDouble(model.getOrDefault(FAILURE_RATE, "0"));
    int exitCode = Integer.parseInt(model.getOrDefault(EXIT_CODE, "0").trim());
    if (failureRate > 0 && job.random().nextDouble() < failureRate) {
      exitCode = Integer.parseInt(model.getOrDefault(FAILURE_EXIT_CODE, "1").trim());
    }
    return new JobOutcome(exitCode, duration, null);
  }

  /** Tags first, then parameters, so a SubmitJob parameter overrides a definition tag. */
  static Map<String, String> model(JobContext job) {
    Map<String, String> model = new LinkedHashMap<>();
    job.tags().forEach((k, v) -> {
      if (k.startsWith("statelab:")) {
        model.put(k, v);
      }
    });
    job.parameters().forEach((k, v) -> {
      if (k.startsWith("statelab:")) {
        model.put(k, v);
      }
    });
    return model;
  }

  /** Draws a duration from the model; never negative. */
  static Duration drawDuration(Map<String, String> model, Randomness random) {
    String spec = model.get(DISTRIBUTION);
    if (spec == null) {
      return parseDuration(model.getOrDefault(DURATION, DEFAULT_DURATION.toString()));
    }
    Matcher m = CALL.matcher(spec);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a duration distribution: '" + spec + "'");
    }
    String kind = m.group(1).toLowerCase(Locale.ROOT);
    Map<String, String> args = new LinkedHashMap<>();
    String body = m.group(2).trim();
    if (!body.isEmpty()) {
      int positional = 0;
      for (String part : body.split(",")) {
        int eq = part.indexOf('=');
        if (eq < 0) {
          args.put("$" + positional++, part.trim());
        } else {
          args.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
      }
    }
    double seconds;
    switch (kind) {
      case "fixed" -> seconds = secs(arg(args, "value", "$0", spec));
      case "uniform" -> {
        double min = secs(arg(args, "min", "$0", spec));
        double max = secs(arg(args, "max", "$1", spec));
        seconds = min + (max - min) * random.nextDouble();
      }
      case "normal" -> {
        double mean = secs(arg(args, "mean", "$0", spec));
        double sd = secs(arg(args, "stddev", "$1", spec));
        seconds = mean + sd * gaussian(random);
      }
      case "lognormal" -> {
        double mean = secs(arg(args, "mean", "$0", spec));
        double sigma = Double.parseDouble(arg(args, "sigma", "$1", spec));
        double mu = Math.log(mean) - sigma * sigma / 2;
        seconds = Math.exp(mu + sigma * gaussian(random));
      }
      default -> throw new IllegalArgumentException(
          "Unknown duration distribution '" + kind + "' (fixed, uniform, normal, lognormal)");
    }
    return Duration.ofMillis(Math.max(0, Math.round(seconds * 1000)));
  }

  private static String arg(Map<String, String> args, String name, String position, String spec) {
    String v = args.containsKey(name) ? args.get(name) : args.get(position);
    if (v == null) {
      throw new IllegalArgumentException("Missing '" + name + "' in '" + spec + "'");
    }
    return v;
  }

  private static double secs(String text) {
    return parseDuration(text).toMillis() / 1000.0;
  }

  static Duration parseDuration(String text) {
    String t = text.trim();
    try {
      return Duration.parse(t);
    } catch (DateTimeParseException e) {
      return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }
  }

  /** A standard normal draw (Box-Muller) from the world's random source. */
  private static double gaussian(Randomness random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
