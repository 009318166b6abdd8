package io.github.evals4j.junit;

/**
 * How long the current test's thread may still wait for room in a full Sentry queue
 * ({@code evals4j.sentry.queue-full=wait}): the bound {@code evals4j.sentry.queue-full-wait} holds
 * per test, whether the test hands over one envelope (its transaction) or several (a failure's
 * event, a flaky test's issue, deferred attempts).
 */
final class SendBudget implements AutoCloseable {

  private static final ThreadLocal<SendBudget> CURRENT = new ThreadLocal<>();

  private final SendBudget previous;
  private long spentNanos;

  private SendBudget(SendBudget previous) {
    this.previous = previous;
  }

  /** Opens the budget of a test on this thread until closed. */
  static SendBudget open() {
    SendBudget budget = new SendBudget(CURRENT.get());
    CURRENT.set(budget);
    return budget;
  }

  /** What the current test may still wait, of {@code maxNanos}; {@code maxNanos} outside a test. */
  static long remaining(long maxNanos) {
    SendBudget budget = CURRENT.get();
    return budget == null ? maxNanos : Math.max(0, maxNanos - budget.spentNanos);
  }

  /** The current test waited {@code nanos}. */
  static void spent(long nanos) {
    SendBudget budget = CURRENT.get();
    if (budget != null) {
      budget.spentNanos += nanos;
    }
  }

  @Override
  public void close() {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
