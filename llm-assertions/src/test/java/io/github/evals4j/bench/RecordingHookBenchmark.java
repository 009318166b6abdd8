package io.github.evals4j.bench;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.recording.Recording;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** What the recording hook costs a check when no recorder is bound (the common case). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordingHookBenchmark {

  private final CheckResult result = CheckResult.of("bench", true, List.of(), "ok");

  @Benchmark
  public void unboundHook() {
    Recording.check(result);
  }
}
