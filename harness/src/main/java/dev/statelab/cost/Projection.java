package dev.statelab.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Projects a scenario's per-execution usage ({@link ScenarioUsage}) to N executions a month as
 * Standard and as Express: totals by service, the cheaper choice with its reason, and the
 * break-even volume where the cheaper choice flips.
 *
 * <p>Costs are one month's: usage is multiplied by N and priced with the catalogue's monthly
 * tiers (and free tiers when the {@link CostModel} applies them). Without free tiers both totals
 * are nearly proportional to N, so a break-even exists only where a free tier or a volume tier
 * bends one curve; otherwise it is "never" and the reason says which workflow type wins and why.
 *
 * <pre>{@code
 * Projection.Result r = Projection.of(CostModel.of(PriceCatalogue.defaults()), usage).project(1_000_000);
 * System.out.println(r.cheaper() + ": " + r.reason());
 * }</pre>
 */
public final class Projection {

  /** The largest monthly volume the break-even search looks at: 2^40 (about 1.1 × 10^12). */
  public static final long MAX_EXECUTIONS = 1L << 40;

  private final CostModel model;
  private final ScenarioUsage usage;

  private Projection(CostModel model, ScenarioUsage usage) {
    this.model = Objects.requireNonNull(model, "model");
    this.usage = Objects.requireNonNull(usage, "usage");
  }

  /** A projection of a scenario's usage with a cost model. */
  public static Projection of(CostModel model, ScenarioUsage usage) {
    return new Projection(model, usage);
  }

  /** The workflow type that costs less (EQUAL on a tie). */
  public enum Choice {
    /** Standard workflows. */
    STANDARD,
    /** Express workflows. */
    EXPRESS,
    /** Both cost the same. */
    EQUAL
  }

  /**
   * Where the cheaper choice flips.
   *
   * @param executions the smallest monthly volume at which {@code cheaperFrom} is cheaper, or null for never
   * @param cheaperFrom the type that is cheaper from that volume on (null when never)
   * @param reason one sentence
   */
  public record BreakEven(Long executions, Choice cheaperFrom, String reason) {

    /** True when the cheaper choice never flips within {@link #MAX_EXECUTIONS}. */
    public boolean never() {
      return executions == null;
    }
  }

  /**
   * A projection at one volume.
   *
   * @param scenario the scenario's name
   * @param executions executions per month
   * @param standard the Standard month, priced
   * @param express the Express month, priced
   * @param cheaper which type costs less
   * @param reason one sentence saying why
   * @param breakEven where the choice flips
   */
  public record Result(String scenario, long executions, CostBreakdown standard, CostBreakdown express,
      Choice cheaper, String reason, BreakEven breakEven) {}

  /** The usage projected. */
  public ScenarioUsage usage() {
    return usage;
  }

  /** The Standard month of N executions, priced. */
  public CostBreakdown standard(long executions) {
    return model.price(usage.standard(), executions);
  }

  /** The Express month of N executions, priced. */
  public CostBreakdown express(long executions) {
    return model.price(usage.express(), executions);
  }

  /** Projects N executions a month. */
  public Result project(long executions) {
    if (executions < 0) {
      throw new IllegalArgumentException("executions must not be negative");
    }
    CostBreakdown s = standard(executions);
    CostBreakdown e = express(executions);
    Choice cheaper = choice(s.total(), e.total());
    return new Result(usage.name(), executions, s, e, cheaper, reason(executions, s, e, cheaper), breakEven());
  }

  /** The smallest volume where the cheaper type changes, searched over 1..{@link #MAX_EXECUTIONS}. */
  public BreakEven breakEven() {
    long previous = 1;
    int previousSign = sign(1);
    for (long n = 2; n <= MAX_EXECUTIONS; n *= 2) {
      int s = sign(n);
      if (s != previousSign && s != 0) {
        long lo = previous;
        long hi = n;
        while (hi - lo > 1) {
          long mid = lo + (hi - lo) / 2;
          if (sign(mid) == s) {
            hi = mid;
          } else {
            lo = mid;
          }
        }
        Choice from = s < 0 ? Choice.STANDARD : Choice.EXPRESS;
        Choice before = from == Choice.STANDARD ? Choice.EXPRESS : Choice.STANDARD;
        String why = usage.transitionsPerExecution() > 0 && model.freeTierApplied() && from == Choice.EXPRESS
            ? " (Standard's monthly free transitions stop covering it there)" : " (volume tiers bend one curve)";
        return new BreakEven(hi, from, String.format(
            "%s is cheaper below %,d executions a month and %s from %,d on%s.",
            name(before), hi, name(from), hi, why));
      }
      if (s != 0) {
        previous = n;
        previousSign = s;
      }
    }
    Choice always = previousSign < 0 ? Choice.STANDARD : previousSign > 0 ? Choice.EXPRESS : Choice.EQUAL;
    CostBreakdown s1 = standard(1);
    CostBreakdown e1 = express(1);
    String reason = always == Choice.EQUAL
        ? "Standard and Express cost the same at every volume."
        : String.format("%s is cheaper at every volume up to %,d executions a month: one execution costs %s as "
            + "Express (%s) against %s as Standard (%s), and no free or volume tier closes the gap.",
            name(always), MAX_EXECUTIONS, dollars(e1.total()), expressUnits(), dollars(s1.total()), standardUnits());
    return new BreakEven(null, null, reason);
  }

  private int sign(long n) {
    return standard(n).total().compareTo(express(n).total());
  }

  private String reason(long n, CostBreakdown s, CostBreakdown e, Choice cheaper) {
    if (cheaper == Choice.EQUAL) {
      return String.format("At %,d executions a month Standard and Express both cost %s.", n, dollars(s.total()));
    }
    String winner = name(cheaper);
    String loser = cheaper == Choice.STANDARD ? "Express" : "Standard";
    BigDecimal win = cheaper == Choice.STANDARD ? s.total() : e.total();
    BigDecimal lose = cheaper == Choice.STANDARD ? e.total() : s.total();
    String driver = cheaper == Choice.EXPRESS
        ? String.format("%s per Standard execution cost more than %s per Express execution", standardUnits(),
            expressUnits())
        : String.format("%s per Express execution cost more than %s per Standard execution", expressUnits(),
            standardUnits());
    return String.format("%s is cheaper than %s at %,d executions a month (%s against %s): %s.", winner, loser, n,
        dollars(win), dollars(lose), driver);
  }

  private String standardUnits() {
    return usage.transitionsPerExecution() + " state transitions";
  }

  private String expressUnits() {
    ExpressBilling b = usage.expressBilling();
    return String.format("1 request and %s GB-seconds (%d ms × %d MB)", CostBreakdown.plain(b.gbSeconds()),
        b.billedDurationMillis(), b.billedMemoryMb());
  }

  private static Choice choice(BigDecimal standard, BigDecimal express) {
    int c = standard.compareTo(express);
    return c < 0 ? Choice.STANDARD : c > 0 ? Choice.EXPRESS : Choice.EQUAL;
  }

  private static String name(Choice c) {
    return c == Choice.STANDARD ? "Standard" : c == Choice.EXPRESS ? "Express" : "Neither";
  }

  private static String dollars(BigDecimal amount) {
    if (amount.abs().compareTo(BigDecimal.ONE) >= 0) {
      return "$" + amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
    return "$" + CostBreakdown.plain(amount.setScale(8, RoundingMode.HALF_EVEN));
  }
}
