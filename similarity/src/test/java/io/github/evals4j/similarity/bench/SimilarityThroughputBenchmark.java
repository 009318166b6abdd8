package io.github.evals4j.similarity.bench;

import io.github.evals4j.assertions.similarity.Embedder;
import io.github.evals4j.assertions.similarity.SimilarityCheck;
import io.github.evals4j.similarity.MiniLmEmbedder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Semantic-similarity throughput with the in-process all-MiniLM-L6-v2 model: 1,000 pairs of
 * 500-character English texts (customer-support sentences drawn with a fixed seed), each pair
 * one {@code semantic.similar} check, i.e. two embeddings and a cosine. One operation is one pair;
 * the model is loaded in the setup (its cold load is {@link ModelLoadBenchmark}).
 *
 * <pre>./mvnw -B -q -pl similarity -am test-compile exec:exec -Dbench.args="SimilarityThroughputBenchmark -f 1 -wi 1 -i 3"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimilarityThroughputBenchmark {

  static final int PAIRS = 1_000;
  static final int CHARS = 500;

  static final String[] SENTENCES = {
    "Your refund of 40 EUR was sent on 2 December.",
    "It should reach your account within five business days.",
    "We are sorry that the parcel arrived damaged.",
    "A replacement has been ordered and ships tomorrow.",
    "Please keep the original box until the courier collects it.",
    "Your subscription renews on the first of every month.",
    "You can cancel at any time from the account settings page.",
    "The invoice for November is attached to this message.",
    "Our support team is available from 9 am to 6 pm on weekdays.",
    "The discount code applies to orders above 50 EUR.",
    "Two-factor authentication protects your account from misuse.",
    "The password reset link expires after thirty minutes.",
  };

  List<String> outputs;
  List<String> expected;
  Embedder miniLm;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(42);
    outputs = new ArrayList<>(PAIRS);
    expected = new ArrayList<>(PAIRS);
    for (int i = 0; i < PAIRS; i++) {
      outputs.add(text(random));
      expected.add(text(random));
    }
    miniLm = new MiniLmEmbedder();
    miniLm.embed(List.of("warm the model up"));
  }

  static String text(Random random) {
    StringBuilder b = new StringBuilder(CHARS + 80);
    while (b.length() < CHARS) {
      b.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
    }
    return b.substring(0, CHARS);
  }

  /** One pair: a check for the expected text, evaluated on the output (2 embeddings). */
  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public void pairs(Blackhole bh) {
    for (int i = 0; i < PAIRS; i++) {
      bh.consume(SimilarityCheck.similarTo(miniLm, List.of(expected.get(i)), 0.7)
          .evaluate(outputs.get(i)).score());
    }
  }
}
