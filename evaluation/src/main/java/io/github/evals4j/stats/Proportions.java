package io.github.evals4j.stats;

/**
 * Confidence intervals for pass rates.
 *
 * <p>The Wilson score interval is used rather than the textbook {@code p ± 1.96·√(p(1-p)/n)}
 * (Wald) interval because it stays inside {@code [0, 1]} and keeps close to its nominal 95 %
 * coverage for the small samples and the pass rates near 0 % or 100 % that evaluation suites
 * produce (Newcombe 1998, "Two-sided confidence intervals for the single proportion", method 3).
 *
 * <pre>{@code
 * Interval ci = Proportions.wilson(passed, runs);
 * }</pre>
 */
public final class Proportions {

  /** The two-sided 95 % normal quantile, z<sub>0.975</sub>. */
  public static final double Z_95 = 1.959963984540054;

  private Proportions() {}

  /**
   * The 95 % Wilson score interval (no continuity correction) for {@code successes} out of
   * {@code n}; {@code [0, 1]} when {@code n == 0} (nothing is known).
   *
   * @throws IllegalArgumentException when {@code successes} is negative or larger than {@code n}
   */
  public static Interval wilson(long successes, long n) {
    return wilson(successes, n, Z_95);
  }

  /** The Wilson score interval at normal quantile {@code z} (e.g. 2.5758 for 99 %). */
  public static Interval wilson(long successes, long n, double z) {
    if (n < 0 || successes < 0 || successes > n) {
      throw new IllegalArgumentException(
          "need 0 <= successes <= n, got " + successes + " of " + n);
    }
    if (n == 0) {
      return new Interval(0, 1);
    }
    double p = (double) successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    // At p = 0 or 1 the exact bound is 0 or 1; rounding must not push it a hair off.
    double lower = successes == 0 ? 0 : Math.max(0, centre - half);
    double upper = successes == n ? 1 : Math.min(1, centre + half);
    return new Interval(lower, upper);
  }
}
