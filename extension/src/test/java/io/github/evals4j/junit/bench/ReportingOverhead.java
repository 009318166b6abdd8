package io.github.evals4j.junit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.junit.Evals4j;
import io.github.evals4j.junit.prompt.Prompt;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.recording.Recording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What the reporting costs a run (not a test; run by hand, figures in the README): 5,000
 * prompt-attributed invocations (2 versions × 2,500 cases), each recording 3 checks and 1 LLM
 * call, through the real Launcher, with the run report on and off ({@code evals4j.report.enabled}).
 * Sentry is off in both.
 *
 * <pre>
 * java -cp "extension/target/test-classes:extension/target/classes:$(cat cp.txt)" \
 *     io.github.evals4j.junit.bench.ReportingOverhead
 * </pre>
 */
public final class ReportingOverhead {

  private ReportingOverhead() {}

  /** The suite measured. */
  @Evals4j
  @Prompt(id = "bench", version = "v1", model = "gpt-4o-mini")
  public static class Suite {
    static Stream<Arguments> cases() {
      return Stream.of("v1", "v2").flatMap(v -> IntStream.range(0, 2_500)
          .mapToObj(i -> Arguments.of(new PromptRef("bench", v, "gpt-4o-mini"), "case-" + i)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void run(PromptRef prompt, String caseId) {
      Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini").inputTokens(900).outputTokens(150)
          .latency(Duration.ofMillis(300 + caseId.length())).build());
      int n = caseId.hashCode();
      Recording.check(CheckResult.of("json.valid", true, List.of(), ""));
      Recording.check(CheckResult.of("grounding", (n & 7) != 0, List.of(), "unsupported"));
      Recording.check(CheckResult.of("answer.correct", (n & 3) != 0, List.of(), "wrong"));
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("evals4j-bench");
    for (int round = 0; round < 12; round++) {
      long on = time("true", dir);
      long off = time("false", dir);
      System.out.printf("round %d: report on %d ms, off %d ms, difference %.1f µs per test%n",
          round, on, off, (on - off) * 1000.0 / 5_000);
    }
  }

  private static long time(String enabled, Path dir) {
    long start = System.nanoTime();
    try (LauncherSession session = LauncherFactory.openSession()) {
      session.getLauncher().execute(request().selectors(selectClass(Suite.class))
          .configurationParameter("evals4j.environment", "none")
          .configurationParameter("evals4j.report.enabled", enabled)
          .configurationParameter("evals4j.report.console", "false")
          .configurationParameter("evals4j.report.dir", dir.toString()).build());
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
