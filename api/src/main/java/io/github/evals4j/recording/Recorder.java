package io.github.evals4j.recording;

import io.github.evals4j.agent.AgentRun;
import io.github.evals4j.agent.ToolCall;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.llm.LlmCall;
import java.time.Duration;

/**
 * Receives what happens during one test: every evaluated check, LLM call, tool call and agent run.
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

  /** A tool was executed (by an agent, or by the application on the model's request). */
  default void onToolCall(ToolCall call) {}

  /**
   * An agent run started; LLM and tool calls recorded until {@link #onAgentRunEnd} with the same
   * run belong to it.
   */
  default void onAgentRunStart(AgentRun run) {}

  /**
   * The agent run {@code run} ended after {@code duration}; {@code error} is null on success, else
   * the failure as {@code SimpleName: message}.
   */
  default void onAgentRunEnd(AgentRun run, Duration duration, String error) {}

  /**
   * Whether integrations should put the messages of a call on {@link LlmCall#inputMessages()} /
   * {@link LlmCall#outputMessages()} (an opt-in: they may hold personal data). Default false.
   */
  default boolean capturesMessages() {
    return false;
  }
}
