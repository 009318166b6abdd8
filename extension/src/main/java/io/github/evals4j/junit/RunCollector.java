package io.github.evals4j.junit;

/**
 * Receives the run's per-test records: the plug-in point for reports and aggregation.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.github.evals4j.junit.RunCollector}) and created once per run (per
 * JVM, per launcher session). {@link #testFinished} is called as each invocation ends, possibly
 * from several threads at once when tests run in parallel; {@link #runFinished} once at the end.
 * A collector that throws is reported once and otherwise ignored: it never changes an outcome.
 *
 * <pre>{@code
 * public final class FailureCounter implements RunCollector {
 *   private final LongAdder failures = new LongAdder();
 *   public void testFinished(TestRecord r) {
 *     if (r.status() == TestRecord.Status.FAILED) failures.increment();
 *   }
 *   public void runFinished(RunOutcome run) { System.out.println(failures + " failures"); }
 * }
 * }</pre>
 */
public interface RunCollector {

  /**
   * The run started (when the first test using the extension starts); {@code run} stays usable
   * until {@link #runFinished} returns. Called once, before any {@link #testFinished}.
   */
  default void runStarted(RunContext run) {}

  /** One test invocation ended. Must be thread-safe. */
  default void testFinished(TestRecord record) {}

  /**
   * The run ended; called once, after every {@link #testFinished}, while the extension's Sentry
   * client is still open (it is flushed and closed right after).
   */
  default void runFinished(RunOutcome run) {}
}
