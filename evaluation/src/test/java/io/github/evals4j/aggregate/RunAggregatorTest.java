package io.github.evals4j.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.cost.CallRole;
import io.github.evals4j.cost.PriceTable;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.stats.Proportions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RunAggregatorTest {

  static final PromptRef V1 = new PromptRef("summarize", "v1", "gpt-4o-mini");

  /**
   * Four cases × two repeats of V1. Per run: json.valid, grounding, tone (informational),
   * specificity (score 0.5), tokens.max (AT_MOST, excluded from quality), and one call.
   *
   * <pre>
   * case a: r0 pass, r1 pass                    -> 2/2
   * case b: r0 grounding fails, r1 pass         -> 1/2 (unstable)
   * case c: r0 json fails, r1 json fails        -> 0/2
   * case d: r0 only tone fails, r1 pass         -> 2/2 (tone is informational)
   * </pre>
   */
  static RunAggregator v1Run(AggregationOptions options) {
    RunAggregator run = new RunAggregator(options, PriceTable.bundled());
    int callIndex = 0;
    for (String id : List.of("a", "b", "c", "d")) {
      for (int r = 0; r < 2; r++) {
        Attribution at = new Attribution(V1, id, r);
        boolean json = !id.equals("c");
        boolean grounded = !(id.equals("b") && r == 0);
        boolean tone = !(id.equals("d") && r == 0);
        String output = "The report says revenue grew 42 % in 2024.";
        run.recordCheck(at, CheckResult.of("json.valid", json, List.of(), json ? "" : "not JSON"), output);
        run.recordCheck(at, CheckResult.of("grounding", grounded,
            grounded ? List.of() : List.of(Evidence.of(output, output.indexOf("42"), output.indexOf("42") + 4, "number", "not in any source")),
            grounded ? "" : "unsupported claim"), output);
        run.recordCheck(at, CheckResult.of("tone", tone, List.of(), ""), output);
        run.recordCheck(at, new CheckResult("specificity", true, 0.5, 0.3, Direction.AT_LEAST, List.of(), ""));
        run.recordCheck(at, new CheckResult("tokens.max", true, 120, 200, Direction.AT_MOST, List.of(), ""));
        callIndex++;
        run.recordCall(at, LlmCall.builder("openai", "gpt-4o-mini").responseModel("gpt-4o-mini-2024-07-18")
            .inputTokens(1000).outputTokens(200).latency(Duration.ofMillis(100L * callIndex)).build());
      }
    }
    return run;
  }

  static AggregationOptions options() {
    return AggregationOptions.defaults().withInformational(Set.of("tone")).withMaxExamples(2);
  }

  @Test
  void should_match_hand_computed_figures_when_four_cases_repeat_twice() {
    // WHEN
    PromptStats s = v1Run(options()).snapshot().get(0);
    // THEN
    assertThat(s.prompt()).isEqualTo(V1);
    assertThat(s.cases()).isEqualTo(4);
    assertThat(s.runs()).isEqualTo(8);
    assertThat(s.passedRuns()).isEqualTo(5);
    assertThat(s.passRate()).isEqualTo(0.625);
    assertThat(s.passRateInterval()).isEqualTo(Proportions.wilson(5, 8));
    assertThat(s.hallucination()).isEqualTo(new Rate(1, 8));
    assertThat(s.specificity().value()).hasValue(0.5);
    // quality: json 6 + grounding 7 + tone 7 ones, specificity 8 × 0.5 = 24 over 32 results
    assertThat(s.qualityScore()).isEqualTo(new Mean(32, 0.75));
    assertThat(s.checks()).extracting(CheckStats::name, CheckStats::results, CheckStats::passed, CheckStats::informational)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("grounding", 8L, 7L, false),
            org.assertj.core.groups.Tuple.tuple("json.valid", 8L, 6L, false),
            org.assertj.core.groups.Tuple.tuple("specificity", 8L, 8L, false),
            org.assertj.core.groups.Tuple.tuple("tokens.max", 8L, 8L, false),
            org.assertj.core.groups.Tuple.tuple("tone", 8L, 7L, true));
  }

  @Test
  void should_compute_pass_at_k_and_pass_hat_k_when_cases_repeat() {
    RepeatStats r = v1Run(options()).snapshot().get(0).repeats();
    assertThat(r.maxRepeats()).isEqualTo(2);
    // pass@1 = mean(1, .5, 0, 1); pass@2 = mean(1, 1, 0, 1); pass^2 = mean(1, 0, 0, 1)
    assertThat(r.passAtK()).containsExactly(0.625, 0.75);
    assertThat(r.passHatK()).containsExactly(0.625, 0.5);
    assertThat(r.unstableCases()).isEqualTo(1);
    assertThat(r.unstableCaseIds()).containsExactly("b");
    // run quality scores (json, grounding, tone, specificity .5): a .875/.875, b .625/.875,
    // c .625/.625, d .625/.875 -> sd 0, .25/√2, 0, .25/√2
    double sd = 0.25 / Math.sqrt(2);
    assertThat(r.maxScoreStdDev()).isCloseTo(sd, within(1e-12));
    assertThat(r.meanScoreStdDev()).isCloseTo(sd / 2, within(1e-12));
  }

  @Test
  void should_price_tokens_and_sketch_latency_when_calls_are_recorded() {
    PromptStats s = v1Run(options()).snapshot().get(0);
    // 8 calls × (1000 × 0.15 + 200 × 0.60) / 1e6 = 8 × 270e-6
    assertThat(s.applicationCost().totalUsd()).hasValueCloseTo(2.16e-3, within(1e-12));
    assertThat(s.applicationCost().perCaseUsd()).hasValueCloseTo(5.4e-4, within(1e-12));
    assertThat(s.judgeCost().totalUsd()).isEmpty();
    assertThat(s.tokens()).isEqualTo(new TokenStats(8, 8000, 1600, 0, 0, 0, 0, 0));
    // latencies 100..800 ms: p50 rank floor(.5·7) = 3 -> 400, p95 rank 6 -> 700
    assertThat(s.latency().count()).isEqualTo(8);
    assertThat(s.latency().p50Ms()).isCloseTo(400, withPercentage(1));
    assertThat(s.latency().p95Ms()).isCloseTo(700, withPercentage(1));
    assertThat(s.latency().maxMs()).isEqualTo(800);
    assertThat(s.latency().meanMs()).isEqualTo(450);
  }

  @Test
  void should_keep_judge_cost_apart_and_unknown_when_model_has_no_price() {
    RunAggregator run = v1Run(options());
    Attribution at = Attribution.of(V1, "a");
    run.recordCall(at, LlmCall.builder("acme", "acme-judge").inputTokens(10).outputTokens(1).build(), CallRole.JUDGE);
    PromptStats s = run.snapshot().get(0);
    assertThat(s.judgeCost().calls()).isEqualTo(1);
    assertThat(s.judgeCost().totalUsd()).isEmpty();
    assertThat(s.judgeCost().unpricedModels()).containsExactly("acme-judge");
    assertThat(s.applicationCost().totalUsd()).hasValueCloseTo(2.16e-3, within(1e-12));
    assertThat(s.tokens().calls()).isEqualTo(8);
  }

  @Test
  void should_leave_out_latency_when_call_did_not_measure_it() {
    RunAggregator run = new RunAggregator();
    PromptRef p = new PromptRef("x", "v1", "gpt-4o");
    run.recordCall(Attribution.of(p, "1"), LlmCall.builder("openai", "gpt-4o").inputTokens(1).outputTokens(1).build());
    run.recordCall(Attribution.of(p, "2"), LlmCall.builder("openai", "gpt-4o").inputTokens(1).outputTokens(1)
        .latency(Duration.ofMillis(250)).build());
    PromptStats s = run.snapshot().get(0);
    assertThat(s.tokens().calls()).isEqualTo(2);
    assertThat(s.latency().count()).isEqualTo(1);
    assertThat(s.latency().p50Ms()).isEqualTo(250.0);
  }

  @Test
  void should_report_cost_unknown_not_zero_when_one_call_is_unpriced() {
    RunAggregator run = new RunAggregator();
    PromptRef p = new PromptRef("x", "v1", "local");
    run.recordCall(Attribution.of(p, "1"), LlmCall.builder("openai", "gpt-4o").inputTokens(1_000_000).outputTokens(0).build());
    run.recordCall(Attribution.of(p, "2"), LlmCall.builder("local", "llama-3").inputTokens(5).outputTokens(5).build());
    CostStats cost = run.snapshot().get(0).applicationCost();
    assertThat(cost.totalUsd()).isEmpty();
    assertThat(cost.perCaseUsd()).isEmpty();
    assertThat(cost.knownUsd()).isEqualTo(2.5);
    assertThat(cost.pricedCalls()).isEqualTo(1);
    assertThat(cost.unpricedModels()).containsExactly("llama-3");
  }

  @Test
  void should_keep_capped_failing_examples_with_excerpt_and_evidence() {
    List<FailingExample> examples = v1Run(options()).snapshot().get(0).examples();
    assertThat(examples).hasSize(2);
    FailingExample first = examples.get(0);
    assertThat(first.caseId()).isEqualTo("b");
    assertThat(first.check()).isEqualTo("grounding");
    assertThat(first.message()).isEqualTo("unsupported claim");
    assertThat(first.evidence()).singleElement().extracting(Evidence::text).isEqualTo("42 %");
    assertThat(first.outputExcerpt()).contains("42 %");
    assertThat(examples.get(1).caseId()).isEqualTo("c");
  }

  @Test
  void should_show_one_example_per_case_and_check_and_count_the_rest() {
    // GIVEN v1: failing results b/grounding, c/json.valid twice (both runs), d/tone; 2 examples max
    PromptStats s = v1Run(options()).snapshot().get(0);
    // THEN c's second failing run is counted into its example instead of listed again
    assertThat(s.examples()).extracting(FailingExample::caseId, FailingExample::check, FailingExample::occurrences)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b", "grounding", 1),
            org.assertj.core.groups.Tuple.tuple("c", "json.valid", 2));
    // AND the report can say that d/tone is not shown
    assertThat(s.failedResults()).isEqualTo(4);
    assertThat(s.failedResultsNotShown()).isEqualTo(1);
  }

  @Test
  void should_not_fill_examples_with_one_case_when_it_fails_every_repeat() {
    RunAggregator run = new RunAggregator();
    for (int r = 0; r < 12; r++) {
      run.recordCheck(new Attribution(V1, "t-05", r), new CheckResult("test.outcome", false, 1, 0,
          Direction.AT_MOST, List.of(), "failed"));
    }
    run.recordCheck(new Attribution(V1, "t-06", 0), CheckResult.of("json.valid", false, List.of(), "not JSON"));
    PromptStats s = run.snapshot().get(0);
    assertThat(s.examples()).extracting(FailingExample::caseId).containsExactly("t-05", "t-06");
    assertThat(s.examples().get(0).occurrences()).isEqualTo(12);
    assertThat(s.failedResultsNotShown()).isZero();
    // AND merging two shards keeps one example per case and check, adding their counts
    PromptStats merged = PromptStats.merge(s, s, 10, 1000);
    assertThat(merged.examples()).extracting(FailingExample::occurrences).containsExactly(24, 2);
    assertThat(merged.failedResults()).isEqualTo(26);
  }

  @Test
  void should_tell_each_checks_direction_and_scale() {
    PromptStats s = v1Run(options()).snapshot().get(0);
    assertThat(s.checks()).extracting(CheckStats::name, CheckStats::direction, CheckStats::scale)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("grounding", "NONE", CheckStats.PASS_FAIL),
            org.assertj.core.groups.Tuple.tuple("json.valid", "NONE", CheckStats.PASS_FAIL),
            org.assertj.core.groups.Tuple.tuple("specificity", "AT_LEAST", CheckStats.UNIT),
            org.assertj.core.groups.Tuple.tuple("tokens.max", "AT_MOST", CheckStats.VALUE),
            org.assertj.core.groups.Tuple.tuple("tone", "NONE", CheckStats.PASS_FAIL));
  }

  @Test
  void should_count_runs_beyond_sixty_four_repeats_of_a_case() {
    RunAggregator run = new RunAggregator();
    for (int r = 0; r < 200; r++) {
      Attribution at = new Attribution(V1, "long", r);
      run.recordCheck(at, CheckResult.of("json.valid", r % 4 != 0, List.of(), ""));
      run.recordCheck(at, new CheckResult("specificity", true, 0.5, 0.3, Direction.AT_LEAST, List.of(), ""));
    }
    CaseStats c = run.snapshot().get(0).caseOutcomes().get(0);
    assertThat(c.runs()).isEqualTo(200);
    assertThat(c.passed()).isEqualTo(150);
    assertThat(c.runScores().count()).isEqualTo(200);
  }

  @Test
  void should_keep_per_case_outcomes_for_paired_tests() {
    assertThat(v1Run(options()).snapshot().get(0).caseOutcomes())
        .extracting(CaseStats::id, CaseStats::runs, CaseStats::passed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 2, 2),
            org.assertj.core.groups.Tuple.tuple("b", 2, 1),
            org.assertj.core.groups.Tuple.tuple("c", 2, 0),
            org.assertj.core.groups.Tuple.tuple("d", 2, 2));
  }

  @Test
  void should_not_mix_prompt_versions_when_threads_record_in_parallel() throws Exception {
    RunAggregator run = new RunAggregator();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      PromptRef p = new PromptRef("p", "v" + (t % 2), "m");
      int thread = t;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 10_000; i++) {
          run.recordCheck(new Attribution(p, "case" + (i % 100), thread / 2 * 1000 + i / 100),
              CheckResult.of("c", i % 4 != 0, List.of(), ""));
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    List<PromptStats> stats = run.snapshot();
    assertThat(stats).hasSize(2);
    for (PromptStats s : stats) {
      assertThat(s.runs()).isEqualTo(20_000);
      assertThat(s.passedRuns()).isEqualTo(15_000);
      assertThat(s.checks().get(0).results()).isEqualTo(20_000);
    }
  }

  @Test
  void should_accept_hostile_and_empty_input_without_failing() {
    RunAggregator run = new RunAggregator();
    Attribution at = new Attribution(new PromptRef(null, " ", "\uD83D\uDE00"), null, 0);
    String output = "\uD800<script>alert(1)</script>\u0000" + "x".repeat(1_000_000);
    run.recordCheck(at, CheckResult.of("grounding", false, List.of(Evidence.of(output, 1, 9, "x", "y")), "m"), output);
    run.recordCheck(at, new CheckResult("s", false, Double.NaN, 1, Direction.AT_LEAST, List.of(), null), null);
    PromptStats s = run.snapshot().get(0);
    assertThat(s.prompt().id()).isEqualTo(PromptRef.UNSET);
    assertThat(s.examples()).hasSize(2);
    assertThat(s.examples().get(0).outputExcerpt().codePointCount(0, s.examples().get(0).outputExcerpt().length()))
        .isLessThanOrEqualTo(301);
    assertThat(s.hallucination()).isEqualTo(new Rate(1, 1));
  }

  @Test
  void should_keep_every_run_when_merging_shards_whose_case_outcomes_were_capped() {
    // GIVEN two shards of 4 cases × 2 repeats (5 of 8 runs pass each) keeping only 1 case outcome
    AggregationOptions capped = new AggregationOptions(Set.of("tone"), "grounding", "specificity", 2, 1, 300);
    PromptStats shard = v1Run(capped).snapshot().get(0);
    assertThat(shard.casesTruncated()).isTrue();
    assertThat(shard.caseOutcomes()).hasSize(1);
    // WHEN merged (merging used to sum the one kept case per shard: 4 runs instead of 16)
    PromptStats merged = PromptStats.merge(shard, shard, 2, 1);
    // THEN the totals are the shards' totals: 16 runs, 10 passed
    assertThat(merged.runs()).isEqualTo(16);
    assertThat(merged.passedRuns()).isEqualTo(10);
    assertThat(merged.passRate()).isEqualTo(0.625);
    assertThat(merged.passRateInterval()).isEqualTo(Proportions.wilson(10, 16));
  }
}
