package dev.statelab.service.costexplorer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's {@code TimePeriod} (Start inclusive, End exclusive, UTC) and its split into
 * {@code DAILY}, {@code MONTHLY} or {@code HOURLY} buckets.
 *
 * @param start the start, inclusive
 * @param end the end, exclusive
 * @param hourly whether the dates were given with a time ({@code YYYY-MM-DDTHH:MM:SSZ})
 */
record TimePeriods(Instant start, Instant end, boolean hourly) {

  /** One result bucket: {@code [start, end)} and the strings to echo. */
  record Bucket(Instant start, Instant end, String startText, String endText) {}

  /** Parses and checks a TimePeriod against the world clock. */
  static TimePeriods parse(JsonNode period, Instant now) {
    if (period == null || period.isNull() || period.isMissingNode()) {
      throw required("timePeriod");
    }
    String s = period.path("Start").asText(null);
    String e = period.path("End").asText(null);
    if (s == null) {
      throw required("timePeriod.start");
    }
    if (e == null) {
      throw required("timePeriod.end");
    }
    boolean hourly = s.contains("T") || e.contains("T");
    Instant start = instant(s, "Start");
    Instant end = instant(e, "End");
    if (!start.isBefore(end)) {
      throw Expressions.invalid("Start date (and hour) should be before end date (and hour)");
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant nextMonth = today.withDayOfMonth(1).plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    if (end.isAfter(nextMonth)) {
      throw Expressions.invalid("end date past the beginning of next month");
    }
    return new TimePeriods(start, end, hourly);
  }

  /** The buckets of a granularity. */
  List<Bucket> buckets(String granularity) {
    if (granularity.equals("HOURLY") && !hourly) {
      throw Expressions.invalid("Hourly timePeriod is not supported for this request");
    }
    List<Bucket> out = new ArrayList<>();
    Instant t = start;
    while (t.isBefore(end)) {
      Instant next = switch (granularity) {
        case "HOURLY" -> t.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        case "DAILY" -> t.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        default -> LocalDate.ofInstant(t, ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1).atStartOfDay()
            .toInstant(ZoneOffset.UTC);
      };
      if (next.isAfter(end)) {
        next = end;
      }
      out.add(new Bucket(t, next, text(t), text(next)));
      t = next;
    }
    return out;
  }

  private String text(Instant t) {
    return hourly ? t.toString().replaceFirst("\\.\\d+Z$", "Z")
        : LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
  }

  private static Instant instant(String text, String field) {
    try {
      if (text.contains("T")) {
        return Instant.parse(text);
      }
      return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ex) {
      throw Expressions.invalid(field + " date is invalid: " + text
          + ". Expected format is YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
    }
  }

  /** The validation error of a missing required member. */
  static RuntimeException required(String path) {
    return Expressions.invalid("1 validation error detected: Value null at '" + path
        + "' failed to satisfy constraint: Member must not be null");
  }
}
