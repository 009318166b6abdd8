package io.github.evals4j.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.cost.PriceTable;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

  static final PromptRef V2 = new PromptRef("summarize", "v2", "gpt-4o-mini");

  /** Records {@code passes[case]} passing runs out of {@code runs} per case, into {@code prompt}. */
  static void record(RunAggregator run, PromptRef prompt, Map<String, Integer> passes, int runs, double score) {
    passes.forEach((id, passed) -> {
      for (int r = 0; r < runs; r++) {
        Attribution at = new Attribution(prompt, id, r);
        run.recordCheck(at, CheckResult.of("json.valid", r < passed, List.of(), ""));
        run.recordCheck(at, new CheckResult("specificity", true, score, 0, Direction.AT_LEAST, List.of(), ""));
        run.recordCall(at, LlmCall.builder("openai", prompt.model()).inputTokens(2000).outputTokens(100)
            .latency(Duration.ofMillis(prompt.version().equals("v2") ? 300 : 200)).build());
      }
    });
  }

  @Test
  void should_use_sign_flip_test_and_name_no_winner_when_repeated_cases_differ_by_noise() {
    // GIVEN v1 (from RunAggregatorTest), 2 runs per case: a 2/2, b 1/2, c 0/2, d 2/2
    RunAggregator run = RunAggregatorTest.v1Run(RunAggregatorTest.options());
    // v2: a, b, c pass both runs, d fails both
    record(run, V2, Map.of("a", 2, "b", 2, "c", 2, "d", 0), 2, 0.5);
    List<PromptStats> stats = run.snapshot();
    // WHEN
    Comparison c = Comparisons.compare(stats.get(0), stats.get(1), 0.2);
    // THEN per-case differences in runs of 2: 0, +1, +2, -2; T = 1; the 8 sign patterns of
    // (1, 2, 2) give |T| = 5, 3 twice each and 1 four times: mid-p = 4/8 + 4/8 / 2 = 0.75
    assertThat(c.test()).isEqualTo("sign-flip-mid-p");
    assertThat(c.paired()).isTrue();
    assertThat(c.measure()).isEqualTo(Comparisons.MEASURE);
    assertThat(c.pValue()).isCloseTo(0.75, within(1e-12));
    assertThat(c.verdict()).isEqualTo(Verdict.NOT_SIGNIFICANT);
    // mean per-case pass rates .625 -> .75; Connor: mean d .125, mean d² .5625, var .546875:
    // (1.959964·√.5625 + 0.841621·√.546875)² / .125² = 280.19 -> 281, 4 ran -> 277 more
    assertThat(c.baselinePassRate()).isCloseTo(0.625, within(1e-12));
    assertThat(c.candidatePassRate()).isCloseTo(0.75, within(1e-12));
    assertThat(c.passRateDelta()).isCloseTo(0.125, within(1e-12));
    assertThat(c.moreCasesNeeded()).hasValue(277);
    assertThat(c.summary()).isEqualTo(
        "summarize@v2/gpt-4o-mini vs summarize@v1/gpt-4o-mini: mean per-case pass rate 62.5 % \u2192 75.0 %"
            + " (+12.5 pp, 4 paired cases), not significant (p = 0.750, sign-flip-mid-p),"
            + " ~277 more cases per version needed");
    assertThat(c.regressions()).extracting(CaseRegression::caseId, CaseRegression::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("d", "now-fails"));
    // b (1 of 2, no majority) and c (0 of 2) now pass both runs
    assertThat(c.fixes()).extracting(CaseFix::caseId).containsExactlyInAnyOrder("b", "c");
    // cost per case: v1 2 runs × 270e-6; v2 2 runs × (2000·.15 + 100·.6)/1e6 = 2 × 360e-6
    assertThat(c.costPerCaseDeltaUsd()).hasValueCloseTo(2 * 360e-6 - 2 * 270e-6, within(1e-12));
    assertThat(c.p95LatencyDeltaMs()).isPresent();
  }

  @Test
  void should_agree_headline_effect_and_verdict_when_repeats_split_cases() {
    // GIVEN 100 cases, 3 runs each: v1 passes 2 of 3 in every case; v2 passes 3 of 3 in 60 cases
    // and 1 of 3 in 40. Per run and per case: 66.7 % -> 73.3 %, +6.7 pp; by majority outcome
    // 40 cases were lost, which used to print "+6.7 pp, summarize@v1 is better (p = 9.09e-13)".
    RunAggregator run = new RunAggregator();
    Map<String, Integer> before = new java.util.LinkedHashMap<>();
    Map<String, Integer> after = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      before.put("t-" + i, 2);
      after.put("t-" + i, i < 60 ? 3 : 1);
    }
    record(run, RunAggregatorTest.V1, before, 3, 0.5);
    record(run, V2, after, 3, 0.5);
    // WHEN
    Comparison c = Comparisons.withinRun(run.snapshot(), 0.2).get(0);
    // THEN headline, effect and test describe the mean per-case pass rate: 60 cases +1/3, 40
    // cases -1/3: sign-flip mid-p = P(|T| > 20) + P(|T| = 20)/2, T = 2·Bin(100, ½) - 100
    // (scipy.stats.binom: 0.04604406692934273)
    assertThat(c.passRateDelta()).isCloseTo(0.2 / 3, within(1e-12));
    assertThat(c.test()).isEqualTo("sign-flip-mid-p");
    assertThat(c.pValue()).isCloseTo(0.04604406692934273, within(1e-10));
    assertThat(c.verdict()).isEqualTo(Verdict.CANDIDATE_BETTER);
    assertThat(c.summary()).contains("66.7 % \u2192 73.3 % (+6.7 pp, 100 paired cases)")
        .contains("summarize@v2/gpt-4o-mini is better (p = 0.0460, sign-flip-mid-p)");
    // AND the 40 cases that lost their majority are still named
    assertThat(c.regressedCases()).isEqualTo(40);
    assertThat(c.regressions()).hasSize(40).allMatch(r -> r.kind().equals("now-fails"));
    assertThat(c.fixedCases()).isZero();
  }

  /** 500 one-run cases; 10 break and 30 get fixed, 3 and 5 of them among the first 100. */
  private static List<PromptStats> fiveHundredCases(AggregationOptions options) {
    RunAggregator run = new RunAggregator(options, PriceTable.bundled());
    Map<String, Integer> before = new java.util.LinkedHashMap<>();
    Map<String, Integer> after = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 500; i++) {
      boolean breaks = i < 3 || (i >= 100 && i < 107);
      boolean fixed = (i >= 3 && i < 8) || (i >= 107 && i < 132);
      before.put(String.format("case-%03d", i), fixed ? 0 : 1);
      after.put(String.format("case-%03d", i), breaks ? 0 : 1);
    }
    for (Map.Entry<String, Integer> e : before.entrySet()) {
      record(run, RunAggregatorTest.V1, Map.of(e.getKey(), e.getValue()), 1, 0.5);
    }
    for (Map.Entry<String, Integer> e : after.entrySet()) {
      record(run, V2, Map.of(e.getKey(), e.getValue()), 1, 0.5);
    }
    return run.snapshot();
  }

  @Test
  void should_pair_every_case_when_five_hundred_cases_ran() {
    List<PromptStats> stats = fiveHundredCases(AggregationOptions.defaults());
    Comparison c = Comparisons.compare(stats.get(0), stats.get(1), 0.2);
    // McNemar mid-p(10, 30), scipy: 2·(binom.cdf(10, 40, .5) - binom.pmf(10, 40, .5)/2)
    assertThat(c.test()).isEqualTo("mcnemar-mid-p");
    assertThat(c.pValue()).isCloseTo(0.0014504910141113232, within(1e-12));
    assertThat(c.verdict()).isEqualTo(Verdict.CANDIDATE_BETTER);
    assertThat(c.casesNotCompared()).isZero();
    assertThat(c.regressedCases()).isEqualTo(10);
    assertThat(c.fixedCases()).isEqualTo(30);
  }

  @Test
  void should_say_so_when_the_case_limit_left_cases_out_of_a_comparison() {
    // GIVEN a case limit of 100: only the first 100 of the 500 cases are kept per version
    AggregationOptions limited = new AggregationOptions(Set.of(), "grounding", "specificity", 10, 100, 300);
    List<PromptStats> stats = fiveHundredCases(limited);
    Comparison c = Comparisons.compare(stats.get(0), stats.get(1), 0.2);
    // THEN still paired on the 100 kept cases (mid-p(3, 5) = 0.5078125), and it says 400 were
    // left out, instead of silently switching to Fisher's test (p = 0.20, "~288 more cases")
    assertThat(c.test()).isEqualTo("mcnemar-mid-p");
    assertThat(c.pValue()).isCloseTo(0.5078125, within(1e-12));
    assertThat(c.casesNotCompared()).isEqualTo(400);
    assertThat(c.summary()).endsWith("; case limit reached: 400 cases not compared");
  }

  @Test
  void should_list_fixed_cases_beside_regressed_ones_when_the_rate_does_not_move() {
    // GIVEN v2 fixes t-12 and breaks t-05
    RunAggregator run = new RunAggregator();
    record(run, RunAggregatorTest.V1, Map.of("t-01", 1, "t-05", 1, "t-12", 0), 1, 0.5);
    record(run, V2, Map.of("t-01", 1, "t-05", 0, "t-12", 1), 1, 0.5);
    // WHEN
    Comparison c = Comparisons.withinRun(run.snapshot(), 0.2).get(0);
    // THEN +0.0 pp, but both changes are there
    assertThat(c.passRateDelta()).isZero();
    assertThat(c.regressions()).extracting(CaseRegression::caseId).containsExactly("t-05");
    assertThat(c.fixes()).singleElement().satisfies(f -> {
      assertThat(f.caseId()).isEqualTo("t-12");
      assertThat(f.baselinePassRate()).isZero();
      assertThat(f.candidatePassRate()).isEqualTo(1.0);
    });
    // McNemar mid-p(1, 1) = 1 - P(X = 1)/2 for X ~ Bin(2, ½) = 0.75
    assertThat(c.pValue()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void should_use_two_sample_permutation_test_when_repeated_cases_differ() {
    // GIVEN different case sets, 3 runs each: 100 cases at 2/3; 100 others, 60 at 3/3, 40 at 1/3
    RunAggregator run = new RunAggregator();
    Map<String, Integer> before = new java.util.LinkedHashMap<>();
    Map<String, Integer> after = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      before.put("old-" + i, 2);
      after.put("new-" + i, i < 60 ? 3 : 1);
    }
    record(run, RunAggregatorTest.V1, before, 3, 0.5);
    record(run, V2, after, 3, 0.5);
    Comparison c = Comparisons.withinRun(run.snapshot(), 0.2).get(0);
    // THEN numpy + scipy: pooled variance / 199 · (1/100 + 1/100), 2·norm.sf(|Δ| / sd)
    assertThat(c.test()).isEqualTo("permutation-z");
    assertThat(c.paired()).isFalse();
    assertThat(c.pValue()).isCloseTo(0.04387867072987668, within(1e-6));
    assertThat(c.summary()).contains("(+6.7 pp, 100 vs 100 cases)");
  }

  @Test
  void should_use_fisher_and_declare_winner_when_cases_differ_and_p_is_small() {
    RunAggregator run = new RunAggregator(AggregationOptions.defaults(), PriceTable.bundled());
    PromptRef v1 = new PromptRef("qa", "v1", "gpt-4o");
    PromptRef v2 = new PromptRef("qa", "v2", "gpt-4o");
    java.util.Map<String, Integer> a = new java.util.HashMap<>();
    java.util.Map<String, Integer> b = new java.util.HashMap<>();
    for (int i = 0; i < 10; i++) {
      a.put("v1-" + i, i < 2 ? 1 : 0); // 2 of 10 pass
      b.put("v2-" + i, i < 9 ? 1 : 0); // 9 of 10 pass
    }
    record(run, v1, a, 1, 0.5);
    record(run, v2, b, 1, 0.5);
    List<PromptStats> stats = run.snapshot();
    Comparison c = Comparisons.withinRun(stats, 0.2).get(0);
    // Fisher [[2, 8], [9, 1]]: scipy.stats.fisher_exact -> 0.005477494641581328
    assertThat(c.test()).isEqualTo("fisher");
    assertThat(c.pValue()).isCloseTo(0.005477494641581328, within(1e-12));
    assertThat(c.verdict()).isEqualTo(Verdict.CANDIDATE_BETTER);
    assertThat(c.moreCasesNeeded()).isEmpty();
    assertThat(c.summary()).contains("qa@v2/gpt-4o is better (p = 0.00548, fisher)");
    assertThat(c.regressions()).isEmpty(); // no case in common
  }

  @Test
  void should_compare_versions_on_the_same_model_and_models_on_the_same_version() {
    // GIVEN two versions on two models, and a v3 that ran on one model only
    RunAggregator run = new RunAggregator();
    for (String version : List.of("v1", "v2")) {
      for (String model : List.of("gpt-4o-mini", "gpt-4.1-mini")) {
        record(run, new PromptRef("qa", version, model), Map.of("a", 1, "b", 0), 1, 0.5);
      }
    }
    record(run, new PromptRef("qa", "v3", "gpt-4o-mini"), Map.of("a", 1, "b", 1), 1, 0.5);
    // WHEN
    List<Comparison> cs = Comparisons.withinRun(run.snapshot(), 0.2);
    // THEN no pair changes both the version and the model
    assertThat(cs).extracting(c -> c.candidate().label() + " vs " + c.baseline().label()).containsExactly(
        "qa@v2/gpt-4.1-mini vs qa@v1/gpt-4.1-mini",
        "qa@v2/gpt-4o-mini vs qa@v1/gpt-4o-mini",
        "qa@v3/gpt-4o-mini vs qa@v1/gpt-4o-mini",
        "qa@v1/gpt-4o-mini vs qa@v1/gpt-4.1-mini",
        "qa@v2/gpt-4o-mini vs qa@v2/gpt-4.1-mini");
  }

  @Test
  void should_list_score_drop_when_case_still_passes_but_score_falls_beyond_margin() {
    RunAggregator before = new RunAggregator();
    RunAggregator after = new RunAggregator();
    record(before, V2, Map.of("x", 1, "y", 1), 1, 0.9);
    record(after, V2, Map.of("x", 1), 1, 0.9);
    record(after, V2, Map.of("y", 1), 1, 0.2);
    List<Comparison> cs = Comparisons.againstBaseline(before.snapshot(), after.snapshot(), 0.25);
    assertThat(cs).singleElement().satisfies(c -> {
      assertThat(c.pValue()).isEqualTo(1.0);
      assertThat(c.moreCasesNeeded()).isEmpty();
      assertThat(c.summary()).endsWith("no difference observed");
      // y's quality mean: (json 1 + specificity .9)/2 = .95 -> (1 + .2)/2 = .6, drop .35 > .25
      assertThat(c.regressions()).singleElement().satisfies(r -> {
        assertThat(r.caseId()).isEqualTo("y");
        assertThat(r.kind()).isEqualTo("score-drop");
        assertThat(r.scoreDrop()).isCloseTo(0.35, within(1e-12));
      });
    });
  }

  @Test
  void should_equal_single_run_when_shards_are_merged() {
    // GIVEN the same records split by case over two shards
    RunAggregator whole = new RunAggregator();
    RunAggregator shard1 = new RunAggregator();
    RunAggregator shard2 = new RunAggregator();
    record(whole, V2, Map.of("a", 2, "b", 1, "c", 0, "d", 3), 3, 0.7);
    record(shard1, V2, Map.of("a", 2, "b", 1), 3, 0.7);
    record(shard2, V2, Map.of("c", 0, "d", 3), 3, 0.7);
    PromptStats expected = whole.snapshot().get(0);
    // WHEN
    PromptStats merged = PromptStats.merge(shard1.snapshot().get(0), shard2.snapshot().get(0), 10, 1000);
    // THEN
    assertThat(merged.cases()).isEqualTo(4);
    assertThat(merged.runs()).isEqualTo(expected.runs());
    assertThat(merged.passedRuns()).isEqualTo(expected.passedRuns());
    assertThat(merged.checks()).isEqualTo(expected.checks());
    assertThat(merged.latency()).isEqualTo(expected.latency());
    assertThat(merged.tokens()).isEqualTo(expected.tokens());
    assertThat(merged.repeats().passAtK()).hasSize(3);
    for (int k = 0; k < 3; k++) {
      assertThat(merged.repeats().passAtK().get(k)).isCloseTo(expected.repeats().passAtK().get(k), within(1e-12));
    }
    assertThat(merged.applicationCost().totalUsd().getAsDouble())
        .isCloseTo(expected.applicationCost().totalUsd().getAsDouble(), within(1e-12));
    assertThat(merged.qualityScore().mean()).isCloseTo(expected.qualityScore().mean(), within(1e-12));
    assertThat(merged.repeats().meanScoreStdDev()).isCloseTo(expected.repeats().meanScoreStdDev(), within(1e-12));
  }

  @Test
  void should_merge_spreads_exactly_when_repeats_of_one_case_are_split() {
    // values 1, 2, 3, 4: mean 2.5, sample variance 5/3
    Spread a = Spread.NONE.plus(1).plus(2);
    Spread b = Spread.NONE.plus(3).plus(4);
    Spread all = a.plus(b);
    assertThat(all.count()).isEqualTo(4);
    assertThat(all.mean()).isEqualTo(2.5);
    assertThat(all.stdDev()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
    assertThat(Spread.NONE.plus(7).stdDev()).isZero();
  }
}
