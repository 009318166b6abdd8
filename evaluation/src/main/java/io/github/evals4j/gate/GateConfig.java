package io.github.evals4j.gate;

import java.util.OptionalDouble;

/**
 * The thresholds one prompt version is gated on. An empty threshold switches its gate off.
 *
 * <p>Defaults mirror common alert thresholds: failure rate over 10 % (min pass rate 0.90),
 * hallucination rate over 5 %, cost per run over $0.10; no regression against the baseline.
 *
 * <pre>{@code
 * GateConfig strict = GateConfig.defaults().withMinPassRate(0.95);
 * }</pre>
 *
 * @param minPassRate the lowest acceptable pass rate
 * @param passRateOnLowerBound judge the pass rate by its 95 % Wilson lower bound, not its point
 *     value (stricter: a small sample must earn its rate)
 * @param maxHallucinationRate the highest acceptable hallucination rate
 * @param maxCostPerCaseUsd the highest application cost per case
 * @param maxCostPerRunUsd the highest application cost of the prompt version in the run
 * @param maxP95LatencyMs the highest p95 LLM call latency
 * @param minQualityScore the lowest mean quality score: of each rubric on its own scale when the
 *     prompt version has rubrics (model-graded checks with a scale), else of the 0..1 results
 * @param noRegression fail when a case regressed against the baseline report, or the baseline
 *     passes significantly more often
 * @param scoreDropMargin a per-case quality score drop larger than this is a regression
 * @param failOnUnknown fail a gate whose value is unknown (e.g. cost of an unpriced model) instead
 *     of reporting it as unknown
 * @param minCasePassRate the lowest pass rate of each case across its repeats
 * @param qualityScaleMax the top of the scale {@code minQualityScore} is given on ({@code 7/10}):
 *     a rubric on another scale fails the gate as misconfigured; empty: each rubric's own scale
 * @param minJudgeAgreement the lowest Cohen's kappa of each rubric's calibration
 * @param failOnJudgeErrors a rubric with any judge error fails {@code min-quality-score}; by
 *     default a case with judge errors only is unknown, left out, and the gate line counts it
 */
public record GateConfig(
    OptionalDouble minPassRate,
    boolean passRateOnLowerBound,
    OptionalDouble maxHallucinationRate,
    OptionalDouble maxCostPerCaseUsd,
    OptionalDouble maxCostPerRunUsd,
    OptionalDouble maxP95LatencyMs,
    OptionalDouble minQualityScore,
    boolean noRegression,
    double scoreDropMargin,
    boolean failOnUnknown,
    OptionalDouble minCasePassRate,
    OptionalDouble qualityScaleMax,
    OptionalDouble minJudgeAgreement,
    boolean failOnJudgeErrors) {

  public GateConfig {
    qualityScaleMax = orEmpty(qualityScaleMax);
    minJudgeAgreement = orEmpty(minJudgeAgreement);
    minPassRate = orEmpty(minPassRate);
    maxHallucinationRate = orEmpty(maxHallucinationRate);
    maxCostPerCaseUsd = orEmpty(maxCostPerCaseUsd);
    maxCostPerRunUsd = orEmpty(maxCostPerRunUsd);
    maxP95LatencyMs = orEmpty(maxP95LatencyMs);
    minQualityScore = orEmpty(minQualityScore);
    minCasePassRate = orEmpty(minCasePassRate);
    if (!(scoreDropMargin >= 0)) {
      throw new IllegalArgumentException("score drop margin must be >= 0: " + scoreDropMargin);
    }
  }

  /** Thresholds without the rubric gates (the form before they existed). */
  public GateConfig(OptionalDouble minPassRate, boolean passRateOnLowerBound,
      OptionalDouble maxHallucinationRate, OptionalDouble maxCostPerCaseUsd,
      OptionalDouble maxCostPerRunUsd, OptionalDouble maxP95LatencyMs,
      OptionalDouble minQualityScore, boolean noRegression, double scoreDropMargin,
      boolean failOnUnknown, OptionalDouble minCasePassRate) {
    this(minPassRate, passRateOnLowerBound, maxHallucinationRate, maxCostPerCaseUsd,
        maxCostPerRunUsd, maxP95LatencyMs, minQualityScore, noRegression, scoreDropMargin,
        failOnUnknown, minCasePassRate, OptionalDouble.empty(), OptionalDouble.empty(), false);
  }

  /** Min pass rate 0.90, max hallucination 0.05, max cost per run $0.10, no regression, margin 0.2. */
  public static GateConfig defaults() {
    return new GateConfig(OptionalDouble.of(0.90), false, OptionalDouble.of(0.05), OptionalDouble.empty(),
        OptionalDouble.of(0.10), OptionalDouble.empty(), OptionalDouble.empty(), true, 0.2, false,
        OptionalDouble.empty());
  }

  /** These thresholds with another minimum pass rate. */
  public GateConfig withMinPassRate(double rate) {
    return new GateConfig(OptionalDouble.of(rate), passRateOnLowerBound, maxHallucinationRate,
        maxCostPerCaseUsd, maxCostPerRunUsd, maxP95LatencyMs, minQualityScore, noRegression,
        scoreDropMargin, failOnUnknown, minCasePassRate, qualityScaleMax, minJudgeAgreement,
        failOnJudgeErrors);
  }

  private static OptionalDouble orEmpty(OptionalDouble d) {
    return d == null ? OptionalDouble.empty() : d;
  }
}
