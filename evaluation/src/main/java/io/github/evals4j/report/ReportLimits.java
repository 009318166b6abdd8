package io.github.evals4j.report;

/**
 * Limits on a {@code report.json} read back (a CI shard, a baseline, a downloaded artifact): such a
 * file is input from elsewhere, so its size is checked before it is read, and each latency sketch
 * in it before its counters are read or allocated. A file beyond a limit is refused with one line
 * naming it, not read until the memory runs out.
 *
 * <pre>{@code
 * Report r = ReportJson.read(Path.of("shard-3/report.json"), ReportLimits.defaults().withMaxBytes(256L << 20));
 * }</pre>
 *
 * @param maxBytes the largest file read, in bytes ({@value #DEFAULT_MAX_BYTES} by default: 64 MiB;
 *     a prompt version's 100,000 case outcomes, the most a report keeps, take about 24 MB)
 * @param maxSketchBuckets the most counters one latency sketch may have or need for its accuracy
 *     ({@value #DEFAULT_MAX_SKETCH_BUCKETS} by default; the sketches evals4j writes need 2,418)
 */
public record ReportLimits(long maxBytes, int maxSketchBuckets) {

  /** 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;

  /** Four times the counters of evals4j's own 1 % sketch. */
  public static final int DEFAULT_MAX_SKETCH_BUCKETS = 10_000;

  private static final ReportLimits DEFAULTS =
      new ReportLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_SKETCH_BUCKETS);

  public ReportLimits {
    if (maxBytes < 1 || maxSketchBuckets < 1) {
      throw new IllegalArgumentException(
          "report limits must be at least 1: maxBytes " + maxBytes + ", maxSketchBuckets " + maxSketchBuckets);
    }
  }

  /** {@value #DEFAULT_MAX_BYTES} bytes and {@value #DEFAULT_MAX_SKETCH_BUCKETS} sketch counters. */
  public static ReportLimits defaults() {
    return DEFAULTS;
  }

  /** These limits with another largest file size. */
  public ReportLimits withMaxBytes(long bytes) {
    return new ReportLimits(bytes, maxSketchBuckets);
  }

  /** These limits with another largest sketch. */
  public ReportLimits withMaxSketchBuckets(int buckets) {
    return new ReportLimits(maxBytes, buckets);
  }
}
