package io.github.evals4j.dataset;

/**
 * A dataset that cannot be read: the message names the file and, where it applies, the line.
 */
public class DatasetException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DatasetException(String message) {
    super(message);
  }

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
