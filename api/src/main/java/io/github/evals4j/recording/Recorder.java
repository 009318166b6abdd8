package io.github.evals4j.recording;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.llm.LlmCall;

/**
 * Receives what happens during one test: every evaluated check and every LLM call.
 *
 * <p>The JUnit extension binds one per test through {@link Recording#bind(Recorder)}; nothing in
 * this module needs one. Implementations must be thread-safe (a test may record from several
 * threads) and must not throw.
 */
public interface Recorder {

  /** A check was evaluated (by an assertion, a soft assertion or {@code Check.evaluate}). */
  default void onCheck(CheckResult result) {}

  /** The application or the test made an LLM call. */
  default void onLlmCall(LlmCall call) {}

  /**
   * An LLM-as-judge made {@code call} to grade an output: its cost is the cost of grading, apart
   * from the application's. By default an ordinary {@link #onLlmCall(LlmCall)}.
   */
  default void onJudgeCall(LlmCall call) {
    onLlmCall(call);
  }
}
