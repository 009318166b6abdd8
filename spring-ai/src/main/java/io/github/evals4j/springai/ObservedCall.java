package io.github.evals4j.springai;

import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The state of one observed Spring AI operation, kept in its observation context from start to
 * stop: when it started and which test's recorder it belongs to. The recorder is captured at the
 * start, on the caller's thread, because a stream completes on the HTTP client's thread.
 */
final class ObservedCall {

  static final String KEY = ObservedCall.class.getName();

  private final Instant startedAt;
  private final long startNanos;
  private final Recorder recorder;

  private ObservedCall(Instant startedAt, long startNanos, Recorder recorder) {
    this.startedAt = startedAt;
    this.startNanos = startNanos;
    this.recorder = recorder;
  }

  /**
   * Starts the state of {@code context}: the recorder is the current thread's, else the one its
   * nearest observed parent captured (a chat model call started on a reactor thread inside a
   * {@code ChatClient} call that began in the test), else none.
   */
  static ObservedCall start(Observation.Context context) {
    Recorder recorder = Recording.current().orElseGet(() -> inherited(context));
    return new ObservedCall(Instant.now(), System.nanoTime(), recorder);
  }

  /** The state {@link #start} put in {@code context}, or null (started before registration). */
  static ObservedCall of(Observation.Context context) {
    Object state = context.get(KEY);
    return state instanceof ObservedCall c ? c : null;
  }

  private static Recorder inherited(Observation.Context context) {
    ObservationView parent = context.getParentObservation();
    // bounded: observation trees are shallow, and a cycle must not hang the host
    for (int depth = 0; parent != null && depth < 32; depth++) {
      Object state = parent.getContextView().get(KEY);
      if (state instanceof ObservedCall c && c.recorder != null) {
        return c.recorder;
      }
      parent = parent.getContextView().getParentObservation();
    }
    return null;
  }

  Instant startedAt() {
    return startedAt;
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Whether a test was recording when the operation started. */
  boolean recording() {
    return recorder != null;
  }

  /** Runs {@code report} with this operation's recorder bound, on whichever thread. */
  void report(Runnable report) {
    if (recorder == null) {
      return;
    }
    if (Recording.current().orElse(null) == recorder) {
      report.run();
    } else {
      try (Recording.Binding ignored = Recording.bind(recorder)) {
        report.run();
      }
    }
  }

  /** {@code action}'s result, computed with this operation's recorder bound; null without one. */
  <T> T within(Supplier<T> action) {
    if (recorder == null) {
      return null;
    }
    if (Recording.current().orElse(null) == recorder) {
      return action.get();
    }
    try (Recording.Binding ignored = Recording.bind(recorder)) {
      return action.get();
    }
  }

  /** Reports {@code call} to this operation's recorder. */
  void llmCall(LlmCall call) {
    report(() -> Recording.llmCall(call));
  }
}
