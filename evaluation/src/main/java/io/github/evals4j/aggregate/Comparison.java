package io.github.evals4j.aggregate;

import io.github.evals4j.prompt.PromptRef;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Two versions (or models) of one prompt side by side: which one passes more often, whether that
 * is more than noise, and what it costs.
 *
 * @param baseline the reference version
 * @param candidate the version compared with it
 * @param baselinePassRate pass rate of the baseline (over runs)
 * @param candidatePassRate pass rate of the candidate (over runs)
 * @param passRateDelta {@code candidatePassRate - baselinePassRate}
 * @param test {@code "mcnemar-mid-p"} when both ran the same cases (paired), else {@code "fisher"}
 * @param pValue the two-sided p-value of that test on per-case outcomes
 * @param verdict a winner only when {@code pValue < 0.05}
 * @param moreCasesNeeded when not significant, roughly how many more cases per version would make
 *     the observed difference significant (80 % power); empty when there is no difference at all
 * @param costPerCaseDeltaUsd candidate minus baseline application cost per case, empty if unknown
 * @param p95LatencyDeltaMs candidate minus baseline p95 latency, empty without latencies
 * @param regressions cases that passed in the baseline and fail in the candidate, or whose score
 *     dropped by more than the margin
 * @param summary one sentence for humans
 */
public record Comparison(
    PromptRef baseline,
    PromptRef candidate,
    double baselinePassRate,
    double candidatePassRate,
    double passRateDelta,
    String test,
    double pValue,
    Verdict verdict,
    OptionalLong moreCasesNeeded,
    OptionalDouble costPerCaseDeltaUsd,
    OptionalDouble p95LatencyDeltaMs,
    List<CaseRegression> regressions,
    String summary) {

  public Comparison {
    moreCasesNeeded = moreCasesNeeded == null ? OptionalLong.empty() : moreCasesNeeded;
    costPerCaseDeltaUsd = costPerCaseDeltaUsd == null ? OptionalDouble.empty() : costPerCaseDeltaUsd;
    p95LatencyDeltaMs = p95LatencyDeltaMs == null ? OptionalDouble.empty() : p95LatencyDeltaMs;
    regressions = regressions == null ? List.of() : List.copyOf(regressions);
  }
}
