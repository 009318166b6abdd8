package io.github.evals4j.junit.prompt;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.junit.Evals4jTest;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.recording.Recorder;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The LLM calls recorded inside {@link Prompts#judge}, so that the run report counts their cost as
 * the cost of grading, apart from what the application costs. Support for the report; tests and
 * applications use {@link Prompts#judge} instead.
 *
 * <p>Calls are remembered by identity (two calls with equal fields are still two calls) until the
 * report takes them when their test ends; {@link #clear()} forgets the rest at the end of a run.
 */
public final class JudgeCalls {

  private static final Set<LlmCall> MARKED = Collections.synchronizedSet(
      Collections.newSetFromMap(new IdentityHashMap<>()));

  private JudgeCalls() {}

  /** Whether {@code call} was recorded as a judge call; forgets it either way. */
  public static boolean take(LlmCall call) {
    return MARKED.remove(call);
  }

  /** Forgets every marked call (the run ended). */
  public static void clear() {
    MARKED.clear();
  }

  /** Marks {@code call} as a judge call until the report {@linkplain #take takes} it. */
  public static void mark(LlmCall call) {
    MARKED.add(call);
  }

  /** The current test, seen through a lens that marks every LLM call as a judge call. */
  static final class JudgeScope implements Evals4jTest, Recorder {
    private final Evals4jTest test;
    private final Recorder recorder;

    JudgeScope(Evals4jTest test) {
      this.test = test;
      this.recorder = (Recorder) test;
    }

    @Override
    public void onLlmCall(LlmCall call) {
      if (call != null) {
        mark(call);
      }
      recorder.onLlmCall(call);
    }

    @Override
    public void onCheck(CheckResult result) {
      recorder.onCheck(result);
    }

    @Override
    public String name() {
      return test.name();
    }

    @Override
    public String runId() {
      return test.runId();
    }

    @Override
    public Evals4jTest tag(String key, String value) {
      test.tag(key, value);
      return this;
    }

    @Override
    public Evals4jTest data(String key, Object value) {
      test.data(key, value);
      return this;
    }

    @Override
    public Span startSpan(String op, String description) {
      return test.startSpan(op, description);
    }

    @Override
    public Evals4jTest prompt(PromptRef prompt) {
      test.prompt(prompt);
      return this;
    }

    @Override
    public Evals4jTest evalCase(String caseId) {
      test.evalCase(caseId);
      return this;
    }

    @Override
    public Attribution attribution() {
      return test.attribution();
    }
  }
}
