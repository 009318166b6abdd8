package io.github.evals4j.aggregate;

/**
 * One dataset case of a prompt version over its repeats.
 *
 * @param id the case id
 * @param runs how many times it ran (repeats)
 * @param passed how many of those runs passed every gating check
 * @param meanScore the mean quality score of its results (see {@link PromptStats#qualityScore()})
 * @param runScores the spread of its runs' quality scores (each run's mean score) across repeats
 */
public record CaseStats(String id, int runs, int passed, Mean meanScore, Spread runScores) {

  public CaseStats {
    if (passed < 0 || passed > runs) {
      throw new IllegalArgumentException("case " + id + ": passed " + passed + " of " + runs);
    }
    meanScore = meanScore == null ? Mean.NONE : meanScore;
    runScores = runScores == null ? Spread.NONE : runScores;
  }

  /** {@code passed / runs}. */
  public double passRate() {
    return runs == 0 ? 0 : (double) passed / runs;
  }

  /** The case's outcome for paired comparisons: it passed in a majority of its runs. */
  public boolean passedMostly() {
    return 2L * passed > runs;
  }

  /** Some runs passed and some failed. */
  public boolean unstable() {
    return passed > 0 && passed < runs;
  }

  CaseStats plus(CaseStats o) {
    return new CaseStats(id, runs + o.runs, passed + o.passed, meanScore.plus(o.meanScore),
        runScores.plus(o.runScores));
  }
}
