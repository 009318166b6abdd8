package io.github.evals4j.aggregate;

import java.util.OptionalDouble;

/**
 * How well a judge agrees with people on one rubric, measured on a labelled calibration set
 * (evals4j-judge's {@code Calibration}): shown in the reports next to the rubric and gated by
 * {@code min-judge-agreement}.
 *
 * @param labelled how many labelled outputs the calibration set has
 * @param judged how many of them the judge gave a verdict on (the others were judge errors)
 * @param judgeErrors how many were judge errors (left out of the figures)
 * @param accuracy share of judged outputs where the judge's pass/fail equals the human one
 * @param kappa Cohen's kappa of pass/fail, empty when undefined (e.g. one class only)
 * @param spearman Spearman's rank correlation of judge and human scores, empty when undefined
 */
public record Agreement(
    long labelled, long judged, long judgeErrors, double accuracy, OptionalDouble kappa,
    OptionalDouble spearman) {

  public Agreement {
    if (labelled < 0 || judged < 0 || judgeErrors < 0 || judged > labelled
        || !(accuracy >= 0 && accuracy <= 1)) {
      throw new IllegalArgumentException("bad agreement: " + judged + " of " + labelled
          + " judged, accuracy " + accuracy);
    }
    kappa = kappa == null ? OptionalDouble.empty() : kappa;
    spearman = spearman == null ? OptionalDouble.empty() : spearman;
  }
}
