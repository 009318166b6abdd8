package io.github.evals4j.judge;

/**
 * The judge model could not be asked: a timeout, an HTTP error, or rate limits that outlasted the
 * retries. The checks turn it into a judge error (counted apart, neither a pass nor a fail).
 */
public class JudgeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public JudgeException(String message) {
    super(message);
  }

  public JudgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
