package io.github.evals4j.aggregate;

/**
 * Count, mean and spread of a set of values, mergeable exactly (Chan et al.'s parallel update of
 * the sum of squared deviations), so shard reports combine like one run.
 *
 * @param count how many values
 * @param mean their mean (0 when empty)
 * @param m2 the sum of squared deviations from the mean
 */
public record Spread(long count, double mean, double m2) {

  /** No value. */
  public static final Spread NONE = new Spread(0, 0, 0);

  public Spread {
    if (count < 0 || !Double.isFinite(mean) || !(m2 >= -1e-12)) {
      throw new IllegalArgumentException("bad spread: count " + count + ", mean " + mean + ", m2 " + m2);
    }
    m2 = Math.max(0, m2);
  }

  /** The sample standard deviation, 0 with fewer than two values. */
  public double stdDev() {
    return count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
  }

  /** This spread with {@code value} added (Welford). */
  Spread plus(double value) {
    long n = count + 1;
    double delta = value - mean;
    double newMean = mean + delta / n;
    return new Spread(n, newMean, m2 + delta * (value - newMean));
  }

  /** The spread of both sets of values. */
  Spread plus(Spread o) {
    if (o.count == 0) {
      return this;
    }
    if (count == 0) {
      return o;
    }
    long n = count + o.count;
    double delta = o.mean - mean;
    return new Spread(n, mean + delta * o.count / n, m2 + o.m2 + delta * delta * count * o.count / n);
  }
}
