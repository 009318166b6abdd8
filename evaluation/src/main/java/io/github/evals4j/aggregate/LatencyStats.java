package io.github.evals4j.aggregate;

import io.github.evals4j.stats.QuantileSketch;

/**
 * LLM call latencies of a prompt version, in milliseconds, from a {@link QuantileSketch} (1 %
 * relative error on the quantiles; mean and max exact). Calls without a measured latency (zero)
 * are not counted. All figures are 0 when {@code count == 0}.
 *
 * @param count how many calls had a latency
 * @param meanMs the mean
 * @param p50Ms the median
 * @param p95Ms the 95th percentile
 * @param p99Ms the 99th percentile
 * @param maxMs the largest
 * @param sketch the sketch's state, so that shard reports merge exactly
 */
public record LatencyStats(
    long count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs,
    QuantileSketch.State sketch) {

  static LatencyStats of(QuantileSketch s) {
    if (s.count() == 0) {
      return new LatencyStats(0, 0, 0, 0, 0, 0, s.state());
    }
    return new LatencyStats(
        s.count(), s.mean(), s.quantile(0.50), s.quantile(0.95), s.quantile(0.99), s.max(), s.state());
  }

  LatencyStats plus(LatencyStats o) {
    QuantileSketch merged = QuantileSketch.fromState(sketch);
    merged.merge(QuantileSketch.fromState(o.sketch));
    return of(merged);
  }
}
