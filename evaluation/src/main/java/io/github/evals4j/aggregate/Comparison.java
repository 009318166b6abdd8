package io.github.evals4j.aggregate;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import io.github.evals4j.prompt.PromptRef;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Two versions (or models) of one prompt side by side: which one passes more often, whether that
 * is more than noise, which cases changed, and what it costs.
 *
 * <p>The headline ({@code passRateDelta}), the effect and the test all describe one quantity, named
 * by {@code measure}: the <em>mean per-case pass rate</em>, each case's share of passing runs
 * averaged over the cases compared (see {@link Comparisons}).
 *
 * @param baseline the reference version
 * @param candidate the version compared with it
 * @param baselinePassRate the baseline's mean per-case pass rate over the cases compared
 * @param candidatePassRate the candidate's mean per-case pass rate over the cases compared
 * @param passRateDelta {@code candidatePassRate - baselinePassRate}
 * @param test {@code "mcnemar-mid-p"} (same cases, one run each), {@code "sign-flip-mid-p"} (same
 *     cases, repeats), {@code "fisher"} (different cases, one run each) or {@code "permutation-z"}
 *     (different cases, repeats)
 * @param pValue the two-sided p-value of that test
 * @param verdict a winner only when {@code pValue < 0.05}
 * @param moreCasesNeeded when not significant, roughly how many more cases per version would make
 *     the observed difference significant (80 % power); empty when there is no difference at all;
 *     above {@link io.github.evals4j.stats.SampleSize#LIMIT} it is {@code LIMIT + 1}
 * @param costPerCaseDeltaUsd candidate minus baseline application cost per case, empty if unknown
 * @param p95LatencyDeltaMs candidate minus baseline p95 latency, empty without latencies
 * @param regressions cases that passed in most baseline runs and fail in most candidate runs, or
 *     whose score dropped by more than the margin (at most {@value Comparisons#MAX_LISTED} listed)
 * @param summary one sentence for humans
 * @param measure what {@code passRateDelta} and the test measure: {@value Comparisons#MEASURE};
 *     {@code null} in reports written before this field existed (their delta was over runs)
 * @param paired whether both versions ran the same cases (a paired test)
 * @param baselineCases cases of the baseline in the comparison
 * @param candidateCases cases of the candidate in the comparison
 * @param casesNotCompared cases left out because a version reached the case limit (0 normally)
 * @param fixes cases that failed in most baseline runs and pass in most candidate runs (at most
 *     {@value Comparisons#MAX_LISTED} listed)
 * @param regressedCases how many cases regressed (listed or not)
 * @param fixedCases how many cases were fixed (listed or not)
 * @param quality each rubric both versions were graded on, compared on its scale (see
 *     {@link QualityComparison}); empty without rubrics and in older reports
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
    String summary,
    @JsonSetter(nulls = Nulls.SET) String measure,
    @JsonSetter(nulls = Nulls.AS_EMPTY) boolean paired,
    @JsonSetter(nulls = Nulls.AS_EMPTY) long baselineCases,
    @JsonSetter(nulls = Nulls.AS_EMPTY) long candidateCases,
    @JsonSetter(nulls = Nulls.AS_EMPTY) long casesNotCompared,
    @JsonSetter(nulls = Nulls.AS_EMPTY) List<CaseFix> fixes,
    @JsonSetter(nulls = Nulls.AS_EMPTY) long regressedCases,
    @JsonSetter(nulls = Nulls.AS_EMPTY) long fixedCases,
    @JsonSetter(nulls = Nulls.AS_EMPTY) List<QualityComparison> quality) {

  public Comparison {
    quality = quality == null ? List.of() : List.copyOf(quality);
    moreCasesNeeded = moreCasesNeeded == null ? OptionalLong.empty() : moreCasesNeeded;
    costPerCaseDeltaUsd = costPerCaseDeltaUsd == null ? OptionalDouble.empty() : costPerCaseDeltaUsd;
    p95LatencyDeltaMs = p95LatencyDeltaMs == null ? OptionalDouble.empty() : p95LatencyDeltaMs;
    regressions = regressions == null ? List.of() : List.copyOf(regressions);
    fixes = fixes == null ? List.of() : List.copyOf(fixes);
    regressedCases = Math.max(regressedCases, regressions.size());
    fixedCases = Math.max(fixedCases, fixes.size());
  }

  /** A comparison without rubrics (the form before quality comparisons existed). */
  public Comparison(PromptRef baseline, PromptRef candidate, double baselinePassRate,
      double candidatePassRate, double passRateDelta, String test, double pValue, Verdict verdict,
      OptionalLong moreCasesNeeded, OptionalDouble costPerCaseDeltaUsd,
      OptionalDouble p95LatencyDeltaMs, List<CaseRegression> regressions, String summary,
      String measure, boolean paired, long baselineCases, long candidateCases,
      long casesNotCompared, List<CaseFix> fixes, long regressedCases, long fixedCases) {
    this(baseline, candidate, baselinePassRate, candidatePassRate, passRateDelta, test, pValue,
        verdict, moreCasesNeeded, costPerCaseDeltaUsd, p95LatencyDeltaMs, regressions, summary,
        measure, paired, baselineCases, candidateCases, casesNotCompared, fixes, regressedCases,
        fixedCases, List.of());
  }

  /** Regressed cases not listed in {@code regressions}. */
  public long regressionsNotListed() {
    return regressedCases - regressions.size();
  }

  /** Fixed cases not listed in {@code fixes}. */
  public long fixesNotListed() {
    return fixedCases - fixes.size();
  }
}
