package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.junit.prompt.Prompt;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.replay.ReplayMode;
import io.github.evals4j.report.ReportJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The replay mode from the run's configuration, and replayed vs live calls in the report. */
class ReplayInReportTest {

  private static final Namespace NAMESPACE = Namespace.create(RunState.NAMESPACE.getParts());

  @TempDir
  Path dir;

  @BeforeEach
  void no_mode_set_by_the_build() {
    assertThat(System.getProperty(ReplayMode.PROPERTY)).as("precondition").isNull();
  }

  /** Three runs: the first two calls replayed, the third live; records the mode it saw. */
  @Evals4j
  @Prompt(id = "faq", version = "v1", model = "gpt-4o-mini")
  static class Replaying {
    static final List<String> MODES = new CopyOnWriteArrayList<>();

    @RepeatedTest(3)
    void answer(org.junit.jupiter.api.RepetitionInfo info) {
      MODES.add(String.valueOf(ReplayMode.configured()));
      Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini").inputTokens(10).outputTokens(5)
          .replayed(info.getCurrentRepetition() < 3).build());
    }
  }

  private TestExecutionSummary run(Map<String, String> params) {
    Replaying.MODES.clear();
    LauncherDiscoveryRequestBuilder req = request().selectors(selectClass(Replaying.class))
        .configurationParameter("evals4j.report.dir", dir.resolve("evals4j").toString());
    params.forEach(req::configurationParameter);
    try (LauncherSession session = LauncherFactory.openSession();
         StdErr ignored = StdErr.capture()) {
      session.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY, Map.of());
      session.getStore().put(NAMESPACE, RunState.COLLECTORS_KEY, List.of());
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      session.getLauncher().execute(req.build(), summary);
      return summary.getSummary();
    }
  }

  @Test
  void should_use_the_replay_mode_of_the_run_configuration_and_restore_the_property() {
    // WHEN
    TestExecutionSummary summary = run(Map.of(ReplayMode.PROPERTY, "auto"));

    // THEN
    assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
    assertThat(Replaying.MODES).containsExactly("AUTO", "AUTO", "AUTO");
    assertThat(System.getProperty(ReplayMode.PROPERTY)).isNull();
  }

  @Test
  void should_replay_by_default_when_no_mode_is_configured() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(ReplayMode.ENV) == null,
        "the environment sets a replay mode");
    // WHEN
    run(Map.of());

    // THEN
    assertThat(Replaying.MODES).containsExactly("REPLAY", "REPLAY", "REPLAY");
  }

  @Test
  void should_show_replayed_and_live_calls_per_prompt_version() {
    // WHEN
    run(Map.of());

    // THEN
    PromptStats stats = ReportJson.read(dir.resolve("evals4j/report.json")).prompts().get(0);
    assertThat(stats.tokens().calls()).isEqualTo(3);
    assertThat(stats.tokens().replayedCalls()).isEqualTo(2);
    assertThat(dir.resolve("evals4j/report.md")).content().contains("over 3 calls (2 replayed, 1 live)");
    assertThat(dir.resolve("evals4j/report.html")).content().contains("3 calls, 2 replayed, 1 live");
  }
}
