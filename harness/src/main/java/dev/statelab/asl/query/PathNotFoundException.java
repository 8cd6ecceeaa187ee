package dev.statelab.asl.query;

/**
 * A path selected nothing. The message is the JSONPath library's, which AWS quotes verbatim
 * ({@code No results for path: $['x']}).
 */
public final class PathNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with the library's message. */
  public PathNotFoundException(String message) {
    super(message, null, false, false);
  }
}
