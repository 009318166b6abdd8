package io.github.evals4j.bench;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.grounding.GroundingCheck;
import io.github.evals4j.assertions.grounding.Sources;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Grounding of a 2 KB log summary against 2 KB, 200 KB and 2 MB of log sources: the check
 * (index built once, outside the measurement) and, separately, the index building.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GroundingBenchmark {

  @Param({"2048", "204800", "2097152"})
  public int sourceBytes;

  private String sourceText;
  private String output;
  private GroundingCheck check;

  static String logLines(int bytes) {
    StringBuilder b = new StringBuilder(bytes + 200);
    for (int k = 0; b.length() < bytes; k++) {
      b.append(String.format(java.util.Locale.ROOT,
          "2024-05-14T10:%02d:%02d.%03dZ %s payment-service-%d [req=%x] E%d gateway timeout after "
              + "%d ms provider=stripe-eu session=%d\n",
          k / 60 % 60, k % 60, k % 1000, k % 3 == 0 ? "ERROR" : "WARN", k % 7, k * 7919,
          1000 + k % 90, 1000 + k % 5000, 4000 + k));
    }
    return b.substring(0, bytes);
  }

  static String summary() {
    String paragraph = "Between 10:00:01 and 10:00:05 payment-service-1 logged E1001 gateway "
        + "timeouts after 1001 ms (provider stripe-eu); sessions 4001 and 4002 were affected. "
        + "The error rate rose to 12.5% and p95 latency reached 2,950 ms, so checkout-api "
        + "returned HTTP 504 to 1,284 clients. Retry budget was exhausted at 10:00:04. ";
    StringBuilder b = new StringBuilder();
    while (b.length() < 2048) {
      b.append(paragraph);
    }
    return b.substring(0, 2048);
  }

  @Setup
  public void setUp() {
    sourceText = logLines(sourceBytes);
    output = summary();
    check = GroundingCheck.groundedIn(Sources.of(sourceText));
  }

  /** Checking a 2 KB output; the index is built once in setUp. */
  @Benchmark
  public CheckResult check() {
    return check.evaluate(output);
  }

  /** Building the index of the sources (done once per source set in real use). */
  @Benchmark
  public Sources index() {
    return Sources.of(sourceText);
  }
}
