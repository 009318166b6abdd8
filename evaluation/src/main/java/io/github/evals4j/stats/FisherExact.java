package io.github.evals4j.stats;

/**
 * Fisher's exact test for a 2×2 table, two-sided, as R's {@code fisher.test} computes it: the sum
 * of the probabilities of every table with the same margins that is no more likely than the one
 * observed (with R's relative tolerance of 10<sup>-7</sup> for ties).
 *
 * <p>The hypergeometric probabilities are built in log space by the ratio of consecutive terms and
 * normalised by their maximum, so no factorial is ever formed: tables with 100,000 observations
 * and more neither overflow nor lose the small p-values. Time is linear in the width of the
 * support (at most the smallest margin), memory constant.
 *
 * <pre>{@code
 * //            passed  failed
 * // version 1     a       b
 * // version 2     c       d
 * double p = FisherExact.twoSided(3, 1, 1, 3); // 0.4857 (the lady tasting tea)
 * }</pre>
 */
public final class FisherExact {

  private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

  private FisherExact() {}

  /**
   * The two-sided p-value of the table {@code [[a, b], [c, d]]}.
   *
   * @throws IllegalArgumentException when a cell is negative, or the table's total does not fit a
   *     {@code long} (the p-value would silently be wrong)
   */
  public static double twoSided(long a, long b, long c, long d) {
    if (a < 0 || b < 0 || c < 0 || d < 0) {
      throw new IllegalArgumentException(
          "cells must be >= 0, got [[" + a + ", " + b + "], [" + c + ", " + d + "]]");
    }
    long m;
    long n;
    long k;
    try {
      m = Math.addExact(a, c); // first column total
      n = Math.addExact(b, d); // second column total
      k = Math.addExact(a, b); // first row total
      Math.addExact(m, n);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("table [[" + a + ", " + b + "], [" + c + ", " + d
          + "]] overflows a long: no p-value for such a table", e);
    }
    long lo = Math.max(0, k - n);
    long hi = Math.min(k, m);
    if (hi == lo) {
      return 1.0;
    }
    // Two passes over the support, recomputing the log terms instead of storing them: memory stays
    // constant whatever the margins. Pass 1 finds the largest term and the observed one.
    double max = 0;
    double logObserved = 0;
    double logP = 0;
    for (long x = lo; x <= hi; x++) {
      if (x > lo) {
        logP += logRatio(x - 1, m, n, k);
      }
      max = Math.max(max, logP);
      if (x == a) {
        logObserved = logP;
      }
    }
    double observed = Math.exp(logObserved - max);
    double total = 0;
    double tail = 0;
    logP = 0;
    for (long x = lo; x <= hi; x++) {
      if (x > lo) {
        logP += logRatio(x - 1, m, n, k);
      }
      double p = Math.exp(logP - max);
      total += p;
      if (p <= observed * RELATIVE_TOLERANCE) {
        tail += p;
      }
    }
    return Math.min(1.0, tail / total);
  }

  /** log P(x+1)/P(x) for the hypergeometric distribution of the top-left cell. */
  private static double logRatio(long x, long m, long n, long k) {
    return Math.log((double) (m - x)) + Math.log((double) (k - x))
        - Math.log((double) (x + 1)) - Math.log((double) (n - k + x + 1));
  }
}
