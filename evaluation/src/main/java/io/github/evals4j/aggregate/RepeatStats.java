package io.github.evals4j.aggregate;

import java.util.List;

/**
 * How stable a prompt version is across repeats of the same cases.
 *
 * <p>With {@code n} runs of a case of which {@code c} passed, pass@k = 1 − C(n−c, k)/C(n, k) is
 * the chance that at least one of k runs passes (the unbiased estimator of Chen et al. 2021,
 * "Evaluating Large Language Models Trained on Code") and pass^k = C(c, k)/C(n, k) the chance that
 * all k pass (Yao et al. 2024, "τ-bench"); both are averaged over the cases that ran at least k
 * times.
 *
 * @param maxRepeats the largest number of runs of one case
 * @param passAtK pass@k for k = 1, 2, … (index 0 is k = 1), up to 10
 * @param passHatK pass^k for the same k
 * @param unstableCases how many cases had passing and failing runs
 * @param unstableCaseIds their ids (capped)
 * @param meanScoreStdDev the mean, over cases with at least two scored runs, of the standard
 *     deviation of their runs' quality scores: how much a case's score moves between repeats
 * @param maxScoreStdDev the largest such standard deviation
 */
public record RepeatStats(
    int maxRepeats, List<Double> passAtK, List<Double> passHatK, long unstableCases,
    List<String> unstableCaseIds, double meanScoreStdDev, double maxScoreStdDev) {

  public RepeatStats {
    passAtK = passAtK == null ? List.of() : List.copyOf(passAtK);
    passHatK = passHatK == null ? List.of() : List.copyOf(passHatK);
    unstableCaseIds = unstableCaseIds == null ? List.of() : List.copyOf(unstableCaseIds);
  }
}
