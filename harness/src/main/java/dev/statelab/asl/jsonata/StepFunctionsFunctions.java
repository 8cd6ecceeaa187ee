package dev.statelab.asl.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The functions Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code $hash},
 * {@code $random}, {@code $uuid}, {@code $parse}) and the built-ins it changes ({@code $eval} is
 * unavailable; {@code $now} and {@code $millis} read the world's clock).
 */
final class StepFunctionsFunctions {

  /** The most elements {@code $range} builds, as JSONata's range operator allows. */
  static final long MAX_RANGE_SIZE = 10_000_000L;

  /** The algorithms {@code $hash} accepts, AWS name to JDK name. */
  static final Map<String, String> HASH_ALGORITHMS =
      Map.of(
          "MD5", "MD5",
          "SHA-1", "SHA-1",
          "SHA-256", "SHA-256",
          "SHA-384", "SHA-384",
          "SHA-512", "SHA-512");

  private static final Map<String, Jsonata.JFunction> FUNCTIONS =
      Map.ofEntries(
          Map.entry("partition", new Jsonata.JFunction((in, args) -> partition(args), "<an:a>")),
          Map.entry("range", new Jsonata.JFunction((in, args) -> range(args), "<nnn:a<n>>")),
          Map.entry("hash", new Jsonata.JFunction((in, args) -> hash(args), "<ss:s>")),
          Map.entry("random", new Jsonata.JFunction((in, args) -> random(args), "<n?:n>")),
          Map.entry("uuid", new Jsonata.JFunction((in, args) -> uuid(), "<:s>")),
          Map.entry("parse", new Jsonata.JFunction((in, args) -> parse(args), "<s:x>")),
          Map.entry("eval", new Jsonata.JFunction((in, args) -> notAFunction(), "<x*:x>")),
          Map.entry("now", new Jsonata.JFunction((in, args) -> now(args), "<s?s?:s>")),
          Map.entry("millis", new Jsonata.JFunction((in, args) -> millis(), "<:n>")),
          Map.entry("number", new Jsonata.JFunction((in, args) -> number(args), "<(nsb)-:n>")),
          Map.entry("toMillis", new Jsonata.JFunction((in, args) -> toMillis(args), "<s-s?:n>")),
          Map.entry("sort", new Jsonata.JFunction((in, args) -> sort(args), "<af?:a>")));

  private StepFunctionsFunctions() {}

  /** Adds the functions to an expression's environment. */
  static void register(Jsonata expression) {
    FUNCTIONS.forEach(expression::registerFunction);
  }

  /**
   * {@code $partition(array, size)}: the array cut into chunks of {@code size} (the last may be
   * shorter).
   */
  static Object partition(List<?> args) {
    requireNonNull(args, "partition", 1);
    List<?> array = asList(args.get(0));
    long size =
        requireInteger(
            args.get(1), "Second argument of partition function must be a positive integer");
    if (size <= 0) {
      throw new JException("Second argument of partition function must be a positive integer", -1);
    }
    List<Object> chunks = new ArrayList<>();
    if (array == null) {
      return chunks;
    }
    for (int start = 0; start < array.size(); start += (int) Math.min(size, Integer.MAX_VALUE)) {
      int end = (int) Math.min(array.size(), start + size);
      chunks.add(new ArrayList<>(array.subList(start, end)));
    }
    return chunks;
  }

  /**
   * {@code $range(start, end, step)}: the numbers from start to end inclusive, by step, as a
   * JSONata sequence (so a single number comes back as that number, as AWS returns it).
   */
  static Object range(List<?> args) {
    requireNonNull(args, "range", 0, 1, 2);
    String integers = "Arguments of range function must be integers";
    long start = requireInteger(args.get(0), integers);
    long end = requireInteger(args.get(1), integers);
    long step = requireInteger(args.get(2), integers);
    if (step == 0) {
      throw new JException("Third argument of range function must not be zero", -1);
    }
    long count = (step > 0 ? end - start : start - end) / Math.abs(step) + 1;
    if (count > MAX_RANGE_SIZE) {
      throw new JException("D2014", -1, count);
    }
    List<Object> sequence = Utils.createSequence();
    for (long i = 0; i < count; i++) {
      long v = start + i * step;
      sequence.add(v == (int) v ? Integer.valueOf((int) v) : Long.valueOf(v));
    }
    return sequence;
  }

  /** {@code $hash(data, algorithm)}: the lower-case hex digest of the UTF-8 bytes of a string. */
  static Object hash(List<?> args) {
    requireNonNull(args, "hash", 0, 1);
    Object data = args.get(0);
    Object algorithm = args.get(1);
    if (data == null || algorithm == null) {
      return null;
    }
    String jdkName = HASH_ALGORITHMS.get(String.valueOf(algorithm));
    if (jdkName == null) {
      throw new JException(
          "Second argument of hash function must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512",
          -1);
    }
    try {
      MessageDigest digest = MessageDigest.getInstance(jdkName);
      return HexFormat.of()
          .formatHex(digest.digest(String.valueOf(data).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code $random()} draws from the world's random source; {@code $random(seed)} returns the same
   * number for the same seed. Both are in [0, 1).
   */
  static Object random(List<?> args) {
    requireNonNull(args, "random", 0);
    Object seed = args.isEmpty() ? null : args.get(0);
    if (seed instanceof Number n) {
      return new Random(seedOf(n)).nextDouble();
    }
    EvaluationScope scope = EvaluationScope.current();
    return scope != null ? scope.random().nextDouble() : Math.random();
  }

  /** {@code $uuid()}: a version 4 UUID drawn from the world's random source. */
  static Object uuid() {
    EvaluationScope scope = EvaluationScope.current();
    return scope != null ? scope.random().uuid() : java.util.UUID.randomUUID().toString();
  }

  /** {@code $parse(text)}: the JSON value a string holds. */
  static Object parse(List<?> args) {
    requireNonNull(args, "parse", 0);
    Object text = args.get(0);
    if (text == null) {
      return null;
    }
    JsonNode node;
    try {
      node = Json.parse(String.valueOf(text));
    } catch (IllegalArgumentException e) {
      throw new JException(
          "Unable to parse the argument of parse function as JSON: " + e.getMessage(), -1);
    }
    return JsonConversion.toJsonata(node);
  }

  /** {@code $now([picture [, timezone]])}: the evaluation's instant as a timestamp string. */
  static Object now(List<?> args) {
    String picture = args.size() > 0 && args.get(0) != null ? String.valueOf(args.get(0)) : null;
    String timezone = args.size() > 1 && args.get(1) != null ? String.valueOf(args.get(1)) : null;
    return Functions.dateTimeFromMillis(millis(), picture, timezone);
  }

  /** {@code $millis()}: the evaluation's instant in milliseconds since the epoch. */
  static Long millis() {
    EvaluationScope scope = EvaluationScope.current();
    return scope != null ? scope.nowMillis() : System.currentTimeMillis();
  }

  /** {@code $number(arg)}, raising jsonata-js's D3030 where dashjoin lets a Java exception out. */
  static Object number(List<?> args) {
    Object arg = args.isEmpty() ? null : args.get(0);
    try {
      return Functions.number(arg);
    } catch (NumberFormatException e) {
      throw new JException("D3030", -1, arg);
    }
  }

  /** {@code $toMillis(timestamp [, picture])}, raising jsonata-js's D3110 on a bad timestamp. */
  static Object toMillis(List<?> args) {
    Object timestamp = args.get(0);
    Object picture = args.size() > 1 ? args.get(1) : null;
    if (timestamp == null) {
      return null;
    }
    try {
      return Functions.dateTimeToMillis(
          String.valueOf(timestamp), picture == null ? null : String.valueOf(picture));
    } catch (JException e) {
      throw e;
    } catch (Exception e) {
      throw new JException("D3110", -1, timestamp);
    }
  }

  /**
   * {@code $sort(array [, before])}. Without a function, jsonata-js sorts an array of numbers or of
   * strings and raises D3070 for anything else; dashjoin's version fails on a mix of integers and
   * decimals, so the one-argument form is done here.
   */
  static Object sort(List<?> args) throws Throwable {
    Object arg = args.get(0);
    if (arg == null) {
      return null;
    }
    List<?> array = asList(arg);
    Object before = args.size() > 1 ? args.get(1) : null;
    if (before != null) {
      return Functions.sort(new ArrayList<>(array), before);
    }
    if (array.size() <= 1) {
      return array;
    }
    boolean numbers = array.stream().allMatch(v -> v instanceof Number);
    boolean strings = array.stream().allMatch(v -> v instanceof String);
    if (!numbers && !strings) {
      throw new JException("D3070", -1);
    }
    List<Object> sorted = new ArrayList<>(array);
    if (numbers) {
      sorted.sort((a, b) -> compareNumbers((Number) a, (Number) b));
    } else {
      sorted.sort((a, b) -> ((String) a).compareTo((String) b));
    }
    return sorted;
  }

  /** Compares two JSONata numbers of any Java type by value. */
  static int compareNumbers(Number a, Number b) {
    if (a instanceof BigDecimal
        || b instanceof BigDecimal
        || a instanceof java.math.BigInteger
        || b instanceof java.math.BigInteger) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
    }
    if ((a instanceof Long || a instanceof Integer)
        && (b instanceof Long || b instanceof Integer)) {
      return Long.compare(a.longValue(), b.longValue());
    }
    return Double.compare(a.doubleValue(), b.doubleValue());
  }

  private static Object notAFunction() {
    throw new JException("T1006", -1);
  }

  /**
   * Rejects a JSON null where the signature wants a string or number, as jsonata-js's signature
   * check does (dashjoin's lets it through).
   */
  private static void requireNonNull(List<?> args, String function, int... indexes) {
    for (int index : indexes) {
      if (index < args.size() && args.get(index) == Jsonata.NULL_VALUE) {
        throw new JException("T0410", -1, index + 1, function);
      }
    }
  }

  private static List<?> asList(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list;
    }
    return List.of(value);
  }

  private static long requireInteger(Object value, String message) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) <= Long.MAX_VALUE / 2.0) {
        return n.longValue();
      }
    }
    throw new JException(message, -1);
  }

  private static long seedOf(Number n) {
    double d = n.doubleValue();
    if (d == Math.rint(d) && Math.abs(d) <= Long.MAX_VALUE / 2.0) {
      return n.longValue();
    }
    if (n instanceof BigDecimal b) {
      return b.stripTrailingZeros().hashCode();
    }
    return Double.doubleToLongBits(d);
  }
}
