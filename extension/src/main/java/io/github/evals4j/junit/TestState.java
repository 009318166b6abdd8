package io.github.evals4j.junit;

import io.github.evals4j.junit.TestRecord.Status;
import io.github.evals4j.junit.TestRecorder.Recorded;
import io.github.evals4j.recording.Recording;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * One test invocation from start to end: its attempt within the run, its
 * {@link TestTransaction} (a no-op one when Sentry is off), its {@link TestRecorder} bound to the
 * test's thread, and at the end its outcome: counted by the run, sent by the transaction, handed to
 * the run's collectors as a {@link TestRecord}.
 *
 * <p>Data flows one way: the extension's callbacks reach this class, which hands phases and
 * arguments to the transaction; user code records into the recorder, which hands on to the
 * transaction; {@link #finish} reads the recorder once and hands the outcome to the transaction
 * and the record to the run.
 */
final class TestState implements AutoCloseable {

  static final String KEY = TestState.class.getName();

  private final RunState run;
  private final ExtensionContext context;
  private final TestIdentity id;
  private final int attempt;
  private final Instant startedAt = Instant.now();
  private final long startNanos = System.nanoTime();
  private final TestTransaction transaction;
  private final TestRecorder recorder;
  private final Recording.Binding binding;
  private final AtomicBoolean finished = new AtomicBoolean();

  private TestState(RunState run, ExtensionContext context, TestIdentity id, int attempt,
      TestTransaction transaction) {
    this.run = run;
    this.context = context;
    this.id = id;
    this.attempt = attempt;
    this.transaction = transaction;
    this.recorder = new TestRecorder(run, context, id, transaction);
    this.binding = Recording.bind(recorder);
  }

  /** Starts recording the test of {@code context} on the current thread. */
  static TestState start(RunState run, ExtensionContext context, Optional<ClassState> classState) {
    TestIdentity id = TestIdentity.of(context.getUniqueId(), context.getTestMethod());
    int attempt = run.startAttempt(id.attemptKey());
    DisplayNames.unstableReason(context.getDisplayName())
        .ifPresent(reason -> run.unstableDisplayName(id.name(), context.getDisplayName(), reason));
    TestTransaction tx = TestTransaction.start(run, context, id, attempt, classState);
    return new TestState(run, context, id, attempt, tx);
  }

  ExtensionContext context() {
    return context;
  }

  /** Times a phase of this test; user spans started meanwhile nest under it. */
  Phase phase(String op, String description) {
    return transaction.phase(op, description);
  }

  void endPhase(Phase phase, Throwable error) {
    transaction.endPhase(phase, error);
  }

  /** The invocation's arguments (parameterized tests). */
  void arguments(List<Object> arguments) {
    recorder.arguments(arguments);
    transaction.arguments(arguments);
  }

  /** Ends the test with what it threw ({@code null}: passed). Only the first call counts. */
  void finish(Throwable thrown) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    Throwable error = failedRetryAttempt(thrown, id.retrying());
    Status status = statusOf(error);
    boolean flaky = run.endAttempt(id.attemptKey(), status);
    try {
      binding.close();
    } finally {
      transaction.detach();
    }
    Recorded recorded = recorder.recorded();
    transaction.finish(new TestTransaction.Outcome(status, error, flaky,
        recorded.evalStatus(status, error, run.config().informationalChecks()), recorded));
    if (run.hasCollectors()) {
      run.testFinished(record(status, error, flaky, duration, recorded));
    }
  }

  /**
   * junit-pioneer's {@code @RetryingTest} reports a failed attempt that will be retried as
   * aborted, with the failure as the cause: for attempts and flakiness it is a failure.
   */
  static Throwable failedRetryAttempt(Throwable error, boolean retrying) {
    if (retrying && error instanceof TestAbortedException && error.getCause() != null
        && !(error.getCause() instanceof TestAbortedException)) {
      return error.getCause();
    }
    return error;
  }

  static Status statusOf(Throwable error) {
    return error == null ? Status.PASSED
        : error instanceof TestAbortedException ? Status.ABORTED : Status.FAILED;
  }

  /** A disabled test: counted, recorded, sent only when {@code evals4j.sentry.send-skipped}. */
  void skip(String reason) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    try {
      binding.close();
    } finally {
      transaction.detach();
    }
    run.skipped();
    transaction.skip(reason);
    if (run.hasCollectors()) {
      run.testFinished(record(Status.SKIPPED, null, false, Duration.ZERO, recorder.recorded()));
    }
  }

  private TestRecord record(Status status, Throwable error, boolean flaky, Duration duration,
      Recorded recorded) {
    String failure = error == null ? ""
        : error.getClass().getName() + (error.getMessage() == null ? ""
            : ": " + Truncation.truncate(error.getMessage(), 1_000));
    return new TestRecord(run.config().runId(), id.uniqueId(), id.name(),
        context.getTestClass().map(Class::getName).orElse(id.classPath()),
        context.getDisplayName(), id.invocation(), status, attempt, flaky, context.getTags(),
        startedAt, duration, failure, recorded.checks(), recorded.llmCalls(), recorded.dropped(),
        transaction.traceId(), Attributions.withRepeat(context, id.name(), recorded.attribution()));
  }

  /** The store closes this when the test's context ends: a test whose afterEach never ran ends. */
  @Override
  public void close() {
    finish(context.getExecutionException().orElse(null));
  }
}
