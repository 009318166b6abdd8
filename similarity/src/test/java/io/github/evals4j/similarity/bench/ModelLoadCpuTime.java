package io.github.evals4j.similarity.bench;

import io.github.evals4j.similarity.MiniLmEmbedder;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The cold load of {@link ModelLoadBenchmark} in wall-clock <em>and</em> CPU time of the whole
 * process (ONNX Runtime's native threads included), so that a figure taken on a loaded machine
 * can be read: wall time is what a suite waits, CPU time what the load costs on an idle core.
 * Run it in a fresh JVM (one cold start per run):
 *
 * <pre>java -cp "similarity/target/test-classes:similarity/target/classes:$(cat similarity/target/cp.txt)" \
 *   io.github.evals4j.similarity.bench.ModelLoadCpuTime</pre>
 */
public final class ModelLoadCpuTime {

  private ModelLoadCpuTime() {}

  public static void main(String[] args) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    float[] v = new MiniLmEmbedder().embed(List.of("Your refund was sent on 2 December.")).get(0);
    long wall = System.nanoTime() - wall0;
    long cpu = os.getProcessCpuTime() - cpu0;
    long cpu1 = os.getProcessCpuTime();
    long wall1 = System.nanoTime();
    new MiniLmEmbedder().embed(List.of("A second text, once the model is loaded."));
    System.out.printf("cold first embedding: wall %d ms, process CPU %d ms (dimension %d); "
            + "next embedding: wall %.1f ms, CPU %.1f ms%n",
        wall / 1_000_000, cpu / 1_000_000, v.length,
        (System.nanoTime() - wall1) / 1e6, (os.getProcessCpuTime() - cpu1) / 1e6);
  }
}
