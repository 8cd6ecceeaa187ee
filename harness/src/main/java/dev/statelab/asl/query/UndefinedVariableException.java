package dev.statelab.asl.query;

/** A path or expression referred to a workflow variable that is not defined where it runs. */
public final class UndefinedVariableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String variableName;

  /** Creates the exception for a variable name (without the {@code $}). */
  public UndefinedVariableException(String variableName) {
    super("Undefined variable: $" + variableName, null, false, false);
    this.variableName = variableName;
  }

  /** The variable's name, without the {@code $}. */
  public String variableName() {
    return variableName;
  }
}
