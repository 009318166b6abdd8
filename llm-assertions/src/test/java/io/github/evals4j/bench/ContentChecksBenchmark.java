package io.github.evals4j.bench;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Content checks and the X preset on a 2 KB output that passes them (the whole text is read). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ContentChecksBenchmark {

  private final Check noRefusal = Checks.noRefusal();
  private final Check noPlaceholders = Checks.noPlaceholders();
  private final Check keywords = Checks.requiredKeywords("checkout", "payments", "latency");
  private final Check xPost = Checks.xPost();
  private String output;

  @Setup
  public void setUp() {
    output = SampleOutputs.english(2048);
  }

  @Benchmark
  public CheckResult noRefusal() {
    return noRefusal.evaluate(output);
  }

  @Benchmark
  public CheckResult noPlaceholders() {
    return noPlaceholders.evaluate(output);
  }

  @Benchmark
  public CheckResult requiredKeywords() {
    return keywords.evaluate(output);
  }

  @Benchmark
  public CheckResult xPost() {
    return xPost.evaluate(output);
  }
}
