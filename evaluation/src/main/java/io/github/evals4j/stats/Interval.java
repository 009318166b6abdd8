package io.github.evals4j.stats;

/**
 * A confidence interval for a proportion, both bounds within {@code [0, 1]}.
 *
 * <pre>{@code
 * Interval ci = Proportions.wilson(81, 263); // [0.2553, 0.3662]
 * }</pre>
 *
 * @param lower the lower bound
 * @param upper the upper bound
 */
public record Interval(double lower, double upper) {

  public Interval {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("lower " + lower + " > upper " + upper);
    }
  }

  /** Whether {@code value} lies within the interval (bounds included). */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }
}
