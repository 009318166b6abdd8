package io.github.evals4j.bench;

import io.github.evals4j.assertions.grounding.GroundingCheck;
import io.github.evals4j.assertions.grounding.Sources;
import io.github.evals4j.assertions.specificity.SpecificityCheck;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The same workloads as {@link GroundingBenchmark} and {@link SpecificityBenchmark}, measured as
 * thread CPU time per operation (median of batches after warm-up). On a shared, overloaded build
 * machine JMH's wall-clock figures mostly measure the wait for a core; CPU time does not.
 *
 * <p>Run: {@code java -cp <test classpath> io.github.evals4j.bench.CpuTimePerOperation}
 */
public final class CpuTimePerOperation {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTimePerOperation() {}

  public static void main(String[] args) {
    String output = GroundingBenchmark.summary();
    for (int bytes : new int[] {2048, 204_800, 2_097_152}) {
      String text = GroundingBenchmark.logLines(bytes);
      GroundingCheck check = GroundingCheck.groundedIn(Sources.of(text));
      report("grounding check, 2 KB output, sources " + bytes + " B",
          median(() -> check.evaluate(output), bytes > 1_000_000 ? 200 : 400));
      report("grounding index, sources " + bytes + " B",
          median(() -> Sources.of(text), bytes > 1_000_000 ? 3 : bytes > 100_000 ? 20 : 400));
    }
    SpecificityCheck specificity = SpecificityCheck.atLeast(0.6).withDomainTerms("LCP");
    String ideas = SpecificityBenchmark.ideas();
    report("specificity, 2 KB output", median(() -> specificity.evaluate(ideas), 400));
  }

  private static void report(String what, double nanos) {
    System.out.printf(Locale.ROOT, "%-50s %12.1f us CPU/op%n", what, nanos / 1000);
  }

  private static double median(Runnable op, int perBatch) {
    for (int k = 0; k < perBatch * 3; k++) {
      op.run();
    }
    double[] batches = new double[9];
    for (int b = 0; b < batches.length; b++) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (int k = 0; k < perBatch; k++) {
        op.run();
      }
      batches[b] = (THREADS.getCurrentThreadCpuTime() - start) / (double) perBatch;
    }
    Arrays.sort(batches);
    return batches[batches.length / 2];
  }
}
