package io.github.evals4j.check;

import java.util.List;
import java.util.Objects;

/**
 * The one result shape of every check: what was checked, whether it passed, the score against its
 * threshold, and the evidence.
 *
 * <p>Throwing assertions ({@link io.github.evals4j.assertions.LlmAssertions}) and non-throwing
 * evaluation ({@link Check#evaluate(String)}) produce the same {@code CheckResult}; reports,
 * gates and Sentry read only this.
 *
 * <pre>{@code
 * CheckResult r = Checks.maxTokens(100, "gpt-4o").evaluate(output);
 * if (!r.passed()) System.out.println(r.message());
 * }</pre>
 *
 * @param check the check's stable name, e.g. {@code "json.valid"} or {@code "grounding"}
 * @param passed whether the output passed
 * @param score the measured value: a 0..1 score, or a count such as tokens; {@code 1}/{@code 0}
 *     for pass/fail checks
 * @param threshold the limit the score is compared with, {@link Double#NaN} when there is none
 * @param direction how score and threshold compare
 * @param evidence the spans that explain the result (offending spans on failure), never null
 * @param message a complete human-readable explanation, naming check, threshold, score and evidence
 */
public record CheckResult(
    String check,
    boolean passed,
    double score,
    double threshold,
    Direction direction,
    List<Evidence> evidence,
    String message) {

  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(direction, "direction");
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    message = Objects.requireNonNullElse(message, "");
  }

  /** A pass/fail result without a numeric threshold. */
  public static CheckResult of(
      String check, boolean passed, List<Evidence> evidence, String message) {
    return new CheckResult(
        check, passed, passed ? 1.0 : 0.0, Double.NaN, Direction.NONE, evidence, message);
  }

  /** Whether this result has a numeric threshold. */
  public boolean hasThreshold() {
    return !Double.isNaN(threshold);
  }
}
