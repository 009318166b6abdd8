package io.github.evals4j.junit.prompt;

import io.github.evals4j.junit.Evals4jTest;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.recording.Recording;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sets, from inside a running test (or the application code it calls), which prompt version and
 * dataset case the test's check results and LLM calls belong to. Overrides {@link Prompt @Prompt}
 * for the current test invocation; a no-op outside a test run by the evals4j extension.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @MethodSource("versionsTimesCases")
 * void summary_is_grounded(String version, String model, EvalCase c) {
 *   Prompts.use("summarize", version, model);
 *   String summary = app.summarize(c.input("text"), version, model);
 *   assertThat(summary).isGroundedIn(Sources.of(c.sources()));
 * }
 * }</pre>
 *
 * <p>The attribution is per invocation: set it before the checks and calls it applies to (LLM call
 * spans in Sentry carry the value current when the call was recorded; the run report uses the last
 * value set).
 */
public final class Prompts {

  private Prompts() {}

  /** Attributes the current test invocation to prompt {@code id} at {@code version} run by {@code model}. */
  public static void use(String id, String version, String model) {
    Evals4jTest.current().ifPresent(t -> t.prompt(new PromptRef(id, version, model)));
  }

  /** Attributes the current test invocation to prompt {@code id} at {@code version}. */
  public static void use(String id, String version) {
    use(id, version, null);
  }

  /** Attributes the current test invocation to {@code prompt}. */
  public static void use(PromptRef prompt) {
    Evals4jTest.current().ifPresent(t -> t.prompt(prompt));
  }

  /**
   * Sets the dataset case id of the current test invocation (when it does not receive an
   * {@link io.github.evals4j.dataset.EvalCase} argument, which sets it by itself).
   */
  public static void evalCase(String caseId) {
    Evals4jTest.current().ifPresent(t -> t.evalCase(caseId));
  }

  /**
   * Runs {@code judging} (an LLM-as-judge grading call) so that every LLM call it records counts as
   * a judge call: the run report shows its cost as "judge cost", apart from the application's cost.
   * Checks recorded inside still count as usual. Outside a test run by the extension it just runs.
   *
   * <pre>{@code
   * Verdict v = Prompts.judge(() -> judge.grade(answer)); // the judge records its own LlmCall
   * }</pre>
   */
  public static <T> T judge(Supplier<T> judging) {
    Objects.requireNonNull(judging, "judging");
    Optional<Evals4jTest> test = Evals4jTest.current();
    if (test.isEmpty()) {
      return judging.get();
    }
    try (Recording.Binding ignored = Recording.bind(new JudgeCalls.JudgeScope(test.get()))) {
      return judging.get();
    }
  }

  /** Records {@code call} as a judge model's call of the current test (see {@link #judge}). */
  public static void judgeCall(io.github.evals4j.llm.LlmCall call) {
    judge(() -> {
      Recording.llmCall(call);
      return null;
    });
  }
}
