package io.github.evals4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.cost.CallRole;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.gate.Gates;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Feeding the aggregator" example, as written there, end to end. */
class ReadmeExampleTest {

  @Test
  void should_write_reports_and_fail_with_gate_lines_when_run_as_in_readme(@TempDir Path dir) throws Exception {
    Map<String, String> properties = Map.of("evals4j.report.dir", dir.resolve("evals4j").toString(),
        "evals4j.gate.summarize.max-cost-per-run", "0.0001");
    String runId = "readme";
    Instant start = Instant.now();
    String output = "{\"summary\": \"ok\"}";
    Check check = Check.of("json.valid", out -> CheckResult.of("json.valid", out.startsWith("{"), List.of(), ""));
    LlmCall judgeCall = LlmCall.builder("openai", "gpt-4o").inputTokens(500).outputTokens(5).build();

    ReportSettings settings = ReportSettings.from(properties);
    RunAggregator run = new RunAggregator(settings.aggregation(), settings.prices());

    Attribution at = new Attribution(new PromptRef("summarize", "v2", "gpt-4o-mini"), "case-17", 0);
    run.recordCall(at, LlmCall.builder("openai", "gpt-4o-mini").responseModel("gpt-4o-mini-2024-07-18")
        .inputTokens(812).outputTokens(164).latency(Duration.ofMillis(930)).build());
    run.recordCall(at, judgeCall, CallRole.JUDGE);
    run.recordCheck(at, Checks.evaluate(check, output), output);

    RunInfo info = RunInfo.fromEnvironment(Map.of(), runId, start, Instant.now(),
        settings.prices().asOf().map(Object::toString).orElse(""), settings.prices().sources());
    Report report = Reports.build(info, run.snapshot(), settings.baseline().map(ReportJson::read),
        GateSettings.from(properties));
    Reports.writeAll(report, settings.reportDir(), Map.of());

    // THEN: 812 × 0.15 + 164 × 0.60 = 220.2e-6 USD > 0.0001; judge 500 × 2.5 + 5 × 10 = 1300e-6 apart
    assertThat(report.prompts().get(0).applicationCost().totalUsd()).hasValueCloseTo(220.2e-6, within(1e-15));
    assertThat(report.prompts().get(0).judgeCost().totalUsd()).hasValueCloseTo(1300e-6, within(1e-15));
    assertThat(Files.list(dir.resolve("evals4j")).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("report.json", "report.md", "report.html");
    assertThat(report.gateFailed()).isTrue();
    assertThatThrownBy(() -> {
      if (report.gateFailed()) {
        throw new AssertionError(Gates.failureMessage(report.gates()));
      }
    }).hasMessage("1 evals4j gate failed:\n"
        + "  summarize@v2/gpt-4o-mini: max-cost-per-run failed: cost of the run $0.00022 > $0.0001");
  }
}
