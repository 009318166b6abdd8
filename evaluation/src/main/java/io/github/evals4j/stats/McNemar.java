package io.github.evals4j.stats;

/**
 * McNemar's test for paired pass/fail outcomes (the same cases run by two prompt versions), on the
 * discordant pairs only: {@code b} cases passed by the first and failed by the second, {@code c}
 * the reverse.
 *
 * <p>Under the null hypothesis the {@code b + c} discordant pairs split as Binomial(b+c, ½). The
 * exact conditional p-value is {@code min(1, 2·P(X ≤ min(b,c)))}; the mid-p version subtracts half
 * the probability of the observed split, {@code 2·(P(X ≤ min) − ½·P(X = min))}, which Fagerland,
 * Lydersen and Laake (2013, BMC Med Res Methodol 13:91) recommend because the exact test is
 * conservative. When the split is even ({@code b = c}) every outcome is at least as extreme as the
 * one observed, so the exact p-value is 1 and the mid-p value {@code 1 − ½·P(X = b)}: the mid-p
 * definition (the probability of a more extreme split plus half that of an equally extreme one)
 * applied as it is, not the one-tail doubling, which would give exactly 1. With no discordant pair
 * at all there is no evidence either way and both p-values are 1. Probabilities are summed in log
 * space, so any count fits; counts whose sum does not fit a {@code long} are rejected.
 *
 * <pre>{@code
 * double p = McNemar.midP(1, 5); // 0.125
 * }</pre>
 */
public final class McNemar {

  private McNemar() {}

  /** The exact conditional (binomial) two-sided p-value. */
  public static double exact(long b, long c) {
    long n = total(b, c);
    if (n == 0) {
      return 1.0;
    }
    long k = Math.min(b, c);
    return Math.min(1.0, 2 * Math.exp(logLowerTail(n, k)));
  }

  /** The mid-p two-sided p-value: less conservative than {@link #exact}, still valid. */
  public static double midP(long b, long c) {
    long n = total(b, c);
    if (n == 0) {
      return 1.0;
    }
    long k = Math.min(b, c);
    double point = Math.exp(logBinomialHalf(n, k));
    if (b == c) {
      return 1.0 - 0.5 * point;
    }
    double tail = Math.exp(logLowerTail(n, k));
    return Math.min(1.0, 2 * (tail - 0.5 * point));
  }

  /** {@code b + c}, after checking both counts. */
  private static long total(long b, long c) {
    if (b < 0 || c < 0) {
      throw new IllegalArgumentException("discordant counts must be >= 0, got " + b + ", " + c);
    }
    try {
      return Math.addExact(b, c);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "discordant counts " + b + " + " + c + " overflow a long: no p-value for such a table", e);
    }
  }

  /** log P(X ≤ k) for X ~ Binomial(n, ½), k ≤ n/2, by log-sum-exp from the largest term down. */
  private static double logLowerTail(long n, long k) {
    double logTerm = logBinomialHalf(n, k);
    double sum = 1; // terms relative to P(X = k), the largest of 0..k since k <= n/2
    double ratio = 1;
    for (long j = k; j > 0; j--) {
      ratio *= (double) j / (n - j + 1); // P(X = j-1) / P(X = j)
      if (ratio < 1e-300) {
        break;
      }
      sum += ratio;
    }
    return logTerm + Math.log(sum);
  }

  /** log P(X = k) for X ~ Binomial(n, ½). */
  private static double logBinomialHalf(long n, long k) {
    return LogGamma.logChoose(n, k) - n * Math.log(2);
  }
}
