package io.github.evals4j.aggregate;

/**
 * A case that got better from the baseline to the candidate: it failed in most baseline runs and
 * passes in most candidate runs. Listed beside the regressions, so that a change that fixes one
 * case and breaks another never reads as "no change, one regression".
 *
 * @param caseId the case
 * @param baselinePassRate the case's pass rate in the baseline
 * @param candidatePassRate the case's pass rate in the candidate
 */
public record CaseFix(String caseId, double baselinePassRate, double candidatePassRate) {}
