package io.github.evals4j.stats;

import java.util.OptionalLong;

/**
 * A rough "how many cases would settle it" estimate for comparing two pass rates.
 *
 * <p>Independent groups: the classic two-proportion sample size without continuity correction
 * (Fleiss, Levin and Paik, <em>Statistical Methods for Rates and Proportions</em>, 3rd ed., eq.
 * 4.14), written for any bounded per-case value (a case's pass rate over its repeats) by its
 * variances:
 *
 * <pre>
 *   n per group = ( z<sub>1-α/2</sub>·√(2·v0) + z<sub>1-β</sub>·√(v1 + v2) )² / Δ²
 * </pre>
 *
 * with {@code v0} the variance under "no difference" ({@code p̄·(1-p̄)}, p̄ = (p1 + p2)/2, for
 * pass/fail cases) and {@code v1}, {@code v2} each group's. Paired cases (both versions ran the
 * same cases): the same for the mean of the per-case differences, {@code n = (z·√v0 + z·√v1)²/Δ²}
 * with {@code v0} the mean squared difference and {@code v1} the variance of the differences;
 * for pass/fail cases this is Connor's (1987, Biometrics 43:207) sample size for McNemar's test,
 * {@code v0} being the share of discordant cases.
 *
 * <p>α = 0.05 (two-sided) and power 1-β = 0.80. It assumes the observed values are the true ones,
 * so treat the answer as an order of magnitude, not a promise. Estimates above {@link #LIMIT} are
 * not given: the result is then {@code LIMIT + 1}, to be read "more than {@value #LIMIT}" (see
 * {@link #describe(long)}), never a meaningless 9223372036854775807.
 *
 * <pre>{@code
 * SampleSize.perGroup(0.80, 0.90); // 199 cases per version
 * SampleSize.describe(SampleSize.perGroup(0.5, 0.5000001).getAsLong()); // "more than 1000000000"
 * }</pre>
 */
public final class SampleSize {

  /** The largest estimate given; beyond it a difference is, for any test suite, not measurable. */
  public static final long LIMIT = 1_000_000_000L;

  private SampleSize() {}

  /** Cases per group to detect {@code p1} vs {@code p2} at α = 0.05 with 80 % power. */
  public static OptionalLong perGroup(double p1, double p2) {
    return perGroup(p1, p2, 0.05, 0.80);
  }

  /**
   * Cases per group to detect {@code p1} vs {@code p2} with a two-sided test at {@code alpha} and
   * the given {@code power}; empty when the rates are equal (no number of cases would do); {@code
   * LIMIT + 1} when more than {@link #LIMIT}.
   */
  public static OptionalLong perGroup(double p1, double p2, double alpha, double power) {
    if (!(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1)) {
      throw new IllegalArgumentException("rates must be in [0, 1], got " + p1 + ", " + p2);
    }
    double mean = (p1 + p2) / 2;
    return twoGroups(p2 - p1, mean * (1 - mean), p1 * (1 - p1), p2 * (1 - p2), alpha, power);
  }

  /**
   * Cases per group for independent groups whose per-case values differ in mean by {@code delta},
   * with variance {@code nullVariance} when there is no difference and {@code variance1},
   * {@code variance2} as observed; empty when {@code delta} is 0.
   */
  public static OptionalLong twoGroups(
      double delta, double nullVariance, double variance1, double variance2, double alpha, double power) {
    double za = Normal.quantile(1 - alpha / 2);
    double zb = Normal.quantile(power);
    double numerator = za * Math.sqrt(2 * Math.max(0, nullVariance))
        + zb * Math.sqrt(Math.max(0, variance1) + Math.max(0, variance2));
    return estimate(numerator, delta);
  }

  /**
   * Paired cases to detect a mean per-case difference {@code meanDifference}, given the mean
   * squared difference {@code meanSquare} (the variance when there is no difference) and the
   * variance of the differences; empty when the mean difference is 0.
   */
  public static OptionalLong paired(double meanDifference, double meanSquare, double variance) {
    double za = Normal.quantile(1 - 0.05 / 2);
    double zb = Normal.quantile(0.80);
    double numerator = za * Math.sqrt(Math.max(0, meanSquare)) + zb * Math.sqrt(Math.max(0, variance));
    return estimate(numerator, meanDifference);
  }

  /** {@code "1234"}, or {@code "more than 1000000000"} for an estimate beyond {@link #LIMIT}. */
  public static String describe(long estimate) {
    return estimate > LIMIT ? "more than " + LIMIT : String.valueOf(estimate);
  }

  private static OptionalLong estimate(double numerator, double delta) {
    if (delta == 0 || !Double.isFinite(delta) || !Double.isFinite(numerator)) {
      return OptionalLong.empty();
    }
    double n = numerator * numerator / (delta * delta);
    if (!(n <= LIMIT)) {
      return OptionalLong.of(LIMIT + 1);
    }
    return OptionalLong.of(Math.max(1, (long) Math.ceil(n - 1e-9)));
  }
}
