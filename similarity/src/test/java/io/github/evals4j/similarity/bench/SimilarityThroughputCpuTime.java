package io.github.evals4j.similarity.bench;

import io.github.evals4j.assertions.similarity.Embedder;
import io.github.evals4j.assertions.similarity.SimilarityCheck;
import io.github.evals4j.similarity.MiniLmEmbedder;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;

/**
 * {@link SimilarityThroughputBenchmark}'s 1,000 pairs of 500-character texts, timed in wall-clock
 * and process CPU time (ONNX Runtime's threads included), after 100 warm-up pairs; several rounds.
 * On a machine shared with other work the CPU time is the figure to read.
 *
 * <pre>java -cp "$CP" io.github.evals4j.similarity.bench.SimilarityThroughputCpuTime 3</pre>
 */
public final class SimilarityThroughputCpuTime {

  private SimilarityThroughputCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Embedder miniLm = new MiniLmEmbedder();
    Random random = new Random(42);
    int pairs = SimilarityThroughputBenchmark.PAIRS;
    String[] outputs = new String[pairs];
    String[] expected = new String[pairs];
    for (int i = 0; i < pairs; i++) {
      outputs[i] = SimilarityThroughputBenchmark.text(random);
      expected[i] = SimilarityThroughputBenchmark.text(random);
    }
    double sink = 0;
    for (int i = 0; i < 100; i++) {
      sink += SimilarityCheck.similarTo(miniLm, List.of(expected[i]), 0.7).evaluate(outputs[i]).score();
    }
    for (int round = 1; round <= rounds; round++) {
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      for (int i = 0; i < pairs; i++) {
        sink += SimilarityCheck.similarTo(miniLm, List.of(expected[i]), 0.7).evaluate(outputs[i]).score();
      }
      double wallMs = (System.nanoTime() - wall0) / 1e6;
      double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
      System.out.printf("round %d: %d pairs in %.1f s wall (%.2f ms/pair, %.0f pairs/s), "
              + "%.1f s process CPU (%.2f ms CPU/pair)%n",
          round, pairs, wallMs / 1000, wallMs / pairs, pairs / (wallMs / 1000), cpuMs / 1000,
          cpuMs / pairs);
    }
    System.out.println("checksum " + sink);
  }
}
