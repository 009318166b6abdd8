package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.junit.prompt.Prompt;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.report.ReportJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** {@code Recording.judgeCall} (what evals4j-judge's judges use) is judge cost under the extension. */
class RecordingJudgeCallTest {

  private static final Namespace NAMESPACE = Namespace.create(RunState.NAMESPACE.getParts());

  @TempDir
  Path dir;

  @Evals4j
  @Prompt(id = "grade", version = "v1", model = "gpt-4o-mini")
  static class Judged {
    @RepeatedTest(2)
    void answer_is_judged() {
      Recording.llmCall(call(1000, 200));
      Recording.judgeCall(call(2000, 100));
    }

    private static LlmCall call(long in, long out) {
      return LlmCall.builder("openai", "gpt-4o-mini").inputTokens(in).outputTokens(out)
          .latency(Duration.ofMillis(100)).build();
    }
  }

  @Test
  void should_count_recorded_judge_calls_as_judge_cost() {
    try (LauncherSession session = LauncherFactory.openSession();
         StdErr ignored = StdErr.capture()) {
      session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY, Map.of());
      session.getStore().put(NAMESPACE, RunState.COLLECTORS_KEY, List.of());
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      session.getLauncher().execute(request().selectors(selectClass(Judged.class))
          .configurationParameter("evals4j.report.dir", dir.resolve("evals4j").toString()).build(),
          summary);
      assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);
    }
    // gpt-4o-mini at $0.15 / $0.60 per million: application 2 × (1,000 × 0.15 + 200 × 0.60)
    // = $0.00054; judge 2 × (2,000 × 0.15 + 100 × 0.60) = $0.00072
    PromptStats stats = ReportJson.read(dir.resolve("evals4j/report.json")).prompts().get(0);
    assertThat(stats.applicationCost().calls()).isEqualTo(2);
    assertThat(stats.applicationCost().totalUsd().getAsDouble()).isCloseTo(0.00054, within(1e-12));
    assertThat(stats.judgeCost().calls()).isEqualTo(2);
    assertThat(stats.judgeCost().totalUsd().getAsDouble()).isCloseTo(0.00072, within(1e-12));
  }
}
