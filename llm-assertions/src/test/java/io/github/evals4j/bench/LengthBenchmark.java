package io.github.evals4j.bench;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.assertions.length.TextUnit;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Counting each length unit on a 2 KB output (a limit that passes: the whole text is counted). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LengthBenchmark {

  @Param({"CODE_POINTS", "GRAPHEMES", "WORDS", "SENTENCES", "BULLETS", "URLS"})
  public TextUnit unit;

  private String output;
  private Check maxUnits;

  @Setup
  public void setUp() {
    output = SampleOutputs.english(2048);
    maxUnits = Checks.maxLength(unit, 100_000);
  }

  @Benchmark
  public CheckResult maxLength() {
    return maxUnits.evaluate(output);
  }

}
