package io.github.evals4j.replay;

/**
 * A call that could not be replayed (missing or stale recording) or a recording that cannot be
 * read or written; the message names the call's key, the file and what to do.
 */
public class ReplayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReplayException(String message) {
    super(message);
  }

  public ReplayException(String message, Throwable cause) {
    super(message, cause);
  }
}
