package io.github.evals4j.langchain4j;

/**
 * When the first token of a streamed call arrived. {@link ReplayingStreamingChatModel} offers one
 * on the calling thread just before it calls the wrapped model; the wrapped model's
 * {@link Evals4jChatModelListener} takes it in {@code onRequest} (LangChain4j calls it on the
 * caller's thread) and reads it when the response completes.
 */
final class StreamTiming {

  private static final ThreadLocal<StreamTiming> OFFERED = new ThreadLocal<>();

  private volatile long startNanos = System.nanoTime();
  private volatile long firstTokenNanos = -1;

  static void offer(StreamTiming timing) {
    OFFERED.set(timing);
  }

  static void withdraw() {
    OFFERED.remove();
  }

  /** The timing offered on this thread, once (null when none). */
  static StreamTiming claim() {
    StreamTiming timing = OFFERED.get();
    OFFERED.remove();
    if (timing != null) {
      timing.startNanos = System.nanoTime(); // the listener's request start: TTFT <= latency
    }
    return timing;
  }

  void firstToken() {
    if (firstTokenNanos < 0) {
      firstTokenNanos = System.nanoTime();
    }
  }

  /** Time from the request (the listener's claim, else creation) to the first token, or null. */
  java.time.Duration timeToFirstToken() {
    long first = firstTokenNanos;
    return first < 0 ? null : java.time.Duration.ofNanos(Math.max(0, first - startNanos));
  }
}
