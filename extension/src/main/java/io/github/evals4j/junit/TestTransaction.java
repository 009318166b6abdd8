package io.github.evals4j.junit;

import io.github.evals4j.agent.AgentRun;
import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.junit.TestRecord.Status;
import io.github.evals4j.junit.TestRecorder.EvalStatus;
import io.github.evals4j.junit.TestRecorder.Recorded;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Sentry side of one test invocation: its transaction, phases, spans, tags and data, and what is
 * sent when it ends. {@link #NONE} when Sentry is off, so that a test runs the same code either way.
 */
interface TestTransaction {

  /** Sentry is off (or refused this test): nothing is recorded or sent. */
  TestTransaction NONE = new TestTransaction() {};

  /** The transaction of the test of {@code context}, or {@link #NONE} when Sentry is off. */
  static TestTransaction start(RunState run, ExtensionContext context, TestIdentity id,
      int attempt, Optional<ClassState> classState) {
    return run.sentry().isEmpty() ? NONE
        : SentryTestTransaction.start(run, run.sentry().get(), context, id, attempt, classState);
  }

  /** Times a phase of the test; user spans started meanwhile nest under it. */
  default Phase phase(String op, String description) {
    return Phase.NONE;
  }

  default void endPhase(Phase phase, Throwable error) {}

  /** The invocation's arguments (parameterized tests), as data. */
  default void arguments(List<Object> arguments) {}

  /** A check the test recorded (and kept). */
  default void check(CheckResult result) {}

  /**
   * An LLM call the test recorded (and kept).
   *
   * @param isCase whether the test is an eval case at this point
   */
  default void llmCall(LlmCall call, Attribution attribution, boolean isCase) {}

  /** An LLM call made by a judge grading an output (kept): like {@link #llmCall}, marked. */
  default void judgeCall(LlmCall call, Attribution attribution, boolean isCase) {
    llmCall(call, attribution, isCase);
  }

  /** A tool execution the test recorded (and kept). */
  default void toolCall(ToolCall call, Attribution attribution, boolean isCase) {}

  /** An agent run started: LLM and tool calls until {@link #agentRunEnded} nest under it. */
  default void agentRunStarted(AgentRun run, Attribution attribution, boolean isCase) {}

  /** The agent run ended ({@code error} null on success). */
  default void agentRunEnded(AgentRun run, java.time.Duration duration, String error) {}

  default void tag(String key, String value) {}

  default void data(String key, Object value) {}

  default Evals4jTest.Span span(String op, String description) {
    return Evals4jTest.Span.NOOP;
  }

  /** The thread no longer runs the test: the application's Sentry stops carrying its trace. */
  default void detach() {}

  /** A disabled test: sent as cancelled when {@code evals4j.sentry.send-skipped}. */
  default void skip(String reason) {}

  /** Ends the transaction with the test's outcome; sends it as the run decides. */
  default void finish(Outcome outcome) {}

  /** The trace id, empty when nothing is recorded. */
  default String traceId() {
    return "";
  }

  /**
   * How a test invocation ended, for its transaction.
   *
   * @param error what it threw (a retried attempt's cause), null when it passed
   * @param flaky whether this attempt made the test flaky
   * @param eval the evaluation's outcome, when the test evaluated anything
   */
  record Outcome(Status status, Throwable error, boolean flaky, Optional<EvalStatus> eval,
      Recorded recorded) {}
}
