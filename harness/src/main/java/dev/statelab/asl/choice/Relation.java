package dev.statelab.asl.choice;

/** How two ordered values must relate for a comparison to match. */
public enum Relation {
  /** Equal. */
  EQUALS("Equals"),
  /** Left below right. */
  LESS_THAN("LessThan"),
  /** Left above right. */
  GREATER_THAN("GreaterThan"),
  /** Left below or equal to right. */
  LESS_THAN_EQUALS("LessThanEquals"),
  /** Left above or equal to right. */
  GREATER_THAN_EQUALS("GreaterThanEquals");

  private final String suffix;

  Relation(String suffix) {
    this.suffix = suffix;
  }

  /** The operator name part AWS uses, e.g. {@code LessThanEquals}. */
  public String suffix() {
    return suffix;
  }

  /** True when a {@code compareTo}-style result satisfies this relation. */
  public boolean holds(int comparison) {
    return switch (this) {
      case EQUALS -> comparison == 0;
      case LESS_THAN -> comparison < 0;
      case GREATER_THAN -> comparison > 0;
      case LESS_THAN_EQUALS -> comparison <= 0;
      case GREATER_THAN_EQUALS -> comparison >= 0;
    };
  }
}
