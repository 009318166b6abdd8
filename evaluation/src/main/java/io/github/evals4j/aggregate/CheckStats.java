package io.github.evals4j.aggregate;

/**
 * How one check fared over every run of a prompt version.
 *
 * @param name the check's name
 * @param informational whether the check is reported only, never making a run fail
 * @param results how many results were recorded
 * @param passed how many passed
 * @param meanScore the mean of their scores
 */
public record CheckStats(String name, boolean informational, long results, long passed, Mean meanScore) {

  public CheckStats {
    if (passed < 0 || passed > results) {
      throw new IllegalArgumentException("check " + name + ": passed " + passed + " of " + results);
    }
    meanScore = meanScore == null ? Mean.NONE : meanScore;
  }

  /** {@code passed / results}, 0 when there was no result. */
  public double passRate() {
    return results == 0 ? 0 : (double) passed / results;
  }

  CheckStats plus(CheckStats o) {
    return new CheckStats(
        name, informational || o.informational, results + o.results, passed + o.passed,
        meanScore.plus(o.meanScore));
  }
}
