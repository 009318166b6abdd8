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

  /**
   * Verifies that the output is specific: score at least {@code threshold} (0..1), see {@link
   * io.github.evals4j.assertions.specificity.SpecificityCheck} for the formula. The failure
   * message lists each sentence with its score, concrete signals and vague phrases.
   *
   * <pre>{@code
   * assertThat(variantIdeas).hasSpecificityAtLeast(0.6);
   * }</pre>
   */
  public SELF hasSpecificityAtLeast(double threshold) {
    return passes(Checks.specificity(threshold));
  }

  /** Like {@link #hasSpecificityAtLeast(double)}, counting {@code domainTerms} as concrete. */
  public SELF hasSpecificityAtLeast(double threshold, String... domainTerms) {
    return passes(Checks.specificity(threshold).withDomainTerms(domainTerms));
  }

  // ---- end specificity ----

  // ---- grounding: io.github.evals4j.assertions.grounding ----

  /**
   * Verifies that the output is grounded in {@code sources}: the supported share of its claims
   * and judged sentences is at least {@value
   * io.github.evals4j.assertions.grounding.GroundingCheck#DEFAULT_THRESHOLD}. The failure message
   * quotes each unsupported claim with its kind, position and reason.
   *
   * <pre>{@code
   * assertThat(summary).isGroundedIn(Sources.of(logExcerpt));
   * }</pre>
   */
  public SELF isGroundedIn(io.github.evals4j.assertions.grounding.Sources sources) {
    return passes(Checks.groundedIn(sources));
  }

  /** Like {@link #isGroundedIn(io.github.evals4j.assertions.grounding.Sources)} with a threshold. */
  public SELF isGroundedIn(io.github.evals4j.assertions.grounding.Sources sources,
      double threshold) {
    return passes(Checks.groundedIn(sources, threshold));
  }

  /**
   * Verifies that every claim of the output (numbers, money, dates, times, URLs, e-mails, quotes,
   * names, identifiers, selectors) is supported by {@code sources}; sentences are not judged.
   *
   * <pre>{@code
   * assertThat(testSteps).hasNoUnsupportedClaims(Sources.of(pageHtml));
   * }</pre>
   */
  public SELF hasNoUnsupportedClaims(io.github.evals4j.assertions.grounding.Sources sources) {
    return passes(Checks.noUnsupportedClaims(sources));
  }

  // ---- end grounding ----

  // ---- content (refusal, placeholders, keywords, regex, language): io.github.evals4j.assertions.content ----

  // ---- end content ----
}
