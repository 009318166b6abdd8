package io.github.evals4j.aggregate;

/**
 * One case's scores on one rubric over its repeats.
 *
 * @param id the case id
 * @param scores the rubric's scores of its runs (count, mean and spread across repeats)
 * @param judgeErrors how many of its runs had a judge error on this rubric instead of a score
 */
public record CaseScore(String id, Spread scores, long judgeErrors) {

  public CaseScore {
    scores = scores == null ? Spread.NONE : scores;
  }

  CaseScore plus(CaseScore o) {
    return new CaseScore(id, scores.plus(o.scores), judgeErrors + o.judgeErrors);
  }
}
