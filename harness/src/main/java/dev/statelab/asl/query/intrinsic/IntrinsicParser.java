package dev.statelab.asl.query.intrinsic;

/** STUB until the intrinsic branch lands. */
public final class IntrinsicParser {
  private IntrinsicParser() {}

  /** True when a '.$' value is an intrinsic call. */
  public static boolean looksLikeIntrinsic(String text) {
    return text != null && text.startsWith("States.");
  }

  /** Parses a call. */
  public static Intrinsic parse(String text) throws IntrinsicSyntaxException {
    throw new IntrinsicSyntaxException("Intrinsic functions are not available yet: " + text);
  }
}
