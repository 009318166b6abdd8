package io.github.evals4j.junit.prompt;

import io.github.evals4j.junit.Evals4jTest;
import io.github.evals4j.prompt.PromptRef;

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
}
