package io.github.evals4j.stats;

/**
 * Permutation tests on case-level values, for comparing two prompt versions whose cases ran
 * several times: each case's pass rate over its repeats is one value, so that repeats of one case
 * (which are not independent) never count as separate evidence.
 *
 * <p><b>Paired</b> ({@link #pairedMidP}): both versions ran the same cases; under "no difference"
 * the two versions' labels can be swapped within each case, so each per-case difference is as
 * likely positive as negative (the Fisher–Pitman sign-flip test). The two-sided mid-p value is
 * {@code P(|T| > |t|) + ½·P(|T| = |t|)} for {@code T} the sum of the differences with random signs.
 * When every difference is −1, 0 or +1 (one run per case) this is exactly McNemar's mid-p test. It
 * is computed exactly by convolution while that costs at most 20,000,000 steps, 16 MB and at most
 * 1,000 cases differ; beyond that by the normal approximation of the same
 * distribution (mean 0, variance Σ d²), which is then very close.
 *
 * <p><b>Independent</b> ({@link #twoSampleP}): different case sets; the normal approximation of
 * the two-sample permutation test on the difference of the mean per-case values (variance from
 * the pooled values, as a permutation distribution has).
 *
 * <pre>{@code
 * // per-case differences in passing runs out of 3 repeats: 60 cases +1, 40 cases -1
 * double p = Permutation.pairedMidP(diffs); // 0.0460
 * }</pre>
 */
public final class Permutation {

  /** Convolution steps allowed for an exact paired p-value. */
  static final long EXACT_BUDGET = 20_000_000L;

  /** Largest absolute sum for an exact paired p-value: two arrays of 2·sum+1 doubles (16 MB). */
  static final long MAX_EXACT_SUM = 500_000L;

  /** Differing cases allowed for an exact paired p-value (2^-1000 still fits a double). */
  static final int MAX_EXACT_CASES = 1_000;

  private Permutation() {}

  /**
   * The two-sided sign-flip mid-p value of paired per-case differences, given as integers (scale
   * fractions to a common denominator first); 1 when no case differs.
   *
   * @throws IllegalArgumentException when the differences' absolute sum does not fit a long
   */
  public static double pairedMidP(long[] differences) {
    int nonZero = 0;
    long total = 0;
    long observed = 0;
    double sumSquares = 0;
    try {
      for (long d : differences) {
        if (d != 0) {
          nonZero++;
          total = Math.addExact(total, Math.absExact(d));
          observed = Math.addExact(observed, d);
          sumSquares += (double) d * d;
        }
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("per-case differences overflow a long: no p-value", e);
    }
    if (nonZero == 0) {
      return 1.0;
    }
    // Dividing every difference by their greatest common divisor leaves the distribution's shape
    // as it is and keeps the convolution small (differences in thirds of a run become 1s and 2s).
    long gcd = 0;
    for (long d : differences) {
      gcd = gcd(gcd, Math.abs(d));
    }
    if (gcd > 1) {
      long[] reduced = new long[differences.length];
      for (int i = 0; i < reduced.length; i++) {
        reduced[i] = differences[i] / gcd;
      }
      differences = reduced;
      total /= gcd;
      observed /= gcd;
      sumSquares /= (double) gcd * gcd;
    }
    long target = Math.abs(observed);
    double steps = (double) nonZero * (2.0 * total + 1);
    if (nonZero <= MAX_EXACT_CASES && steps <= EXACT_BUDGET && total <= MAX_EXACT_SUM) {
      return exactMidP(differences, (int) total, target);
    }
    return Math.min(1.0, 2 * Normal.upperTail(target / Math.sqrt(sumSquares)));
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  private static double exactMidP(long[] differences, int total, long target) {
    // probability[t + total] = P(T = t) over the differences seen so far; reach = their sum.
    double[] current = new double[2 * total + 1];
    double[] next = new double[2 * total + 1];
    current[total] = 1;
    int reach = 0;
    for (long d : differences) {
      int v = (int) Math.abs(d);
      if (v == 0) {
        continue;
      }
      int wider = reach + v;
      java.util.Arrays.fill(next, total - wider, total + wider + 1, 0.0);
      for (int t = total - reach; t <= total + reach; t++) {
        double p = current[t];
        if (p != 0) {
          next[t - v] += 0.5 * p;
          next[t + v] += 0.5 * p;
        }
      }
      double[] swap = current;
      current = next;
      next = swap;
      reach = wider;
    }
    double beyond = 0;
    double at = 0;
    for (int t = 0; t <= reach; t++) {
      double p = t == 0 ? current[total] : current[total - t] + current[total + t];
      if (t > target) {
        beyond += p;
      } else if (t == target) {
        at = p;
      }
    }
    return Math.min(1.0, beyond + 0.5 * at);
  }

  /**
   * The two-sided p-value of the difference of the means of {@code a} and {@code b} (per-case
   * values of two independent groups), by the normal approximation of the permutation test; 1
   * when the values do not vary or a group is empty.
   */
  public static double twoSampleP(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    if (n1 == 0 || n2 == 0 || n1 + n2 < 3) {
      return 1.0;
    }
    double sum1 = 0;
    double sum2 = 0;
    for (double x : a) {
      sum1 += x;
    }
    for (double x : b) {
      sum2 += x;
    }
    double grand = (sum1 + sum2) / (n1 + n2);
    double squares = 0;
    for (double x : a) {
      squares += (x - grand) * (x - grand);
    }
    for (double x : b) {
      squares += (x - grand) * (x - grand);
    }
    double variance = squares / (n1 + n2 - 1) * (1.0 / n1 + 1.0 / n2);
    double difference = sum2 / n2 - sum1 / n1;
    if (!(variance > 0)) {
      return 1.0;
    }
    return Math.min(1.0, 2 * Normal.upperTail(Math.abs(difference) / Math.sqrt(variance)));
  }
}
