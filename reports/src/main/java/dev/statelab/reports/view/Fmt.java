package dev.statelab.reports.view;

import java.util.Locale;

/** Number formatting for the pages. */
public final class Fmt {

  private Fmt() {}

  /** USD: cents for amounts of a dollar and more, 3 significant digits below; "–" for NaN. */
  public static String usd(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (Math.abs(v) >= 1 || v == 0) {
      return String.format(Locale.ROOT, "$%,.2f", v);
    }
    return "$" + sig(v, 3);
  }

  /** A number with up to 4 significant digits and thousands separators; "–" for NaN. */
  public static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "–";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (Math.abs(v) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return sig(v, 4);
  }

  /** A fraction as a percentage with one decimal. */
  public static String pct(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }

  /** Milliseconds, as ms below 10 s and as seconds above. */
  public static String ms(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return v < 10_000 ? num(Math.round(v)) + " ms" : sig(v / 1000, 4) + " s";
  }

  private static String sig(double v, int digits) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
  }
}
