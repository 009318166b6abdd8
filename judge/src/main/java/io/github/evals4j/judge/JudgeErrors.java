package io.github.evals4j.judge;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import java.util.List;

/**
 * Judge errors as check results. A verdict that cannot be trusted (malformed, refused, off the
 * scale, timed out) is neither a pass nor a fail: its result is named {@code <check>.judge-error},
 * carries one piece of evidence of kind {@value #KIND}, and the aggregation counts it apart.
 * {@code passed} is {@code false} so that an assertion on it still stops a test.
 */
public final class JudgeErrors {

  /** The evidence kind (and check name suffix) of a judge error. */
  public static final String KIND = "judge-error";

  private JudgeErrors() {}

  /** Whether {@code result} is a judge error rather than a verdict. */
  public static boolean isJudgeError(CheckResult result) {
    return result != null && result.evidence().stream().anyMatch(e -> KIND.equals(e.kind()));
  }

  static CheckResult of(String check, double threshold, Direction direction, String why) {
    String message = "judge error in " + check + " (counted apart, neither pass nor fail): " + why;
    return new CheckResult(check + "." + KIND, false, Double.NaN, threshold, direction,
        List.of(new Evidence(0, 0, "", KIND, why)), message);
  }
}
