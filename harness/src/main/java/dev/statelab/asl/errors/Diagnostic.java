package dev.statelab.asl.errors;

/**
 * One problem found in a state machine definition, in the shape of AWS's
 * ValidateStateMachineDefinition diagnostics.
 *
 * @param severity {@code ERROR} or {@code WARNING}
 * @param code AWS's code, e.g. {@code SCHEMA_VALIDATION_FAILED}, {@code MISSING_TRANSITION_TARGET}
 * @param message the human-readable text, without the location
 * @param location a JSON Pointer into the definition, e.g. {@code /States/Fetch/Retry/0}
 */
public record Diagnostic(String severity, String code, String message, String location) {

  /** Severity of problems that make a definition invalid. */
  public static final String ERROR = "ERROR";
  /** Severity of problems reported without rejecting the definition. */
  public static final String WARNING = "WARNING";

  /** Schema problem at a location: AWS's {@code SCHEMA_VALIDATION_FAILED}. */
  public static Diagnostic schema(String message, String location) {
    return new Diagnostic(ERROR, "SCHEMA_VALIDATION_FAILED", message, location);
  }

  /** An error-severity diagnostic with the given code. */
  public static Diagnostic error(String code, String message, String location) {
    return new Diagnostic(ERROR, code, message, location);
  }

  /** True for an error-severity diagnostic. */
  public boolean isError() {
    return ERROR.equals(severity);
  }

  /** The diagnostic as AWS prints it inside an InvalidDefinition message: {@code CODE: message at /loc}. */
  public String render() {
    return code + ": " + message + " at " + (location == null || location.isEmpty() ? "/" : location);
  }
}
