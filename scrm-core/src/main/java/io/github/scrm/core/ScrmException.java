package io.github.scrm.core;

/**
 * The one unchecked root of every exception SCRM throws for broken infrastructure (a store that failed, a file that
 * cannot be read). Expected outcomes such as a refused coupon or a rejected event are values, never exceptions, and
 * programming errors are {@link IllegalArgumentException}s or {@link IllegalStateException}s.
 */
public class ScrmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what failed and where. */
  public ScrmException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public ScrmException(String message, Throwable cause) {
    super(message, cause);
  }
}
