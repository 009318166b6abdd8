package io.github.evals4j.judge;

import static io.github.evals4j.judge.JudgeFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.aggregate.Agreement;
import io.github.evals4j.aggregate.QualityEvidence;
import io.github.evals4j.aggregate.QualityStats;
import io.github.evals4j.aggregate.RunAggregator;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.prompt.Attribution;
import io.github.evals4j.prompt.PromptRef;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What a rubric tells the run report: its scale on every verdict and judge error, the spread of
 * its samples, and a calibration's figures through {@link Calibration.Result#record()}; the
 * aggregation turns them into a quality score on the rubric's scale with its agreement.
 */
class QualityEvidenceTest {

  static final PromptRef V1 = new PromptRef("answer", "v1", "gpt-4o-mini");

  @Test
  void should_carry_the_scale_on_verdicts_and_judge_errors_and_the_spread_of_samples() {
    int[] calls = {0};
    Judge judge = request -> {
      if (request.user().contains("garble")) {
        return JudgeReply.of("not json", "fake-judge");
      }
      return JudgeReply.of(verdict(calls[0]++ % 2 == 0 ? 4 : 5, "ok"), "fake-judge");
    };
    RubricCheck rubric = JudgeChecks.rubric(judge, "Polite").scale(1, 5).named("polite");

    CheckResult scored = rubric.samples(2).evaluate("Thank you, the refund is on its way.");
    CheckResult error = rubric.evaluate("garble");

    // mean of 4 and 5 on the 1-5 scale: 9 out of 10; sample sd 0.7071
    assertThat(QualityEvidence.outOf10(scored)).hasValue(9.0);
    assertThat(scored.evidence()).extracting(e -> e.kind())
        .contains(QualityEvidence.SCALE, QualityEvidence.SAMPLES);
    assertThat(JudgeErrors.isJudgeError(error)).isTrue();
    assertThat(QualityEvidence.outOf10(error)).isEmpty();
    assertThat(error.evidence()).extracting(e -> e.kind()).contains(QualityEvidence.SCALE);

    RunAggregator run = new RunAggregator();
    run.recordCheck(new Attribution(V1, "c1", 0), scored);
    run.recordCheck(new Attribution(V1, "c2", 0), error);
    QualityStats q = run.snapshot().get(0).quality("polite").orElseThrow();
    assertThat(q.scaleMax()).isEqualTo(5);
    assertThat(q.mean()).isEqualTo(4.5);
    assertThat(q.unknownCases()).isEqualTo(1);
    assertThat(q.judgeSampleStdDev().mean()).isEqualTo(Math.sqrt(0.5));
  }

  @Test
  void should_record_a_calibration_for_the_report() {
    Judge judge = request -> JudgeReply.of(verdict(
        request.user().contains("complete") ? 9 : 2, "by word"), "fake-judge");
    RubricCheck rubric = JudgeChecks.rubric(judge, "complete answer").named("complete");
    List<CheckResult> recorded = new CopyOnWriteArrayList<>();
    Recorder recorder = new Recorder() {
      @Override
      public void onCheck(CheckResult result) {
        recorded.add(result);
      }
    };

    Calibration.Result r;
    try (Recording.Binding ignored = Recording.bind(recorder)) {
      r = Calibration.of(rubric, List.of(
          new Calibration.Labelled("A complete answer.", true, 9),
          new Calibration.Labelled("Short but complete.", false, 6),
          new Calibration.Labelled("No.", false, 1))).record();
    }

    // judge pass, pass, fail; people pass, fail, fail: agree 2 of 3, kappa (3*2 - 4) / (9 - 4)
    assertThat(r.kappa()).isEqualTo(0.4);
    assertThat(recorded).singleElement().satisfies(c -> {
      assertThat(c.check()).isEqualTo("complete.calibration");
      assertThat(c.passed()).isTrue();
      Agreement a = QualityEvidence.agreementOf(c);
      assertThat(a.labelled()).isEqualTo(3);
      assertThat(a.judged()).isEqualTo(3);
      assertThat(a.accuracy()).isEqualTo(2.0 / 3);
      assertThat(a.kappa()).hasValue(0.4);
      assertThat(a.spearman()).isPresent();
    });
    RunAggregator run = new RunAggregator();
    assertThat(run.recordAgreement(recorded.get(0))).isTrue();
    run.recordCheck(new Attribution(V1, "c1", 0), rubric.evaluate("A complete answer."));
    assertThat(run.snapshot().get(0).quality("complete").orElseThrow().agreement().kappa())
        .hasValue(0.4);
  }
}
