package io.github.evals4j.judge;

import static io.github.evals4j.judge.JudgeFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.evals4j.gate.GateResult;
import io.github.evals4j.gate.GateStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference values: kappa and accuracy by exact arithmetic (fractions), Spearman from
 * {@code scipy.stats.spearmanr} 1.17.1:
 *
 * <pre>
 * j=[T,T,F,T,F,F,T,T,F,T]; h=[T,F,F,T,F,T,T,T,F,T]  -> accuracy 4/5, kappa 7/12
 * spearmanr([9,7,3,8,2,5,9,6,1,10], [8,6,4,9,2,6,10,5,1,9]).statistic = 0.9235517191495218
 * spearmanr([1,2,2,3,4,4,4,5], [2,1,3,3,5,4,6,8]).statistic          = 0.9200335844703181
 * </pre>
 */
class CalibrationTest {

  static final boolean[] JUDGE = {true, true, false, true, false, false, true, true, false, true};
  static final boolean[] HUMAN = {true, false, false, true, false, true, true, true, false, true};

  @Test
  void accuracy_and_kappa_match_exact_arithmetic() {
    assertThat(Calibration.accuracy(JUDGE, HUMAN)).isEqualTo(0.8);
    assertThat(Calibration.cohensKappa(JUDGE, HUMAN)).isCloseTo(7.0 / 12, within(1e-15));
    assertThat(Calibration.cohensKappa(JUDGE, JUDGE)).isEqualTo(1.0);
    // everyone says pass: chance agreement is 1, kappa undefined (not a perfect 1)
    assertThat(Calibration.cohensKappa(new boolean[] {true, true}, new boolean[] {true, true}))
        .isNaN();
  }

  @Test
  void spearman_matches_scipy_with_and_without_ties() {
    assertThat(Calibration.spearman(new double[] {9, 7, 3, 8, 2, 5, 9, 6, 1, 10},
        new double[] {8, 6, 4, 9, 2, 6, 10, 5, 1, 9})).isCloseTo(0.9235517191495218, within(1e-12));
    assertThat(Calibration.spearman(new double[] {1, 2, 2, 3, 4, 4, 4, 5},
        new double[] {2, 1, 3, 3, 5, 4, 6, 8})).isCloseTo(0.9200335844703181, within(1e-12));
    assertThat(Calibration.spearman(new double[] {1, 1}, new double[] {1, 2})).isNaN();
  }

  @Test
  void a_calibration_run_compares_verdicts_leaves_out_judge_errors_and_gates_on_kappa() {
    // a judge model that scores by one word, and garbles its reply on one output
    Judge byLength = request -> {
      if (request.user().contains("garble")) {
        return JudgeReply.of("{\"score\": ", "fake-judge");
      }
      return JudgeReply.of(verdict(request.user().contains("complete") ? 9 : 2, "by word"),
          "fake-judge");
    };
    RubricCheck rubric = JudgeChecks.rubric(byLength, "complete answer");
    List<Calibration.Labelled> labelled = List.of(
        new Calibration.Labelled("A long, complete and specific answer.", true, 9),
        new Calibration.Labelled("Short but complete.", true, 7),
        new Calibration.Labelled("No.", false, 1),
        new Calibration.Labelled("A medium answer here.", true, 4),
        new Calibration.Labelled("garble", true, 8));

    Calibration.Result r = Calibration.of(rubric, labelled);

    assertThat(r.compared()).isEqualTo(4);
    assertThat(r.judgeErrors()).isEqualTo(1);
    // judge pass, pass, fail, fail; people pass, pass, fail, pass: n 4, agree 3, E = 2*3 + 2*1
    // -> kappa (4*3 - 8) / (16 - 8) = 0.5; spearmanr([9,9,2,2], [9,7,1,4]) = 0.8944271909999159
    assertThat(r.accuracy()).isEqualTo(0.75);
    assertThat(r.spearman()).isCloseTo(0.8944271909999159, within(1e-12));
    assertThat(r.kappa()).isCloseTo(0.5, within(1e-15));
    GateResult pass = r.gate(0.4);
    GateResult fail = r.gate(0.6);
    assertThat(pass.status()).isEqualTo(GateStatus.PASSED);
    assertThat(fail.status()).isEqualTo(GateStatus.FAILED);
    assertThat(fail.message()).contains("min-judge-agreement failed", "kappa 0.500 < 0.600",
        "accuracy 0.750 over 4 labelled outputs, 1 judge errors");
  }
}
