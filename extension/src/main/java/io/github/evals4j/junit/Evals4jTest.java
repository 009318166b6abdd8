package io.github.evals4j.junit;

import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.recording.Recording;
import java.util.Optional;

/**
 * The test running on the current thread, as the evals4j extension records it: add spans, data or
 * tags to its Sentry transaction from the test or from the application code under test.
 *
 * <p>Available while a test runs under the extension and something records it (a Sentry DSN or a
 * {@link RunCollector}), also on threads started with {@link Recording#wrap(Runnable)}; empty
 * otherwise, so application code can call it unconditionally.
 *
 * <pre>{@code
 * Evals4jTest.current().ifPresent(t -> t.data("cart.items", 3));
 * try (Evals4jTest.Span span = Evals4jTest.span("db.query", "load cart")) {
 *   cart = repository.load(id);
 * }
 * }</pre>
 */
public interface Evals4jTest {

  /** The test running on this thread, if any. */
  static Optional<Evals4jTest> current() {
    return Recording.current()
        .filter(Evals4jTest.class::isInstance)
        .map(Evals4jTest.class::cast);
  }

  /**
   * Starts a child span of the current test, or a no-op span when there is no current test.
   * Close it to finish it.
   */
  static Span span(String op, String description) {
    return current().map(t -> t.startSpan(op, description)).orElse(Span.NOOP);
  }

  /** The stable test name, {@code ClassName.method}. */
  String name();

  /** The run id. */
  String runId();

  /** Sets a tag on the test's transaction (value truncated to the configured length). */
  Evals4jTest tag(String key, String value);

  /** Sets data on the test's transaction (strings truncated to the configured length). */
  Evals4jTest data(String key, Object value);

  /** Starts a child span of the test's transaction; close it to finish it. */
  Span startSpan(String op, String description);

  /**
   * Attributes this invocation's checks and LLM calls to {@code prompt} (overrides
   * {@code @Prompt}); see {@link io.github.evals4j.junit.prompt.Prompts}.
   */
  Evals4jTest prompt(PromptRef prompt);

  /** Sets this invocation's dataset case id (an {@code EvalCase} argument sets it by itself). */
  Evals4jTest evalCase(String caseId);

  /** The prompt version and case this invocation is attributed to so far (repeat index 0). */
  Attribution attribution();

  /** A span of the current test; finishing twice is harmless. */
  interface Span extends AutoCloseable {

    /** A span that records nothing. */
    Span NOOP = new Span() {
      @Override
      public Span data(String key, Object value) {
        return this;
      }

      @Override
      public void fail(Throwable error) {}

      @Override
      public void close() {}
    };

    /** Sets data on the span. */
    Span data(String key, Object value);

    /** Marks the span as failed with {@code error}. */
    void fail(Throwable error);

    /** Finishes the span. */
    @Override
    void close();
  }
}
