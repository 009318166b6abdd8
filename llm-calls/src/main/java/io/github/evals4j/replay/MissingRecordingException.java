package io.github.evals4j.replay;

/** In {@code replay} mode, a call without a recording: the message names the key and how to record it. */
public class MissingRecordingException extends ReplayException {

  private static final long serialVersionUID = 1L;

  public MissingRecordingException(String message) {
    super(message);
  }
}
