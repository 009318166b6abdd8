package io.github.evals4j.aggregate;

import java.util.OptionalDouble;

/**
 * A mean with its count, so that two means merge exactly.
 *
 * @param count how many values
 * @param mean their mean, 0 when {@code count == 0}
 */
public record Mean(long count, double mean) {

  /** No value. */
  public static final Mean NONE = new Mean(0, 0);

  public Mean {
    if (count < 0 || Double.isNaN(mean) || Double.isInfinite(mean)) {
      throw new IllegalArgumentException("bad mean " + mean + " of " + count);
    }
    mean = count == 0 ? 0 : mean;
  }

  static Mean of(double sum, long count) {
    return count == 0 ? NONE : new Mean(count, sum / count);
  }

  /** The mean, empty when there was no value. */
  public OptionalDouble value() {
    return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(mean);
  }

  Mean plus(Mean other) {
    return of(mean * count + other.mean * other.count, count + other.count);
  }
}
