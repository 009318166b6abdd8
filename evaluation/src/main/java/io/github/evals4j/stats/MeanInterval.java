package io.github.evals4j.stats;

/**
 * The 95 % confidence interval of a mean by Student's t: {@code mean ± t(0.975, n−1)·sd/√n}. Used
 * for quality scores, where each case's mean score over its repeats is one value (repeats of a
 * case are not independent), so {@code n} is the number of cases.
 *
 * <p>The t quantile is tabulated for 1 to 30 degrees of freedom (to 7 decimals) and beyond by the
 * Cornish–Fisher expansion about the normal quantile (error below 2e-6 beyond 30 degrees of freedom, checked by numeric integration of the t density).
 *
 * <pre>{@code
 * Interval ci = MeanInterval.studentT95(20, 8.4, 1.1); // [7.885, 8.915]
 * }</pre>
 */
public final class MeanInterval {

  private static final double[] T975 = {
      12.7062047, 4.3026527, 3.1824463, 2.7764451, 2.5705818, 2.4469119, 2.3646243, 2.3060041,
      2.2621572, 2.2281389, 2.2009852, 2.1788128, 2.1603687, 2.1447867, 2.1314495, 2.1199053,
      2.1098156, 2.1009220, 2.0930241, 2.0859634, 2.0796138, 2.0738731, 2.0686576, 2.0638986,
      2.0595386, 2.0555294, 2.0518305, 2.0484071, 2.0452296, 2.0422725};

  private static final double Z975 = 1.959963984540054;

  private MeanInterval() {}

  /** The 0.975 quantile of Student's t with {@code df} degrees of freedom ({@code df >= 1}). */
  public static double t975(long df) {
    if (df < 1) {
      throw new IllegalArgumentException("degrees of freedom must be >= 1: " + df);
    }
    if (df <= T975.length) {
      return T975[(int) df - 1];
    }
    double z = Z975;
    double v = df;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    double z7 = z5 * z * z;
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
  }

  /**
   * The 95 % interval of the mean of {@code n} values with mean {@code mean} and sample standard
   * deviation {@code sd}; with fewer than two values the interval is {@code [lowest, highest]}
   * (nothing is known about the spread).
   */
  public static Interval studentT95(long n, double mean, double sd, double lowest, double highest) {
    if (n < 2) {
      return new Interval(lowest, highest);
    }
    double half = t975(n - 1) * sd / Math.sqrt(n);
    return new Interval(Math.max(lowest, mean - half), Math.min(highest, mean + half));
  }
}
