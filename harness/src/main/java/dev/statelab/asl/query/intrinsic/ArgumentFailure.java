package dev.statelab.asl.query.intrinsic;

/**
 * Internal signal that a function could not be applied; the detail becomes the part of the cause
 * after {@code had the following error: }.
 */
final class ArgumentFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ArgumentFailure(String detail) {
    super(detail, null, false, false);
  }

  /** The generic failure AWS reports for a value a function cannot take. */
  static ArgumentFailure invalidArguments(IntrinsicFunction function) {
    return new ArgumentFailure("Invalid arguments in " + function.functionName());
  }
}
