package io.github.evals4j.assertions;

import io.github.evals4j.recording.Recording;

/**
 * The built-in checks, as values: evaluate them without throwing ({@code
 * Checks.validJson().evaluate(output)}) or assert with them ({@code assertThat(output).passes(..)}).
 */
public final class Checks {

  private Checks() {}

  /**
   * Evaluates {@code check} on {@code output}, reports the result to the recording hook, and turns
   * a check that throws into a failed result instead of losing it.
   */
  public static CheckResult evaluate(Check check, String output) {
    CheckResult result;
    try {
      result = check.evaluate(output);
      if (result == null) {
        result = CheckResult.of(check.name(), false, java.util.List.of(),
            "check " + check.name() + " returned no result");
      }
    } catch (RuntimeException | StackOverflowError e) {
      result = CheckResult.of(check.name(), false, java.util.List.of(),
          "check " + check.name() + " threw " + e);
    }
    Recording.check(result);
    return result;
  }

  // ---- json ----

  // ---- end json ----

  // ---- length and tokens ----

  // ---- end length and tokens ----

  // ---- specificity ----

  /**
   * Specificity of at least {@code threshold} (0..1): concrete signals against vague phrases,
   * see {@link io.github.evals4j.assertions.specificity.SpecificityCheck}.
   *
   * <pre>{@code
   * Checks.specificity(0.6).withDomainTerms("LCP").evaluate(output);
   * }</pre>
   */
  public static io.github.evals4j.assertions.specificity.SpecificityCheck specificity(
      double threshold) {
    return io.github.evals4j.assertions.specificity.SpecificityCheck.atLeast(threshold);
  }

  // ---- end specificity ----

  // ---- grounding ----

  /**
   * Grounding score (supported share of claims and sentences) of at least {@value
   * io.github.evals4j.assertions.grounding.GroundingCheck#DEFAULT_THRESHOLD}, see {@link
   * io.github.evals4j.assertions.grounding.GroundingCheck}.
   *
   * <pre>{@code
   * Sources sources = Sources.of(logExcerpt);
   * Checks.groundedIn(sources).evaluate(summary);
   * }</pre>
   */
  public static io.github.evals4j.assertions.grounding.GroundingCheck groundedIn(
      io.github.evals4j.assertions.grounding.Sources sources) {
    return io.github.evals4j.assertions.grounding.GroundingCheck.groundedIn(sources);
  }

  /** Grounding score of at least {@code threshold} (0..1). */
  public static io.github.evals4j.assertions.grounding.GroundingCheck groundedIn(
      io.github.evals4j.assertions.grounding.Sources sources, double threshold) {
    return groundedIn(sources).threshold(threshold);
  }

  /** Every claim (number, date, name, identifier…) supported; sentences are not judged. */
  public static io.github.evals4j.assertions.grounding.GroundingCheck noUnsupportedClaims(
      io.github.evals4j.assertions.grounding.Sources sources) {
    return io.github.evals4j.assertions.grounding.GroundingCheck.noUnsupportedClaims(sources);
  }

  // ---- end grounding ----

  // ---- content ----

  // ---- end content ----
}
