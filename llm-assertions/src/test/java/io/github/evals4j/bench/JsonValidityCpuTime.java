package io.github.evals4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.evals4j.check.Check;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.assertions.json.JsonDocuments;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The JsonValidityBenchmark comparison measured in thread CPU time, with the two contenders
 * interleaved round by round: on a loaded shared machine wall-clock JMH scores swing by ±50%, CPU
 * time per operation does not. Not a replacement for JMH (no fork control, no blackhole), a
 * cross-check of its ratio. Run:
 *
 * <pre>
 * ./mvnw -B -q -pl llm-assertions test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp llm-assertions/target/test-classes:llm-assertions/target/classes:$(cat llm-assertions/target/cp.txt) \
 *     io.github.evals4j.bench.JsonValidityCpuTime
 * </pre>
 */
public final class JsonValidityCpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int ROUNDS = 11;

  private JsonValidityCpuTime() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Check validJson = Checks.validJson();
    System.out.printf("%-8s %12s %12s %8s%n", "size", "strict MB/s", "readTree MB/s", "ratio");
    for (int size : new int[] {1024, 1 << 20}) {
      String doc = JsonDocuments.productSummary(size);
      long bytes = doc.getBytes(StandardCharsets.UTF_8).length;
      Callable<Object> strict = () -> validJson.evaluate(doc);
      Callable<Object> readTree = () -> mapper.readTree(doc);
      nanosPerOp(strict, 3_000_000_000L);
      nanosPerOp(readTree, 3_000_000_000L);
      List<Double> s = new ArrayList<>();
      List<Double> r = new ArrayList<>();
      List<Double> ratio = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        double a = nanosPerOp(strict, 500_000_000L);
        double b = nanosPerOp(readTree, 500_000_000L);
        s.add(bytes / a * 1e3);
        r.add(bytes / b * 1e3);
        ratio.add(b / a);
      }
      System.out.printf("%-8d %12.0f %12.0f %8.2f%n", size, median(s), median(r), median(ratio));
    }
  }

  private static double nanosPerOp(Callable<Object> op, long wallNanos) throws Exception {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long ops = 0;
    Object sink = null;
    while (System.nanoTime() - start < wallNanos) {
      sink = op.call();
      ops++;
    }
    if (sink == null) {
      throw new IllegalStateException("no result");
    }
    return (THREADS.getCurrentThreadCpuTime() - cpu) / (double) ops;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
