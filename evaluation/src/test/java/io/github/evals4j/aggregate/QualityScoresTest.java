package io.github.evals4j.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateSettings;
import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.gate.Gates;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.report.ConsoleTable;
import io.github.evals4j.report.MarkdownReport;
import io.github.evals4j.report.Report;
import io.github.evals4j.report.ReportJson;
import io.github.evals4j.report.Reports;
import io.github.evals4j.report.RunInfo;
import io.github.evals4j.stats.MeanInterval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quality scores of rubrics (results with a {@link QualityEvidence#scale scale}) per prompt
 * version, on the rubric's scale, with their interval, spread, judge errors and calibration; the
 * v1-vs-v2 comparison; the gates; the reports. Reference figures computed by hand (python3:
 * statistics.stdev, the t quantile checked by numeric integration of the t density, the sign-flip
 * p-value by enumerating all 2^5 sign vectors).
 */
class QualityScoresTest {

  static final PromptRef V1 = new PromptRef("answer", "v1", "gpt-4o-mini");
  static final PromptRef V2 = new PromptRef("answer", "v2", "gpt-4o-mini");
  static final String RUBRIC = "helpfulness";

  static CheckResult score(double score) {
    return new CheckResult(RUBRIC, score >= 7, score, 7, Direction.AT_LEAST,
        List.of(new Evidence(0, 0, "ok", "judge-reason", ""), QualityEvidence.scale(1, 10)),
        RUBRIC + ": score " + score + " / 10");
  }

  static CheckResult judgeError() {
    return new CheckResult(RUBRIC + ".judge-error", false, Double.NaN, 7, Direction.AT_LEAST,
        List.of(new Evidence(0, 0, "", "judge-error", "malformed verdict"),
            QualityEvidence.scale(1, 10)), "judge error in helpfulness");
  }

  static CheckResult calibration() {
    return new CheckResult(RUBRIC + RunAggregator.CALIBRATION_SUFFIX, true, 0.75, Double.NaN,
        Direction.NONE, List.of(QualityEvidence.agreement(new Agreement(41, 40, 1, 0.875,
            OptionalDouble.of(0.75), OptionalDouble.of(0.8125)))), "calibration");
  }

  /**
   * v1: c1 scores 7 and 8 (two repeats), c2..c7 one score each, c8 a judge error only. v2: one
   * score per case, c8 included.
   */
  static RunAggregator run() {
    RunAggregator run = new RunAggregator();
    double[][] v1 = {{7, 8}, {6}, {8}, {5}, {7}, {6}, {9}};
    double[] v2 = {9, 8, 8, 7, 9, 7, 9, 8};
    for (int c = 0; c < v1.length; c++) {
      for (int r = 0; r < v1[c].length; r++) {
        run.recordCheck(new Attribution(V1, "c" + (c + 1), r), score(v1[c][r]));
      }
    }
    run.recordCheck(new Attribution(V1, "c8", 0), judgeError());
    for (int c = 0; c < v2.length; c++) {
      run.recordCheck(new Attribution(V2, "c" + (c + 1), 0), score(v2[c]));
    }
    assertThat(run.recordAgreement(calibration())).isTrue();
    return run;
  }

  @Test
  void should_score_each_rubric_on_its_scale_with_a_t_interval_over_the_case_means() {
    QualityStats q = run().snapshot().get(0).quality(RUBRIC).orElseThrow();

    // case means 7.5, 6, 8, 5, 7, 6, 9: mean 6.928571, sd 1.367131, t(0.975, 6) = 2.4469119
    assertThat(q.scaleMin()).isEqualTo(1);
    assertThat(q.scaleMax()).isEqualTo(10);
    assertThat(q.cases()).isEqualTo(7);
    assertThat(q.verdicts()).isEqualTo(8);
    assertThat(q.judgeErrors()).isEqualTo(1);
    assertThat(q.unknownCases()).isEqualTo(1);
    assertThat(q.mean()).isCloseTo(6.928571428571429, within(1e-12));
    assertThat(q.interval().lower()).isCloseTo(5.664185959088293, within(1e-6));
    assertThat(q.interval().upper()).isCloseTo(8.192956898054565, within(1e-6));
    assertThat(q.intervalMethod()).isEqualTo("student-t-95-over-cases");
    // only c1 has two scored repeats: sd of {7, 8}
    assertThat(q.meanRepeatStdDev()).isCloseTo(Math.sqrt(0.5), within(1e-12));
    assertThat(q.maxRepeatStdDev()).isCloseTo(Math.sqrt(0.5), within(1e-12));
    // the calibration recorded run-wide sits next to the rubric of its name
    assertThat(q.agreement().kappa()).hasValue(0.75);
    assertThat(q.agreement().judged()).isEqualTo(40);
    assertThat(q.outOf10()).isCloseTo(6.928571428571429, within(1e-12));
  }

  @Test
  void should_leave_the_old_0_to_1_quality_mean_untouched_by_rubric_scores() {
    PromptStats s = run().snapshot().get(0);
    assertThat(s.qualityScore().count()).isZero();
    assertThat(s.checks()).extracting(CheckStats::name)
        .containsExactly(RUBRIC, RUBRIC + ".judge-error");
  }

  @Test
  void should_compare_versions_with_the_paired_sign_flip_test_on_case_means() {
    List<PromptStats> stats = run().snapshot();
    Comparison c = Comparisons.compare(stats.get(0), stats.get(1), 0.2);

    // common scored cases c1..c7, differences 1.5, 2, 0, 2, 2, 1, 0: in half points 3,4,0,4,4,2,0;
    // of the 32 sign vectors of the five non-zero ones, two reach |17|: mid-p = 0.5 * 2 / 32
    QualityComparison q = c.quality().get(0);
    assertThat(q.test()).isEqualTo("sign-flip-mid-p");
    assertThat(q.paired()).isTrue();
    assertThat(q.cases()).isEqualTo(7);
    assertThat(q.pValue()).isEqualTo(0.03125);
    assertThat(q.baselineMean()).isCloseTo(48.5 / 7, within(1e-12));
    assertThat(q.candidateMean()).isCloseTo(57.0 / 7, within(1e-12));
    assertThat(q.verdict()).isEqualTo(Verdict.CANDIDATE_BETTER);
    assertThat(q.summary()).isEqualTo("answer@v2/gpt-4o-mini vs answer@v1/gpt-4o-mini: helpfulness"
        + " 6.93 / 10 \u2192 8.14 / 10 (+1.21, 7 paired cases), answer@v2/gpt-4o-mini scores higher"
        + " (p = 0.0313, sign-flip-mid-p)");
  }

  @Test
  void should_not_declare_a_winner_when_the_scores_do_not_differ_beyond_noise() {
    RunAggregator run = new RunAggregator();
    double[] a = {7, 8, 6, 9};
    double[] b = {8, 7, 6, 9};
    for (int i = 0; i < a.length; i++) {
      run.recordCheck(new Attribution(V1, "c" + i, 0), score(a[i]));
      run.recordCheck(new Attribution(V2, "c" + i, 0), score(b[i]));
    }
    List<PromptStats> stats = run.snapshot();
    QualityComparison q = Comparisons.compare(stats.get(0), stats.get(1), 0.2).quality().get(0);
    // differences +1, -1 (and two 0): |T| is 0 or 2, each with probability 1/2; observed 0, so
    // mid-p = P(|T| > 0) + P(|T| = 0) / 2 = 0.75
    assertThat(q.pValue()).isEqualTo(0.75);
    assertThat(q.verdict()).isEqualTo(Verdict.NOT_SIGNIFICANT);
  }

  @Test
  void should_gate_min_quality_score_on_the_rubric_scale_and_count_unknown_cases() {
    List<PromptStats> stats = run().snapshot();
    List<GateResult> gates = Gates.evaluate(stats, List.of(), GateSettings.from(Map.of(
        "evals4j.gate.answer.min-quality-score", "7",
        "evals4j.gate.answer.min-judge-agreement", "0.6")));

    assertThat(gates).filteredOn(g -> g.metric().startsWith("min-quality") || g.metric()
        .startsWith("min-judge")).extracting(g -> g.prompt().version(), GateResult::metric,
            GateResult::status, GateResult::value)
        .containsExactly(
            tuple("v1", "min-quality-score", GateStatus.FAILED, "6.93 / 10"),
            tuple("v1", "min-judge-agreement", GateStatus.PASSED, "0.75"),
            tuple("v2", "min-quality-score", GateStatus.PASSED, "8.13 / 10"),
            tuple("v2", "min-judge-agreement", GateStatus.PASSED, "0.75"));
    assertThat(gates).filteredOn(g -> g.failed() && g.metric().equals("min-quality-score"))
        .singleElement().extracting(GateResult::message)
        .isEqualTo("answer@v1/gpt-4o-mini: min-quality-score failed: helpfulness 6.93 / 10"
            + " [5.7, 8.2] < 7 (7 cases; 1 case unknown: judge errors only, left out; 1 judge error"
            + " in all)");
  }

  @Test
  void should_fail_the_quality_gate_on_judge_errors_when_configured() {
    List<GateResult> gates = Gates.evaluate(run().snapshot(), List.of(), GateSettings.from(Map.of(
        "evals4j.gate.answer.min-quality-score", "6/10",
        "evals4j.gate.answer.judge-errors", "fail")));
    assertThat(gates).filteredOn(g -> g.metric().equals("min-quality-score"))
        .extracting(g -> g.prompt().version(), GateResult::status)
        .containsExactly(tuple("v1", GateStatus.FAILED), tuple("v2", GateStatus.PASSED));
    assertThat(gates.stream().filter(g -> g.failed() && g.metric().equals("min-quality-score"))
        .findFirst().orElseThrow().message())
        .contains("1 judge error (judge-errors=fail)");
  }

  @Test
  void should_fail_a_quality_gate_given_on_another_scale() {
    List<GateResult> gates = Gates.evaluate(run().snapshot(), List.of(), GateSettings.from(Map.of(
        "evals4j.gate.answer@v2.min-quality-score", "4/5")));
    assertThat(gates).filteredOn(g -> g.metric().equals("min-quality-score")).singleElement()
        .satisfies(g -> {
          assertThat(g.status()).isEqualTo(GateStatus.FAILED);
          assertThat(g.message()).isEqualTo("answer@v2/gpt-4o-mini: min-quality-score failed: the"
              + " threshold 4/5 is on another scale than helpfulness (scored 1\u201310)");
        });
    assertThatThrownBy(() -> GateSettings.from(Map.of("evals4j.gate.min-quality-score", "7/x")))
        .hasMessageContaining("evals4j.gate.min-quality-score: expected a score >= 0, optionally"
            + " with the top of its scale (7 or 7/10), or 'off', got '7/x'");
    assertThatThrownBy(() -> GateSettings.from(Map.of("evals4j.gate.judge-errors", "ignore")))
        .hasMessageContaining("judge-errors: expected unknown or fail, got 'ignore'");
  }

  @Test
  void should_say_unknown_when_a_rubric_has_no_calibration() {
    RunAggregator run = new RunAggregator();
    run.recordCheck(new Attribution(V1, "c1", 0), score(8));
    List<GateResult> gates = Gates.evaluate(run.snapshot(), List.of(), GateSettings.from(Map.of(
        "evals4j.gate.min-judge-agreement", "0.6")));
    assertThat(gates).filteredOn(g -> g.metric().equals("min-judge-agreement")).singleElement()
        .satisfies(g -> {
          assertThat(g.status()).isEqualTo(GateStatus.UNKNOWN);
          assertThat(g.message()).contains("helpfulness has no calibration");
        });
  }

  @Test
  void should_show_quality_agreement_and_comparison_in_every_report(@TempDir Path dir)
      throws Exception {
    Report report = Reports.build(new RunInfo("run-1", "", "", "local", "2026-12-02T10:00:00Z",
        "2026-12-02T10:01:00Z", "", List.of()), run().snapshot(), Optional.empty(),
        GateSettings.defaults());

    String md = MarkdownReport.render(report);
    assertThat(md).contains("### Quality scores (model-graded)",
        "| answer | v1 | gpt-4o-mini | helpfulness | 6.9 / 10 [5.7, 8.2] | 7 (+1 unknown) | repeats sd 0.71"
            + " (max 0.71) | 1 of 9 runs | \u03ba 0.75, accuracy 87.5 %, \u03c1 0.81 (n 40, 1 judge"
            + " errors) |",
        "| answer | v2 | gpt-4o-mini | helpfulness | 8.1 / 10 [7.4, 8.8] | 8 | \u2013 | 0 |",
        "  - quality: answer@v2/gpt-4o-mini vs answer@v1/gpt-4o-mini: helpfulness 6.93 / 10");
    assertThat(ConsoleTable.render(report)).contains(
        "QUALITY answer@v1/gpt-4o-mini helpfulness: 6.9 / 10 [5.7, 8.2] (95 % CI, 7 (+1 unknown)"
            + " cases)", "COMPARED QUALITY answer@v2/gpt-4o-mini vs answer@v1/gpt-4o-mini");
    Reports.writeAll(report, dir, Map.of());
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("<table id=\"quality\"", "6.9 / 10 [5.7, 8.2]", "\u03ba 0.75");

    // report.json: the fields are additive, the schema (version 1) describes them, read back equal
    JsonNode json = new ObjectMapper().readTree(ReportJson.toJson(report));
    JsonNode schema = new ObjectMapper().readTree(ReportJson.schema());
    assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(schema).validate(json)).isEmpty();
    assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
    JsonNode q = json.path("prompts").get(0).path("quality").get(0);
    assertThat(q.path("rubric").asText()).isEqualTo(RUBRIC);
    assertThat(q.path("agreement").path("kappa").asDouble()).isEqualTo(0.75);
    assertThat(json.path("comparisons").get(0).path("quality").get(0).path("pValue").asDouble())
        .isEqualTo(0.03125);
    Path file = dir.resolve("report.json");
    Report read = ReportJson.read(file);
    assertThat(read.prompts()).isEqualTo(report.prompts());
    assertThat(read.comparisons()).isEqualTo(report.comparisons());
  }

  @Test
  void should_merge_shards_into_the_figures_of_one_run() {
    RunAggregator a = new RunAggregator();
    RunAggregator b = new RunAggregator();
    RunAggregator all = new RunAggregator();
    double[] scores = {7, 8, 6, 9, 5, 8};
    for (int i = 0; i < scores.length; i++) {
      // case c0 runs in both shards (repeat 0 in a, repeat 1 in b)
      String id = i == 5 ? "c0" : "c" + i;
      int repeat = i == 5 ? 1 : 0;
      (i % 2 == 0 ? a : b).recordCheck(new Attribution(V1, id, repeat), score(scores[i]));
      all.recordCheck(new Attribution(V1, id, repeat), score(scores[i]));
    }
    QualityStats merged = PromptStats.merge(a.snapshot().get(0), b.snapshot().get(0), 20,
        1000).quality(RUBRIC).orElseThrow();
    QualityStats one = all.snapshot().get(0).quality(RUBRIC).orElseThrow();
    assertThat(merged.mean()).isCloseTo(one.mean(), within(1e-12));
    assertThat(merged.interval().lower()).isCloseTo(one.interval().lower(), within(1e-12));
    assertThat(merged.meanRepeatStdDev()).isCloseTo(one.meanRepeatStdDev(), within(1e-12));
    assertThat(merged.cases()).isEqualTo(5);
  }

  @Test
  void should_know_t_quantiles_and_give_the_whole_scale_for_one_case() {
    assertThat(MeanInterval.t975(6)).isEqualTo(2.4469119);
    // beyond the table: Cornish-Fisher; references by numeric integration of the t density
    assertThat(MeanInterval.t975(40)).isCloseTo(2.0210754, within(2e-6));
    assertThat(MeanInterval.t975(100)).isCloseTo(1.9839715, within(2e-6));
    assertThat(MeanInterval.studentT95(1, 8, 0, 1, 10).lower()).isEqualTo(1);
  }

  @Test
  void should_ignore_malformed_quality_evidence() {
    CheckResult bad = new CheckResult(RUBRIC, true, 8, 7, Direction.AT_LEAST,
        List.of(new Evidence(0, 0, "10..1", QualityEvidence.SCALE, "")), "");
    RunAggregator run = new RunAggregator();
    run.recordCheck(new Attribution(V1, "c1", 0), bad);
    assertThat(run.snapshot().get(0).quality()).isEmpty();
    assertThat(run.recordAgreement(new CheckResult("x.calibration", true, 0, Double.NaN,
        Direction.NONE, List.of(new Evidence(0, 0, "labelled=x", QualityEvidence.AGREEMENT, "")),
        ""))).isFalse();
  }
}
