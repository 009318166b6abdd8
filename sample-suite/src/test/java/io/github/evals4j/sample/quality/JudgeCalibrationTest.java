package io.github.evals4j.sample.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.evals4j.gate.GateStatus;
import io.github.evals4j.judge.Calibration;
import io.github.evals4j.junit.Evals4j;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each task's rubric against the hand-labelled calibration set ({@code calibration/<task>.jsonl},
 * 42 outputs written and labelled by hand: pass/fail and a 1–10 score). The figures are recorded
 * for the run report, which shows them next to the rubric ({@code min-judge-agreement} gates on
 * kappa). Expected figures computed by hand (python3, exact fractions; Spearman with average
 * ranks for ties); they hold for the recorded judge (the WireMock fixtures) only.
 */
@Evals4j
class JudgeCalibrationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // task, labelled, accuracy, kappa, spearman
      "social-post,         9, 0.8888888888888888, 0.7692307692307693, 0.8879640301920464",
      "log-analysis,        9, 0.8888888888888888, 0.7692307692307693, 0.9397948669321318",
      "feature-extraction,  8, 0.875,              0.7142857142857143, 0.9500742274486424",
      "variant-suggestions, 8, 0.875,              0.75,               0.8957223781626442",
      "browser-test,        8, 0.875,              0.7142857142857143, 0.9504755800871902"})
  void should_agree_with_the_human_labels(String task, int labelled, double accuracy,
      double kappa, double spearman) {
    List<Calibration.Labelled> set = JudgeFixtures.calibration(task).stream()
        .map(l -> new Calibration.Labelled(l.output(), l.humanPass(), l.humanScore())).toList();
    assertThat(set).hasSize(labelled);

    Calibration.Result r = Calibration.of(QualityRubrics.rubric(task), set).record();

    assertThat(r.check()).isEqualTo(QualityRubrics.name(task));
    if (SampleJudge.replaying()) {
      assertThat(r.judgeErrors()).isZero();
      assertThat(r.compared()).isEqualTo(labelled);
      assertThat(r.accuracy()).isCloseTo(accuracy, within(1e-12));
      assertThat(r.kappa()).isCloseTo(kappa, within(1e-12));
      assertThat(r.spearman()).isCloseTo(spearman, within(1e-12));
      assertThat(r.gate(0.6).status()).isEqualTo(GateStatus.PASSED);
    }
  }
}
