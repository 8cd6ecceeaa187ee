package dev.statelab.service.eventbridge;

import dev.statelab.gateway.AwsServiceException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's {@code ScheduleExpression}: {@code rate(5 minutes)} or {@code cron(0 12 * * ? *)}
 * (minutes, hours, day-of-month, month, day-of-week, year; UTC), answering when it next fires.
 *
 * <p>Cron fields take {@code *}, {@code ?}, lists, ranges and {@code /} increments, month and
 * weekday names; the {@code L}, {@code W} and {@code #} forms are rejected as unsupported.
 */
public final class Schedule {

  private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
  private static final Pattern CRON = Pattern.compile("cron\\(([^)]*)\\)");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1),
      Map.entry("FEB", 2), Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5),
      Map.entry("JUN", 6), Map.entry("JUL", 7), Map.entry("AUG", 8), Map.entry("SEP", 9),
      Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
  private static final Map<String, Integer> DAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4,
      "THU", 5, "FRI", 6, "SAT", 7);

  private final String expression;
  private final Duration rate;
  private final BitSet[] cron;

  private Schedule(String expression, Duration rate, BitSet[] cron) {
    this.expression = expression;
    this.rate = rate;
    this.cron = cron;
  }

  /**
   * Parses an expression.
   *
   * @throws AwsServiceException {@code ValidationException} "Parameter ScheduleExpression is not
   *     valid." for anything else
   */
  public static Schedule parse(String expression) {
    String text = expression.strip();
    Matcher rate = RATE.matcher(text);
    if (rate.matches()) {
      long value = Long.parseLong(rate.group(1));
      String unit = rate.group(2);
      if (value <= 0 || (value == 1) != !unit.endsWith("s")) {
        throw invalid();
      }
      Duration d = switch (unit.charAt(0)) {
        case 'm' -> Duration.ofMinutes(value);
        case 'h' -> Duration.ofHours(value);
        default -> Duration.ofDays(value);
      };
      return new Schedule(text, d, null);
    }
    Matcher cron = CRON.matcher(text);
    if (!cron.matches()) {
      throw invalid();
    }
    String[] f = cron.group(1).strip().split("\\s+");
    if (f.length != 6 || (!f[2].equals("?") && !f[4].equals("?"))
        || (f[2].equals("?") && f[4].equals("?"))) {
      throw invalid();
    }
    BitSet[] fields = {field(f[0], 0, 59, Map.of()), field(f[1], 0, 23, Map.of()),
        field(f[2], 1, 31, Map.of()), field(f[3], 1, 12, MONTHS), field(f[4], 1, 7, DAYS),
        field(f[5], 1970, 2199, Map.of())};
    return new Schedule(text, null, fields);
  }

  /** The expression as written. */
  public String expression() {
    return expression;
  }

  /** A {@code rate(...)} schedule's period, or null for cron. */
  public Duration rate() {
    return rate;
  }

  /**
   * The first firing strictly after {@code after}: for a rate, one period later; for cron, the
   * next matching whole minute (UTC), or null if none before 2200.
   */
  public Instant nextAfter(Instant after) {
    if (rate != null) {
      return after.plus(rate);
    }
    ZonedDateTime t = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    while (t.getYear() <= 2199) {
      if (!cron[5].get(t.getYear())) {
        t = ZonedDateTime.of(t.getYear() + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
      } else if (!cron[3].get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!cron[1].get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!cron[0].get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return t.toInstant();
      }
    }
    return null;
  }

  private boolean dayMatches(ZonedDateTime t) {
    int weekday = t.getDayOfWeek().getValue() % 7 + 1; // SUN=1 .. SAT=7
    return cron[2].get(t.getDayOfMonth()) && cron[4].get(weekday);
  }

  private static BitSet field(String text, int min, int max, Map<String, Integer> names) {
    BitSet bits = new BitSet(max + 1);
    if (text.equals("*") || text.equals("?")) {
      bits.set(min, max + 1);
      return bits;
    }
    for (String part : text.split(",")) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = number(part.substring(slash + 1), Map.of());
        if (step <= 0) {
          throw invalid();
        }
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", 2);
        from = number(ends[0], names);
        to = number(ends[1], names);
      } else {
        from = number(range, names);
        to = slash >= 0 ? max : from;
      }
      if (from < min || to > max || from > to) {
        throw invalid();
      }
      for (int v = from; v <= to; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int number(String text, Map<String, Integer> names) {
    Integer named = names.get(text.toUpperCase(Locale.ROOT));
    if (named != null) {
      return named;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static AwsServiceException invalid() {
    return new AwsServiceException("ValidationException", "Parameter ScheduleExpression is not valid.");
  }

  @Override
  public String toString() {
    return expression;
  }
}
