package io.github.evals4j.replay;

/**
 * A call a {@link ReplayStore} could not replay as asked: its recording is missing, or stale (the
 * same call id and repeat were recorded for another request).
 *
 * @param kind missing or stale
 * @param key {@link ReplayKey#toString()} of the call
 * @param recordedHash for a stale recording, the request hash it was recorded for; else {@code null}
 * @param file the recording file that was looked for (missing) or found (stale), relative to the store
 * @param message the full message, as thrown in {@code replay} mode or logged in {@code auto} mode
 */
public record ReplayProblem(Kind kind, String key, String recordedHash, String file, String message) {

  /** What went wrong. */
  public enum Kind {
    /** No recording for the key. */
    MISSING,
    /** A recording of the same call id and repeat exists for another request. */
    STALE
  }
}
