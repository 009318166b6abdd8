package io.github.evals4j.bench;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.tokens.TokenCounter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Token counting with jtokkit on a 2 KB output: the count alone, and a failing limit check. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenCountBenchmark {

  @Param({"cl100k_base", "o200k_base"})
  public String encoding;

  private String output;
  private TokenCounter counter;
  private Check limitPassing;
  private Check limitFailing;

  @Setup
  public void setUp() {
    output = SampleOutputs.english(2048);
    counter = TokenCounter.forEncoding(encoding);
    limitPassing = counter.atMost(10_000);
    limitFailing = counter.atMost(100); // also locates the 101st token and quotes the rest
  }

  @Benchmark
  public int count() {
    return counter.count(output).tokens();
  }

  @Benchmark
  public CheckResult maxTokensPassing() {
    return limitPassing.evaluate(output);
  }

  @Benchmark
  public CheckResult maxTokensFailing() {
    return limitFailing.evaluate(output);
  }
}
