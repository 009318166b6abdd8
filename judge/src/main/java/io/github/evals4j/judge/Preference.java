package io.github.evals4j.judge;

/**
 * The outcome of a pairwise comparison judged in both orders (A then B, B then A), so that a
 * judge's preference for a position cancels out.
 *
 * @param winner who won; a disagreement between the two orders is {@link Winner#INCONSISTENT},
 *     never a win
 * @param message what the judge said in each order, or why it could not be trusted
 */
public record Preference(Winner winner, String message) {

  /** Who won a pairwise comparison. */
  public enum Winner {
    /** Both orders preferred A. */
    A,
    /** Both orders preferred B. */
    B,
    /** Both orders saw a tie, or one a tie and the other a preference. */
    TIE,
    /** The two orders preferred different responses: the judge follows positions, not quality. */
    INCONSISTENT,
    /** A reply could not be trusted (malformed, refused, timed out). */
    JUDGE_ERROR
  }
}
