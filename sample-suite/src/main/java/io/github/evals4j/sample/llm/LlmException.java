package io.github.evals4j.sample.llm;

/**
 * A chat call that failed: the endpoint was unreachable or too slow, answered with an error status
 * after the client's retries, or sent a body that is not a chat completion.
 */
public class LlmException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Kind kind;
  private final int status;

  /** What went wrong, for callers that handle some failures differently. */
  public enum Kind {
    /** No answer within the request timeout. */
    TIMEOUT,
    /** The connection failed. */
    IO,
    /** An HTTP error status (see {@link #status()}). */
    HTTP_STATUS,
    /** A 200 answer whose body is not a readable chat completion. */
    MALFORMED_RESPONSE,
    /** The thread was interrupted while waiting to retry. */
    INTERRUPTED
  }

  public LlmException(Kind kind, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
  }

  /** The kind of failure. */
  public Kind kind() {
    return kind;
  }

  /** The last HTTP status received, {@code -1} if none. */
  public int status() {
    return status;
  }
}
