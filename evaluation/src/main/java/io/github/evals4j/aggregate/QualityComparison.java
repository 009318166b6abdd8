package io.github.evals4j.aggregate;

/**
 * One rubric's quality score in two prompt versions: is the candidate's higher, and is that more
 * than noise?
 *
 * <p>The test is paired when both versions scored some of the same cases: the <b>sign-flip
 * (Fisher–Pitman) permutation test</b> of the per-case differences of mean score
 * ({@code sign-flip-mid-p}, two-sided mid-p, exact while cheap). Why this test: judge scores are
 * bounded, discrete and skewed (a t-test's normality is a poor fit for 8, 9, 9, 10), the same
 * cases in both versions make a paired test far more powerful than an unpaired one, the
 * differences' sizes matter (a sign test would throw away that 9 → 4 is worse than 9 → 8), and
 * the test is the one the pass-rate comparison already uses on per-case rates, so both
 * comparisons read alike. Without common cases, the two-sample permutation test of the case
 * scores ({@code permutation-z}). A winner only when p &lt; 0.05.
 *
 * @param rubric the rubric's name
 * @param scaleMin the lowest score of its scale
 * @param scaleMax the highest score of its scale
 * @param cases cases compared (common to both versions when paired)
 * @param paired whether the test is paired (over the common cases)
 * @param baselineMean the baseline's mean case score over the cases compared
 * @param candidateMean the candidate's mean case score over the cases compared
 * @param delta {@code candidateMean - baselineMean}, on the rubric's scale
 * @param test {@code sign-flip-mid-p} or {@code permutation-z}
 * @param pValue the two-sided p-value
 * @param verdict a winner only when {@code pValue < 0.05}
 * @param summary one sentence for humans
 */
public record QualityComparison(
    String rubric,
    double scaleMin,
    double scaleMax,
    long cases,
    boolean paired,
    double baselineMean,
    double candidateMean,
    double delta,
    String test,
    double pValue,
    Verdict verdict,
    String summary) {}
