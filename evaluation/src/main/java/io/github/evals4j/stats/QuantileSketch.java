package io.github.evals4j.stats;

import java.util.Arrays;

/**
 * A small, mergeable sketch of a distribution of positive values (latencies in milliseconds) that
 * answers any quantile within a bounded <em>relative</em> error, in constant memory.
 *
 * <p>It is the log-bucketed histogram of DDSketch (Masson, Rim and Lee, VLDB 2019): value
 * {@code x} is counted in bucket {@code ceil(log(x) / log(γ))} with {@code γ = (1+α)/(1-α)}, and a
 * bucket answers {@code 2γ^i/(γ+1)}, which is within a factor {@code 1 ± α} of every value it
 * holds. With the default α = 1 % a quantile of 1,234 ms is reported as 1,234 ± 12.3 ms. Buckets
 * are a dense array covering [{@value #MIN_VALUE}, ~10<sup>15</sup>] (about 2,400 counters for
 * α = 1 %, about 19 KB), so memory never grows with the number of values, and two sketches with
 * the same α merge exactly by adding counters: shard reports merge into the same quantiles as one
 * run. It is written here rather than taken from a library because it is about 150 lines and its
 * state must round-trip through {@code report.json} for {@code merge}.
 *
 * <p>Not thread-safe: callers synchronise (the aggregator keeps one per prompt version under its
 * lock).
 *
 * <pre>{@code
 * QuantileSketch latency = new QuantileSketch();
 * latency.add(930.0);
 * double p95 = latency.quantile(0.95);
 * }</pre>
 */
public final class QuantileSketch {

  /** The default relative accuracy, 1 %. */
  public static final double DEFAULT_RELATIVE_ACCURACY = 0.01;

  /** Values below this (and zero) are counted as zero; they are far below any latency. */
  public static final double MIN_VALUE = 1e-6;

  private static final double MAX_VALUE = 1e15;

  /** The most counters one sketch may hold (an accuracy of about 0.0001 %), whatever a state says. */
  private static final long MAX_BUCKETS = 1L << 26;

  private final double relativeAccuracy;
  private final double logGamma;
  private final int minIndex;
  private final long[] counts;
  private long zeroCount;
  private long count;
  private double sum;
  private double max = Double.NEGATIVE_INFINITY;
  private double min = Double.POSITIVE_INFINITY;

  /** An empty sketch with 1 % relative accuracy. */
  public QuantileSketch() {
    this(DEFAULT_RELATIVE_ACCURACY);
  }

  /** An empty sketch with the given relative accuracy, in {@code (0, 0.5]}. */
  public QuantileSketch(double relativeAccuracy) {
    long buckets = buckets(relativeAccuracy);
    if (buckets > MAX_BUCKETS) {
      throw new IllegalArgumentException("relative accuracy " + relativeAccuracy + " needs " + buckets
          + " counters, more than " + MAX_BUCKETS);
    }
    this.relativeAccuracy = relativeAccuracy;
    this.logGamma = logGamma(relativeAccuracy);
    this.minIndex = index(MIN_VALUE);
    this.counts = new long[(int) buckets];
  }

  /**
   * How many counters a sketch of this relative accuracy holds (about 2,400 for 1 %): its memory is
   * 8 bytes each. A reader of a stored {@link State} checks it against its own limit before
   * {@link #fromState} allocates them, since the accuracy comes from the file.
   *
   * @throws IllegalArgumentException when the accuracy is not in {@code (0, 0.5]}
   */
  public static long buckets(double relativeAccuracy) {
    if (!(relativeAccuracy > 0 && relativeAccuracy <= 0.5)) {
      throw new IllegalArgumentException("relative accuracy must be in (0, 0.5]: " + relativeAccuracy);
    }
    double logGamma = logGamma(relativeAccuracy);
    return (long) Math.ceil(Math.log(MAX_VALUE) / logGamma)
        - (long) Math.ceil(Math.log(MIN_VALUE) / logGamma) + 1;
  }

  private static double logGamma(double relativeAccuracy) {
    return Math.log((1 + relativeAccuracy) / (1 - relativeAccuracy));
  }

