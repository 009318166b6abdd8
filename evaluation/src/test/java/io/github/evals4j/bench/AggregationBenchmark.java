package io.github.evals4j.bench;

import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One million check results (2 prompt versions × 5,000 cases × 10 repeats × 10 checks) and
 * 100,000 LLM calls aggregated into per prompt version statistics, then snapshotted. Each
 * invocation is a whole run; after each iteration the heap still held by the aggregator (after a
 * full GC) is printed as "retained heap".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AggregationBenchmark {

  static final int VERSIONS = 2;
  static final int CASES = 5_000;
  static final int REPEATS = 10;
  static final int CHECKS = 10;

  private Attribution[] attributions;
  private CheckResult[] passing;
  private CheckResult[] failing;
  private LlmCall[] calls;
  private RunAggregator last;

  @Setup(Level.Trial)
  public void setUp() {
    attributions = new Attribution[VERSIONS * CASES * REPEATS];
    int i = 0;
    for (int v = 0; v < VERSIONS; v++) {
      PromptRef prompt = new PromptRef("summarize", "v" + v, "gpt-4o-mini");
      for (int c = 0; c < CASES; c++) {
        String caseId = "case-" + c;
        for (int r = 0; r < REPEATS; r++) {
          attributions[i++] = new Attribution(prompt, caseId, r);
        }
      }
    }
    passing = new CheckResult[CHECKS];
    failing = new CheckResult[CHECKS];
    String[] names = {"json.valid", "json.schema", "grounding", "grounding.numbers", "specificity",
        "tokens.max", "length.max", "refusal", "placeholder", "tone"};
    for (int k = 0; k < CHECKS; k++) {
      passing[k] = new CheckResult(names[k], true, 0.9, 0.5, Direction.AT_LEAST, List.of(), "");
      failing[k] = new CheckResult(names[k], false, 0.1, 0.5, Direction.AT_LEAST, List.of(), "failed");
    }
    calls = new LlmCall[64];
    for (int k = 0; k < calls.length; k++) {
      calls[k] = LlmCall.builder("openai", "gpt-4o-mini").inputTokens(800 + k).outputTokens(150)
          .latency(Duration.ofMillis(200 + 37L * k)).build();
    }
  }

  @Benchmark
  public List<PromptStats> aggregateOneMillionResults() {
    RunAggregator run = new RunAggregator();
    for (int i = 0; i < attributions.length; i++) {
      Attribution at = attributions[i];
      run.recordCall(at, calls[i & 63]);
      for (int k = 0; k < CHECKS; k++) {
        // about 3 % of results fail, spread over checks and cases
        run.recordCheck(at, ((i * 31 + k * 7) % 33 == 0 ? failing : passing)[k]);
      }
    }
    last = run;
    return run.snapshot();
  }

  @TearDown(Level.Iteration)
  public void retainedHeap() {
    long with = usedAfterGc();
    last = null;
    long without = usedAfterGc();
    System.out.printf("%nretained heap of the aggregator after 1M results: %.1f MB%n",
        (with - without) / (1024.0 * 1024.0));
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
