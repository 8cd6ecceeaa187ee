package dev.statelab.mock;

/** A mock configuration that cannot be used; the message names the file and the place in it. */
public final class MockConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with a message naming the place. */
  public MockConfigException(String message) {
    super(message);
  }

  /** An error with a message naming the place and the underlying cause. */
  public MockConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
