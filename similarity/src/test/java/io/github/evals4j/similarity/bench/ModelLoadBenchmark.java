package io.github.evals4j.similarity.bench;

import io.github.evals4j.similarity.MiniLmEmbedder;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The all-MiniLM-L6-v2 model's cold load: in a fresh JVM per fork, the first embedding (class
 * loading, ONNX Runtime's native library, the 90 MB model and the tokenizer read from the jar, one
 * inference). {@code SingleShotTime}, no warm-up: each fork measures exactly one cold start.
 *
 * <pre>./mvnw -B -q -pl similarity -am test-compile exec:exec -Dbench.args="ModelLoadBenchmark"</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ModelLoadBenchmark {

  @Benchmark
  public float[] firstEmbedding() {
    return new MiniLmEmbedder().embed(List.of("Your refund was sent on 2 December.")).get(0);
  }
}
