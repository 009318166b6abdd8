package io.github.evals4j.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.evals4j.aggregate.PromptStats;
import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code min-case-pass-rate}: each case's pass rate across its repeats, one line per failing case. */
class CaseGateTest {

  static final PromptRef P = new PromptRef("faq", "v1", "gpt-4o-mini");

  /** One case per plan entry, one run per character: 'p' passes, 'f' fails. */
  static PromptStats stats(Map<String, String> plan) {
    RunAggregator run = new RunAggregator();
    plan.forEach((id, runs) -> {
      for (int r = 0; r < runs.length(); r++) {
        run.recordCheck(new Attribution(P, id, r),
            CheckResult.of("answer.correct", runs.charAt(r) == 'p', List.of(), ""));
      }
    });
    return run.snapshot().get(0);
  }

  private static List<GateResult> caseGates(PromptStats s, String min) {
    GateConfig c = GateSettings.from(Map.of("evals4j.gate.faq.min-case-pass-rate", min)).forPrompt("faq");
    return Gates.evaluate(s, Optional.empty(), c).stream()
        .filter(g -> g.metric().equals("min-case-pass-rate")).toList();
  }

  @Test
  void should_fail_each_case_below_the_rate_with_its_own_line() {
    // GIVEN reset 3/3, refund 1/3, 2fa 0/3, cancel 2/3 against 2/3
    PromptStats s = stats(Map.of("reset", "ppp", "refund", "fpf", "2fa", "fff", "cancel", "pfp"));
    // WHEN
    List<GateResult> results = caseGates(s, "0.66");
    // THEN
    assertThat(results).allMatch(GateResult::failed).extracting(GateResult::message)
        .containsExactlyInAnyOrder(
            "faq@v1/gpt-4o-mini: min-case-pass-rate failed: case 'refund' passed 1 of 3 runs (33.3 %) < 66.0 %",
            "faq@v1/gpt-4o-mini: min-case-pass-rate failed: case '2fa' passed 0 of 3 runs (0.0 %) < 66.0 %");
    assertThat(Gates.failureMessage(results)).startsWith("2 evals4j gates failed:");
  }

  @Test
  void should_pass_when_every_case_reaches_the_rate() {
    // GIVEN
    PromptStats s = stats(Map.of("reset", "ppp", "cancel", "pfp"));
    // WHEN
    List<GateResult> results = caseGates(s, "0.6");
    // THEN
    assertThat(results).singleElement().satisfies(g -> {
      assertThat(g.status()).isEqualTo(GateStatus.PASSED);
      assertThat(g.message()).isEqualTo(
          "faq@v1/gpt-4o-mini: min-case-pass-rate passed: every case passed at least 60.0 % of its runs");
    });
  }

  @Test
  void should_count_the_cases_beyond_the_listed_lines_in_one_more_line() {
    // GIVEN 60 failing cases
    Map<String, String> plan = new java.util.HashMap<>();
    for (int i = 0; i < 60; i++) {
      plan.put("case-" + i, "ff");
    }
    // WHEN
    List<GateResult> results = caseGates(stats(plan), "50%");
    // THEN
    assertThat(results).hasSize(Gates.MAX_CASE_LINES + 1);
    assertThat(results.get(Gates.MAX_CASE_LINES).message())
        .isEqualTo("faq@v1/gpt-4o-mini: min-case-pass-rate failed: 10 more cases below 50.0 %");
  }

  @Test
  void should_quote_a_non_latin_case_id_whole_and_abbreviate_a_huge_one() {
    // GIVEN
    String huge = "x".repeat(10_000);
    PromptStats s = stats(Map.of("返金 🙂", "f", huge, "f"));
    // WHEN
    List<GateResult> results = caseGates(s, "1");
    // THEN
    assertThat(results).extracting(GateResult::message)
        .anyMatch(m -> m.contains("case '返金 🙂' passed 0 of 1 runs"))
        .allMatch(m -> m.length() < 300);
  }

  @Test
  void should_fail_with_the_key_when_the_rate_is_malformed() {
    assertThatThrownBy(() -> GateSettings.from(Map.of("evals4j.gate.faq.min-case-pass-rate", "most")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evals4j.gate.faq.min-case-pass-rate");
  }
}