  /** Counts {@code value}; negative, NaN and infinite values are rejected. */
  public void add(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("value must be finite and >= 0: " + value);
    }
    if (value < MIN_VALUE) {
      zeroCount++;
    } else {
      counts[Math.min(counts.length - 1, index(value) - minIndex)]++;
    }
    count++;
    sum += value;
    max = Math.max(max, value);
    min = Math.min(min, value);
  }

  /** Adds every value counted by {@code other}, which must have the same relative accuracy. */
  public void merge(QuantileSketch other) {
    if (other.relativeAccuracy != relativeAccuracy) {
      throw new IllegalArgumentException(
          "cannot merge sketches of accuracy " + relativeAccuracy + " and " + other.relativeAccuracy);
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    zeroCount += other.zeroCount;
    count += other.count;
    sum += other.sum;
    max = Math.max(max, other.max);
    min = Math.min(min, other.min);
  }

  /** How many values were added. */
  public long count() {
    return count;
  }

  /** The exact mean, {@code NaN} when empty. */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  /** The exact largest value, {@code NaN} when empty. */
  public double max() {
    return count == 0 ? Double.NaN : max;
  }

  /** The relative accuracy α. */
  public double relativeAccuracy() {
    return relativeAccuracy;
  }

  /**
   * The {@code q}-quantile ({@code 0 ≤ q ≤ 1}) within relative error α, clamped to the exact
   * minimum and maximum ({@code q = 1} is the exact maximum); {@code NaN} when empty. Rank is {@code q·(count-1)}, the lower of the
   * two middle values for an even count.
   */
  public double quantile(double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be in [0, 1]: " + q);
    }
    if (count == 0) {
      return Double.NaN;
    }
    if (q == 1) {
      return max;
    }
    long rank = (long) Math.floor(q * (count - 1));
    if (rank < zeroCount) {
      return 0;
    }
    long seen = zeroCount;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen > rank) {
        double estimate = 2 * Math.exp((i + minIndex) * logGamma) / (1 + Math.exp(logGamma));
        return Math.max(min, Math.min(max, estimate));
      }
    }
    return max;
  }

  /** The sketch's state, for {@code report.json}: only the non-empty range of counters is kept. */
  public State state() {
    int first = 0;
    while (first < counts.length && counts[first] == 0) {
      first++;
    }
    int last = counts.length - 1;
    while (last >= first && counts[last] == 0) {
      last--;
    }
    long[] kept = first > last ? new long[0] : Arrays.copyOfRange(counts, first, last + 1);
    return new State(
        relativeAccuracy, zeroCount, first + minIndex, kept, count, sum,
        count == 0 ? 0 : min, count == 0 ? 0 : max);
  }

  /** A sketch rebuilt from {@link #state()}. */
  public static QuantileSketch fromState(State state) {
    QuantileSketch sketch = new QuantileSketch(state.relativeAccuracy());
    long from = (long) state.firstIndex() - sketch.minIndex;
    long[] stored = state.counts();
    if (from < 0 || from + stored.length > sketch.counts.length) {
      throw new IllegalArgumentException("sketch state out of range: first index " + state.firstIndex()
          + " and " + stored.length + " counters, the sketch has " + sketch.counts.length
          + " from index " + sketch.minIndex);
    }
    if (state.zeroCount() < 0 || state.count() < 0) {
      throw new IllegalArgumentException("sketch state has a negative count");
    }
    System.arraycopy(stored, 0, sketch.counts, (int) from, stored.length);
    sketch.zeroCount = state.zeroCount();
    sketch.count = state.count();
    sketch.sum = state.sum();
    if (state.count() > 0) {
      sketch.min = state.min();
      sketch.max = state.max();
    }
    long total = sketch.zeroCount;
    for (long c : stored) {
      if (c < 0) {
        throw new IllegalArgumentException("sketch state has a negative counter: " + c);
      }
      total = total + c < total ? Long.MAX_VALUE : total + c; // an overflow cannot add up to count
    }
    if (total != sketch.count) {
      throw new IllegalArgumentException("sketch state counts add to " + total + ", not " + state.count());
    }
    return sketch;
  }

  private int index(double value) {
    return (int) Math.ceil(Math.log(value) / logGamma);
  }

  /**
   * The serialisable state of a {@link QuantileSketch}.
   *
   * @param relativeAccuracy α
   * @param zeroCount values below {@link #MIN_VALUE}
   * @param firstIndex the bucket index of {@code counts[0]}
   * @param counts counters of consecutive buckets
   * @param count all values
   * @param sum the exact sum
   * @param min the exact minimum (0 when empty)
   * @param max the exact maximum (0 when empty)
   */
  public record State(
      double relativeAccuracy,
      long zeroCount,
      int firstIndex,
      long[] counts,
      long count,
      double sum,
      double min,
      double max) {

    public State {
      counts = counts == null ? new long[0] : counts.clone();
    }

    @Override
    public long[] counts() {
      return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof State s
          && s.relativeAccuracy == relativeAccuracy
          && s.zeroCount == zeroCount
          && s.firstIndex == firstIndex
          && Arrays.equals(s.counts, counts)
          && s.count == count
          && Double.compare(s.sum, sum) == 0
          && Double.compare(s.min, min) == 0
          && Double.compare(s.max, max) == 0;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(counts) * 31 + Long.hashCode(count);
    }

    @Override
    public String toString() {
      return "State[count=" + count + ", firstIndex=" + firstIndex + ", buckets=" + counts.length + "]";
    }
  }
}
