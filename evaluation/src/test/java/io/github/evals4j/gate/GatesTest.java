package io.github.evals4j.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class GatesTest {

  static final PromptRef P = new PromptRef("summarize", "v2", "gpt-4o");

  /**
   * {@code passing} of 10 cases pass; case i's call: 100,000 input + 10,000 output tokens of gpt-4o
   * = (100,000 × 2.50 + 10,000 × 10.00) / 1e6 = $0.35 per case, $3.50 per run; latency 100·(i+1) ms.
   * Grounding fails in {@code hallucinated} cases; specificity score 0.4.
   */
  static PromptStats stats(int passing, int hallucinated, String failingCase) {
    RunAggregator run = new RunAggregator();
    for (int i = 0; i < 10; i++) {
      String id = "case-" + i;
      Attribution at = Attribution.of(P, id);
      boolean pass = i < passing && !id.equals(failingCase);
      run.recordCheck(at, CheckResult.of("json.valid", pass, List.of(), ""));
      run.recordCheck(at, CheckResult.of("grounding", i >= hallucinated, List.of(), ""));
      run.recordCheck(at, new CheckResult("specificity", true, 0.4, 0.3, Direction.AT_LEAST, List.of(), ""));
      run.recordCall(at, LlmCall.builder("openai", "gpt-4o").inputTokens(100_000).outputTokens(10_000)
          .latency(Duration.ofMillis(100L * (i + 1))).build());
    }
    return run.snapshot().get(0);
  }

  @Test
  void should_fail_default_gates_with_one_readable_line_each() {
    // GIVEN 8 of 10 pass (80 % < 90 %), 1 of 10 hallucinated (10 % > 5 %), $3.50 > $0.10
    PromptStats s = stats(10, 1, "case-9");
    // (case-0 fails grounding and case-9 fails json: 8 of 10 runs pass)
    // WHEN
    List<GateResult> results = Gates.evaluate(List.of(s), List.of(), GateSettings.defaults());
    // THEN
    assertThat(results).extracting(GateResult::metric, GateResult::status, GateResult::value, GateResult::threshold)
        .containsExactly(
            tuple("min-pass-rate", GateStatus.FAILED, "80.0 %", "≥ 90.0 %"),
            tuple("max-hallucination-rate", GateStatus.FAILED, "10.0 %", "≤ 5.0 %"),
            tuple("max-cost-per-run", GateStatus.FAILED, "$3.50", "≤ $0.10"),
            tuple("no-regression", GateStatus.NOT_APPLICABLE, "", "no regression"));
    assertThat(Gates.failureMessage(results)).isEqualTo(String.join("\n",
        "3 evals4j gates failed:",
        "  summarize@v2/gpt-4o: min-pass-rate failed: pass rate 80.0 % < 90.0 %",
        "  summarize@v2/gpt-4o: max-hallucination-rate failed: hallucination rate 10.0 % > 5.0 %",
        "  summarize@v2/gpt-4o: max-cost-per-run failed: cost of the run $3.50 > $0.10"));
  }

  @Test
  void should_pass_when_thresholds_are_configured_per_prompt() {
    PromptStats s = stats(10, 0, "");
    GateSettings settings = GateSettings.from(Map.of(
        "evals4j.gate.max-cost-per-run", "off",
        "evals4j.gate.summarize.max-cost-per-case", "0.35",
        "evals4j.gate.summarize.max-p95-latency-ms", "1000",
        "evals4j.gate.summarize.min-quality-score", "0.7",
        "evals4j.gate.other.min-pass-rate", "1.0",
        "unrelated", "x"));
    List<GateResult> results = Gates.evaluate(List.of(s), List.of(), settings);
    // quality: json 1, grounding 1, specificity .4 per case -> 2.4 / 3 = 0.80
    assertThat(results).extracting(GateResult::metric, GateResult::status, GateResult::value)
        .containsExactly(
            tuple("min-pass-rate", GateStatus.PASSED, "100.0 %"),
            tuple("max-hallucination-rate", GateStatus.PASSED, "0.0 %"),
            tuple("max-cost-per-case", GateStatus.PASSED, "$0.35"),
            // p95 of 100..1000 ms is 900 ms (rank floor(.95·9) = 8); the sketch answers 907 (within 1 %)
            tuple("max-p95-latency-ms", GateStatus.PASSED, "907 ms"),
            tuple("min-quality-score", GateStatus.PASSED, "0.80"),
            tuple("no-regression", GateStatus.NOT_APPLICABLE, ""));
    assertThat(Gates.anyFailed(results)).isFalse();
  }

  @Test
  void should_judge_lower_bound_when_configured() {
    // 10 of 10 pass: Wilson lower bound 72.2 % (hand: centre .8386, half .1163)
    PromptStats s = stats(10, 0, "");
    GateConfig c = GateSettings.from(Map.of("evals4j.gate.pass-rate-on-lower-bound", "true",
        "evals4j.gate.min-pass-rate", "90%")).forPrompt("summarize");
    GateResult r = Gates.evaluate(s, Optional.empty(), c).get(0);
    assertThat(r.status()).isEqualTo(GateStatus.FAILED);
    assertThat(r.message()).isEqualTo(
        "summarize@v2/gpt-4o: min-pass-rate failed: pass rate (95 % lower bound) 72.2 % < 90.0 %");
  }

  @Test
  void should_report_unknown_not_pass_when_cost_is_unknown() {
    RunAggregator run = new RunAggregator();
    PromptRef p = new PromptRef("x", "v1", "acme-llm");
    run.recordCheck(Attribution.of(p, "1"), CheckResult.of("ok", true, List.of(), ""));
    run.recordCall(Attribution.of(p, "1"), LlmCall.builder("acme", "acme-llm").inputTokens(1).outputTokens(1).build());
    PromptStats s = run.snapshot().get(0);
    GateResult cost = Gates.evaluate(s, Optional.empty(), GateConfig.defaults()).get(2);
    assertThat(cost.metric()).isEqualTo("max-cost-per-run");
    assertThat(cost.status()).isEqualTo(GateStatus.UNKNOWN);
    assertThat(cost.message()).contains("cost of the run is unknown");
    GateConfig strict = GateSettings.from(Map.of("evals4j.gate.fail-on-unknown", "true")).forPrompt("x");
    assertThat(Gates.evaluate(s, Optional.empty(), strict).get(2).status()).isEqualTo(GateStatus.FAILED);
  }

  @Test
  void should_fail_no_regression_with_case_ids_and_baseline_when_a_case_now_fails() {
    PromptStats baseline = stats(10, 0, "");
    PromptStats now = stats(10, 0, "case-3");
    GateResult r = Gates.evaluate(List.of(now), List.of(baseline), GateSettings.defaults()).stream()
        .filter(g -> g.metric().equals("no-regression")).findFirst().orElseThrow();
    assertThat(r.status()).isEqualTo(GateStatus.FAILED);
    assertThat(r.message()).isEqualTo(
        "summarize@v2/gpt-4o: no-regression failed: 1 case regressed (case-3) (baseline pass rate 100.0 %)");
    // and the other gates show the baseline's value
    GateResult pass = Gates.evaluate(List.of(now), List.of(baseline), GateSettings.defaults()).get(0);
    assertThat(pass.baseline()).isEqualTo("100.0 %");
    assertThat(pass.message()).endsWith("(baseline 100.0 %)");
  }

  @Test
  void should_name_key_when_configuration_is_wrong() {
    assertThatThrownBy(() -> GateSettings.from(Map.of("evals4j.gate.min-pass-rat", "0.9")))
        .hasMessageContaining("unknown gate key 'evals4j.gate.min-pass-rat'");
    assertThatThrownBy(() -> GateSettings.from(Map.of("evals4j.gate.summarize.min-pass-rate", "high")))
        .hasMessageContaining("evals4j.gate.summarize.min-pass-rate: expected a number");
    assertThatThrownBy(() -> GateSettings.from(Map.of("evals4j.gate.no-regression", "yes")))
        .hasMessageContaining("evals4j.gate.no-regression: expected true or false, got 'yes'");
  }

  @Test
  void should_format_numbers_the_same_everywhere() {
    assertThat(Format.usd(0.1)).isEqualTo("$0.10");
    assertThat(Format.usd(0.00216)).isEqualTo("$0.00216");
    assertThat(Format.usd(3.5)).isEqualTo("$3.50");
    assertThat(Format.usdDelta(-0.00018)).isEqualTo("-$0.00018");
    assertThat(Format.percent(0.8125)).isEqualTo("81.3 %");
    assertThat(GateConfig.defaults().maxCostPerRunUsd()).isEqualTo(OptionalDouble.of(0.10));
  }
}
