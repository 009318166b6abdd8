package io.github.evals4j.assertions;

/**
 * Entry point of the LLM assertions, in AssertJ style.
 *
 * <pre>{@code
 * import static io.github.evals4j.assertions.LlmAssertions.assertThat;
 *
 * assertThat(output).passes(Checks.validJson());
 * }</pre>
 *
 * <p>For several failures at once use {@link SoftLlmAssertions}; to evaluate without throwing, call
 * {@link Check#evaluate(String)} on a check from {@link Checks}.
 */
public final class LlmAssertions {

  private LlmAssertions() {}

  /** Starts assertions on an LLM output (which may be {@code null}: the checks say so). */
  public static LlmOutputAssert assertThat(String output) {
    return new LlmOutputAssert(output);
  }
}
