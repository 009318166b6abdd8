package io.github.evals4j.stats;

import java.util.OptionalLong;

/**
 * A rough "how many cases would settle it" estimate for comparing two pass rates.
 *
 * <p>The classic two-proportion sample size without continuity correction (Fleiss, Levin and Paik,
 * <em>Statistical Methods for Rates and Proportions</em>, 3rd ed., eq. 4.14):
 *
 * <pre>
 *   n per group = ( z<sub>1-α/2</sub>·√(2·p̄·(1-p̄)) + z<sub>1-β</sub>·√(p1·(1-p1) + p2·(1-p2)) )² / (p1 - p2)²,
 *   p̄ = (p1 + p2) / 2
 * </pre>
 *
 * with α = 0.05 (two-sided) and power 1-β = 0.80 by default. It assumes the observed rates are the
 * true ones, so treat the answer as an order of magnitude, not a promise.
 *
 * <pre>{@code
 * SampleSize.perGroup(0.80, 0.90); // 199 cases per version
 * }</pre>
 */
public final class SampleSize {

  private SampleSize() {}

  /** Cases per group to detect {@code p1} vs {@code p2} at α = 0.05 with 80 % power. */
  public static OptionalLong perGroup(double p1, double p2) {
    return perGroup(p1, p2, 0.05, 0.80);
  }

  /**
   * Cases per group to detect {@code p1} vs {@code p2} with a two-sided test at {@code alpha} and
   * the given {@code power}; empty when the rates are equal (no number of cases would do).
   */
  public static OptionalLong perGroup(double p1, double p2, double alpha, double power) {
    if (!(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1)) {
      throw new IllegalArgumentException("rates must be in [0, 1], got " + p1 + ", " + p2);
    }
    if (p1 == p2) {
      return OptionalLong.empty();
    }
    double za = Normal.quantile(1 - alpha / 2);
    double zb = Normal.quantile(power);
    double mean = (p1 + p2) / 2;
    double numerator =
        za * Math.sqrt(2 * mean * (1 - mean)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    double n = numerator * numerator / ((p1 - p2) * (p1 - p2));
    return OptionalLong.of((long) Math.ceil(n - 1e-9));
  }
}
