package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.junit.prompt.Prompt;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import io.github.evals4j.report.Stopped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Early stopping and budgets skip the remaining invocations of a prompt version, and say so. */
class EarlyStopTest {

  private static final Namespace NAMESPACE = Namespace.create(RunState.NAMESPACE.getParts());

  @TempDir
  Path dir;

  /** Passes every time; each run makes one gpt-4o-mini call of $0.00027. */
  @Evals4j
  @Prompt(id = "settle", version = "v1", model = "gpt-4o-mini")
  static class AlwaysPasses {
    @RepeatedTest(30)
    void answer() {
      Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini").inputTokens(1000).outputTokens(200)
          .latency(Duration.ofMillis(10)).build());
      Checks.evaluate(Check.of("ok", out -> CheckResult.of("ok", true, List.of(), "")), "fine");
    }
  }

  private TestExecutionSummary run(Map<String, String> params) {
    LauncherDiscoveryRequestBuilder req = request().selectors(selectClass(AlwaysPasses.class))
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

  private Report report() throws Exception {
    Path json = dir.resolve("evals4j/report.json");
    ObjectMapper mapper = new ObjectMapper();
    assertThat(com.networknt.schema.SchemaRegistry.withDefaultDialect(
            com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
        .getSchema(mapper.readTree(ReportJson.schema()))
        .validate(mapper.readTree(json.toFile()))).as("report.json against its schema").isEmpty();
    return ReportJson.read(json);
  }

  @Test
  void should_stop_early_when_the_pass_rate_verdict_is_settled() throws Exception {
    // WHEN
    TestExecutionSummary summary = run(Map.of("evals4j.early-stop", "true",
        "evals4j.gate.settle.min-pass-rate", "0.5"));

    // THEN 11 of 11 passed: the 99.9 % Wilson lower bound 11 / (11 + 3.29²) = 0.504 >= 0.5
    assertThat(summary.getTestsSucceededCount()).isEqualTo(11);
    assertThat(summary.getTestsSkippedCount()).isEqualTo(19);
    Report report = report();
    assertThat(report.prompts().get(0).runs()).isEqualTo(11);
    assertThat(report.stopped()).singleElement().satisfies(s -> {
      assertThat(s.prompt().label()).isEqualTo("settle@v1/gpt-4o-mini");
      assertThat(s.skipped()).isEqualTo(19);
      assertThat(s.reason()).isEqualTo(
          "stopped early: pass rate settled above 0.50 (p<0.001) after 11 of 11 runs passed");
    });
    assertThat(dir.resolve("evals4j/report.md")).content().contains(
        "settle@v1/gpt-4o-mini: 19 invocations skipped, stopped early: pass rate settled above 0.50");
    assertThat(dir.resolve("evals4j/report.html")).content().contains(
        "<li>settle@v1/gpt-4o-mini: 19 skipped, stopped early: pass rate settled above 0.50");
  }

  @Test
  void should_settle_on_the_gate_of_the_version_when_a_per_version_key_sets_it() {
    // WHEN the threshold targets v1 only (the default 0.90 would need 98 passing runs to settle)
    TestExecutionSummary summary = run(Map.of("evals4j.early-stop", "true",
        "evals4j.gate.settle@v1.min-pass-rate", "0.5"));

    // THEN
    assertThat(summary.getTestsSucceededCount()).isEqualTo(11);
    assertThat(summary.getTestsSkippedCount()).isEqualTo(19);
  }

  @Test
  void should_not_stop_a_reference_version_early_since_it_is_not_gated() throws Exception {
    // WHEN
    TestExecutionSummary summary = run(Map.of("evals4j.early-stop", "true",
        "evals4j.gate.settle.min-pass-rate", "0.5", "evals4j.prompt.settle.reference", "v1"));

    // THEN every invocation ran: a reference version has no pass-rate verdict to settle
    assertThat(summary.getTestsSucceededCount()).isEqualTo(30);
    assertThat(summary.getTestsSkippedCount()).isZero();
    assertThat(report().stopped()).isEmpty();
  }

  @Test
  void should_run_everything_when_early_stop_is_not_switched_on() throws Exception {
    // WHEN
    TestExecutionSummary summary = run(Map.of("evals4j.gate.settle.min-pass-rate", "0.5"));

    // THEN
    assertThat(summary.getTestsSucceededCount()).isEqualTo(30);
    assertThat(summary.getTestsSkippedCount()).isZero();
    assertThat(report().stopped()).isEmpty();
  }

  @Test
  void should_stop_when_the_cost_budget_of_the_prompt_is_spent() throws Exception {
    // WHEN $0.00027 per run: after 2 runs $0.00054 >= $0.0005
    TestExecutionSummary summary = run(Map.of("evals4j.budget.settle.max-cost-usd", "0.0005",
        "evals4j.budget.max-cost-usd", "1"));

    // THEN
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(summary.getTestsSkippedCount()).isEqualTo(28);
    Stopped stopped = report().stopped().get(0);
    assertThat(stopped.skipped()).isEqualTo(28);
    assertThat(stopped.reason()).startsWith("budget spent: $0.00054 of $0.0005");
  }

  @Test
  void should_stop_when_the_time_budget_is_spent() throws Exception {
    // WHEN a zero budget: the first run spends it
    TestExecutionSummary summary = run(Map.of("evals4j.budget.max-duration", "0s"));

    // THEN
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(summary.getTestsSkippedCount()).isEqualTo(29);
    assertThat(report().stopped().get(0).reason()).startsWith("time budget spent: ");
  }

  @Test
  void should_fail_with_a_clear_message_when_a_budget_is_malformed() {
    // WHEN
    TestExecutionSummary summary = run(Map.of("evals4j.budget.max-cost-usd", "ten dollars"));

    // THEN
    assertThat(summary.getFailures()).isNotEmpty();
    assertThat(summary.getFailures().get(0).getException()).hasMessageContaining(
        "evals4j.budget.max-cost-usd must be a non-negative number of USD: 'ten dollars'");
  }

  @Test
  void should_decide_for_each_launcher_session_by_its_own_run_when_sessions_interleave() {
    // GIVEN two open sessions, A with a time budget of zero, B without a budget, B opened after A
    LauncherDiscoveryRequestBuilder a = request().selectors(selectClass(AlwaysPasses.class))
        .configurationParameter("evals4j.report.dir", dir.resolve("a").toString())
        .configurationParameter("evals4j.budget.max-duration", "0s");
    LauncherDiscoveryRequestBuilder b = request().selectors(selectClass(AlwaysPasses.class))
        .configurationParameter("evals4j.report.dir", dir.resolve("b").toString());
    try (StdErr ignored = StdErr.capture();
        LauncherSession sessionA = LauncherFactory.openSession();
        LauncherSession sessionB = LauncherFactory.openSession()) {
      for (LauncherSession s : List.of(sessionA, sessionB)) {
        s.getStore().put(NAMESPACE, RunState.ENVIRONMENT_KEY, Map.of());
        s.getStore().put(NAMESPACE, RunState.COLLECTORS_KEY, List.of());
      }
      SummaryGeneratingListener firstOfA = new SummaryGeneratingListener();
      sessionA.getLauncher().execute(a.build(), firstOfA);
      SummaryGeneratingListener ofB = new SummaryGeneratingListener();
      sessionB.getLauncher().execute(b.build(), ofB);

      // WHEN A runs again while B is still open
      SummaryGeneratingListener againOfA = new SummaryGeneratingListener();
      sessionA.getLauncher().execute(a.build(), againOfA);

      // THEN A's budget stays spent for A (a run-wide static "current run" would have been B's),
      // and B, which has no budget, ran everything
      assertThat(firstOfA.getSummary().getTestsSucceededCount()).isEqualTo(1);
      assertThat(ofB.getSummary().getTestsSucceededCount()).isEqualTo(30);
      assertThat(againOfA.getSummary().getTestsSucceededCount()).isZero();
      assertThat(againOfA.getSummary().getTestsSkippedCount()).isEqualTo(30);
    }
  }
}
