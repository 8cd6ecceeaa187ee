package dev.statelab.asl.choice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Which strings Choice rules treat as timestamps, and their instants.
 *
 * <p>A timestamp is an ISO-8601 <em>extended offset date-time</em>, the format whose name AWS
 * quotes when a Wait state's {@code TimestampPath} value does not parse ("does not reference a valid
 * ISO-8601 extended offset date-time format string"), read as Java's
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads it, but with the offset limited to RFC 3339's
 * two forms (the JDK's lenient offset parsing differs between versions). In practice:
 *
 * <ul>
 *   <li>a date and a time joined by {@code T} ({@code 2016-03-14T01:59:00Z}); a space does not do;
 *   <li>an offset is required, {@code Z} or {@code ±HH:MM} ({@code +01:00}); {@code +01},
 *       {@code +0100} and no offset at all ({@code 2016-03-14T01:59:00}) are not timestamps;
 *   <li>fractional seconds of 1 to 9 digits ({@code .243167252Z}); seconds may be left out
 *       ({@code 2016-03-14T01:59Z});
 *   <li>letters are matched without regard to case, so {@code t} and {@code z} are accepted;
 *   <li>calendar and clock fields must be real ({@code 2016-13-05}, {@code 25:29}, {@code 02-30}
 *       are rejected).
 * </ul>
 *
 * <p>The same test validates Timestamp operator literals at definition time, so a literal the
 * parser accepts always compares at run time.
 */
public final class Timestamps {

  private static final DateTimeFormatter FORMAT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .appendOffset("+HH:MM", "Z")
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(IsoChronology.INSTANCE);

  private Timestamps() {}

  /** True when the text is a timestamp. */
  public static boolean isTimestamp(String text) {
    return parse(text) != null;
  }

  /** The instant a timestamp denotes, or null when the text is not a timestamp. */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, FORMAT).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
