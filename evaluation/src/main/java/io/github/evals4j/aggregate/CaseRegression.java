package io.github.evals4j.aggregate;

/**
 * A case that got worse from the baseline to the candidate.
 *
 * @param caseId the case
 * @param kind {@code "now-fails"} (passed in most baseline runs, fails in most candidate runs) or
 *     {@code "score-drop"} (its mean quality score dropped by more than the margin)
 * @param baselinePassRate the case's pass rate in the baseline
 * @param candidatePassRate the case's pass rate in the candidate
 * @param scoreDrop how much its mean quality score dropped (0 when unknown)
 */
public record CaseRegression(
    String caseId, String kind, double baselinePassRate, double candidatePassRate, double scoreDrop) {}
