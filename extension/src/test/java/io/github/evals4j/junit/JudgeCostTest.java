package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.junit.prompt.Prompt;
import io.github.evals4j.junit.prompt.Prompts;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.report.ReportJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** LLM calls made inside {@code Prompts.judge} are the judge's cost, apart from the application's. */
class JudgeCostTest {

  private static final Namespace NAMESPACE = Namespace.create(RunState.NAMESPACE.getParts());

  @TempDir
  Path dir;

  /** Three runs; each makes one application call and one judge call (and one more judge call directly). */
  @Evals4j
  @Prompt(id = "grade", version = "v1", model = "gpt-4o-mini")
  static class Judged {
    @RepeatedTest(3)
    void answer_is_judged(RepetitionInfo repetition) {
      Recording.llmCall(call(1000, 200));
      String verdict = Prompts.judge(() -> {
        Recording.llmCall(call(2000, 100));
        // still the current test inside the judge scope
        Prompts.evalCase("case-" + repetition.getCurrentRepetition());
        return "pass";
      });
      assertThat(verdict).isEqualTo("pass");
      Prompts.judgeCall(call(500, 50));
    }

    private static LlmCall call(long in, long out) {
      return LlmCall.builder("openai", "gpt-4o-mini").inputTokens(in).outputTokens(out)
          .latency(Duration.ofMillis(100)).build();
    }
  }

  @Test
  void should_count_judge_calls_apart_from_application_calls() {
    // GIVEN
    LauncherDiscoveryRequestBuilder req = request().selectors(selectClass(Judged.class))
        .configurationParameter("evals4j.report.dir", dir.resolve("evals4j").toString());
    try (LauncherSession session = LauncherFactory.openSession();
         StdErr ignored = StdErr.capture()) {
      session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY, Map.of());
      session.getStore().put(NAMESPACE, RunState.COLLECTORS_KEY, List.of());
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      // WHEN
      session.getLauncher().execute(req.build(), summary);
      assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(3);
    }

    // THEN gpt-4o-mini at $0.15 / $0.60 per million: application 3 × (1,000 × 0.15 + 200 × 0.60)
    // = $0.00081; judge 3 × (2,000 × 0.15 + 100 × 0.60 + 500 × 0.15 + 50 × 0.60) = $0.001395
    PromptStats stats = ReportJson.read(dir.resolve("evals4j/report.json")).prompts().get(0);
    assertThat(stats.applicationCost().calls()).isEqualTo(3);
    assertThat(stats.applicationCost().totalUsd().getAsDouble()).isCloseTo(0.00081, within(1e-12));
    assertThat(stats.judgeCost().calls()).isEqualTo(6);
    assertThat(stats.judgeCost().totalUsd().getAsDouble()).isCloseTo(0.001395, within(1e-12));
    assertThat(stats.cases()).as("evalCase set inside the judge scope reached the test").isEqualTo(3);
    assertThat(dir.resolve("evals4j/report.md")).content().contains("judge cost $0.0014");
  }

  @Test
  void should_just_run_the_judge_outside_a_test_run_by_the_extension() {
    // WHEN
    String verdict = Prompts.judge(() -> "pass");
    // THEN
    assertThat(verdict).isEqualTo("pass");
  }
}
