package io.github.evals4j.replay;

/**
 * In {@code replay} mode, a call whose call id and repeat were recorded for another request: the
 * message names the call, both request hashes and the first difference.
 */
public class StaleRecordingException extends ReplayException {

  private static final long serialVersionUID = 1L;

  public StaleRecordingException(String message) {
    super(message);
  }
}
