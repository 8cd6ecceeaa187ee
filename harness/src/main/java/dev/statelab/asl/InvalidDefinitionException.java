package dev.statelab.asl;

import dev.statelab.asl.errors.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition was rejected, with every problem found. Its message is AWS's InvalidDefinition
 * message: {@code Invalid State Machine Definition: 'CODE: text at /loc, CODE: text at /loc'}.
 */
public final class InvalidDefinitionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  /** Creates the exception from the diagnostics (errors first, as found). */
  public InvalidDefinitionException(List<Diagnostic> diagnostics) {
    super(render(diagnostics), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Every problem found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** AWS's InvalidDefinition message for a list of diagnostics. */
  public static String render(List<Diagnostic> diagnostics) {
    return "Invalid State Machine Definition: '"
        + diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::render).collect(Collectors.joining(", "))
        + "'";
  }
}
