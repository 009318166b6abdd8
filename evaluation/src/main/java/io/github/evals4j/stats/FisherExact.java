package io.github.evals4j.stats;

/**
 * Fisher's exact test for a 2×2 table, two-sided, as R's {@code fisher.test} computes it: the sum
 * of the probabilities of every table with the same margins that is no more likely than the one
 * observed (with R's relative tolerance of 10<sup>-7</sup> for ties).
 *
 * <p>The hypergeometric probabilities are built in log space by the ratio of consecutive terms and
 * normalised by their maximum, so no factorial is ever formed: tables with 100,000 observations
 * and more neither overflow nor lose the small p-values. Time and memory are linear in the width
 * of the support (at most the smallest margin).
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
   * @throws IllegalArgumentException when a cell is negative
   */
  public static double twoSided(long a, long b, long c, long d) {
    if (a < 0 || b < 0 || c < 0 || d < 0) {
      throw new IllegalArgumentException(
          "cells must be >= 0, got [[" + a + ", " + b + "], [" + c + ", " + d + "]]");
    }
    long m = a + c; // first column total
    long n = b + d; // second column total
    long k = a + b; // first row total
    long lo = Math.max(0, k - n);
    long hi = Math.min(k, m);
    int width = Math.toIntExact(hi - lo + 1);
    if (width == 1) {
      return 1.0;
    }
    double[] logP = new double[width];
    double max = 0;
    for (int i = 1; i < width; i++) {
      long x = lo + i - 1;
      // P(x+1)/P(x) for the hypergeometric distribution of the top-left cell.
      logP[i] =
          logP[i - 1]
              + Math.log((double) (m - x)) + Math.log((double) (k - x))
              - Math.log((double) (x + 1)) - Math.log((double) (n - k + x + 1));
      max = Math.max(max, logP[i]);
    }
    double total = 0;
    for (int i = 0; i < width; i++) {
      total += Math.exp(logP[i] - max);
    }
    double observed = Math.exp(logP[(int) (a - lo)] - max);
    double tail = 0;
    for (int i = 0; i < width; i++) {
      double p = Math.exp(logP[i] - max);
      if (p <= observed * RELATIVE_TOLERANCE) {
        tail += p;
      }
    }
    return Math.min(1.0, tail / total);
  }
}
