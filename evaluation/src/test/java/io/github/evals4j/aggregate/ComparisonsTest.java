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
  void should_use_mcnemar_and_name_no_winner_when_same_cases_differ_by_noise() {
    // GIVEN v1 (from RunAggregatorTest): case outcomes a pass, b fail, c fail, d pass
    RunAggregator run = RunAggregatorTest.v1Run(RunAggregatorTest.options());
    // v2: a, b, c pass, d fails -> discordant: b = 1 (d), c = 2 (b, c)
    record(run, V2, Map.of("a", 2, "b", 2, "c", 2, "d", 0), 2, 0.5);
    List<PromptStats> stats = run.snapshot();
    // WHEN
    Comparison c = Comparisons.compare(stats.get(0), stats.get(1), 0.2);
    // THEN mid-p(1, 2) = 2 · (P(X<=1) − ½P(X=1)) = 2 · (4/8 − 3/16) = 0.625
    assertThat(c.test()).isEqualTo("mcnemar-mid-p");
    assertThat(c.pValue()).isCloseTo(0.625, within(1e-12));
    assertThat(c.verdict()).isEqualTo(Verdict.NOT_SIGNIFICANT);
    // per-case rates .5 vs .75: Fleiss n = 57.67 -> 58 per version, 4 already ran -> 54 more
    assertThat(c.moreCasesNeeded()).hasValue(54);
    assertThat(c.passRateDelta()).isCloseTo(0.75 - 0.625, within(1e-12));
    assertThat(c.summary()).isEqualTo(
        "summarize@v2/gpt-4o-mini vs summarize@v1/gpt-4o-mini: +12.5 pp, not significant (p = 0.625),"
            + " ~54 more cases per version needed");
    assertThat(c.regressions()).extracting(CaseRegression::caseId, CaseRegression::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("d", "now-fails"));
    // cost per case: v1 2 runs × 270e-6; v2 2 runs × (2000·.15 + 100·.6)/1e6 = 2 × 360e-6
    assertThat(c.costPerCaseDeltaUsd()).hasValueCloseTo(2 * 360e-6 - 2 * 270e-6, within(1e-12));
    assertThat(c.p95LatencyDeltaMs()).isPresent();
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
    assertThat(c.summary()).contains("qa@v2/gpt-4o is better (p = 0.00548)");
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
