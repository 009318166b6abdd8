package io.github.evals4j.junit;

import io.sentry.ISpan;
import io.sentry.SpanStatus;
import org.opentest4j.TestAbortedException;

/** One timed phase (a lifecycle method, the body) as a child span; a no-op when Sentry is off. */
final class Phase {

  static final Phase NONE = new Phase(null, null);

  private final ISpan span;
  private final Console console;

  private Phase(ISpan span, Console console) {
    this.span = span;
    this.console = console;
  }

  static Phase start(ISpan parent, String op, String description, Console console) {
    if (parent == null) {
      return NONE;
    }
    try {
      return new Phase(parent.startChild(op, description), console);
    } catch (RuntimeException e) {
      console.warnOnce("recording a span failed: " + e);
      return NONE;
    }
  }

  ISpan span() {
    return span;
  }

  /** Ends the phase now; {@code error} is what the phase threw, or null. */
  void end(Throwable error) {
    if (span == null) {
      return;
    }
    try {
      if (error != null) {
        span.setData("error.type", error.getClass().getName());
      }
      span.finish(status(error));
    } catch (RuntimeException e) {
      console.warnOnce("recording a span failed: " + e);
    }
  }

  static SpanStatus status(Throwable error) {
    if (error == null) {
      return SpanStatus.OK;
    }
    return error instanceof TestAbortedException ? SpanStatus.CANCELLED : SpanStatus.INTERNAL_ERROR;
  }
}
