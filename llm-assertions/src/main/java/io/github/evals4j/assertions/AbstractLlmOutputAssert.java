package io.github.evals4j.assertions;

import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.internal.Failures;

/**
 * Assertions on one LLM output. Every AssertJ string assertion is available too ({@code
 * contains}, {@code startsWith}, …); the LLM checks below evaluate a {@link Check}, report its
 * {@link CheckResult} to the {@link io.github.evals4j.recording.Recording recording hook}, and fail
 * with the check's explanation: threshold, score and each offending span with its position.
 *
 * <p>Self-typed so that subclasses chain: extend it to add your own domain assertions.
 *
 * @param <SELF> the concrete assertion type, returned by every method
 */
public abstract class AbstractLlmOutputAssert<SELF extends AbstractLlmOutputAssert<SELF>>
    extends AbstractStringAssert<SELF> {

  protected AbstractLlmOutputAssert(String actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Verifies that the output passes {@code check}; the way to run your own {@link Check}.
   *
   * <pre>{@code
   * assertThat(output).passes(Checks.validJson());
   * }</pre>
   */
  public SELF passes(Check check) {
    CheckResult result = evaluate(check);
    if (!result.passed()) {
      throw Failures.instance().failure(info, ShouldPassCheck.shouldPass(actual, result));
    }
    return myself;
  }

  /** Evaluates {@code check} on the output and reports the result to the recording hook. */
  protected CheckResult evaluate(Check check) {
    java.util.Objects.requireNonNull(check, "check");
    CheckResult result = Checks.evaluate(check, actual);
    return result;
  }

  // ---- json: io.github.evals4j.assertions.json ----

  // ---- end json ----

  // ---- length and tokens: io.github.evals4j.assertions.length ----

  // ---- end length and tokens ----

  // ---- specificity: io.github.evals4j.assertions.specificity ----

  // ---- end specificity ----

  // ---- grounding: io.github.evals4j.assertions.grounding ----

  // ---- end grounding ----

  // ---- content (refusal, placeholders, keywords, regex, language): io.github.evals4j.assertions.content ----

  // ---- end content ----
}
