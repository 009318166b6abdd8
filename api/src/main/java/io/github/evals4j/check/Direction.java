package io.github.evals4j.check;

/**
 * How a check's score is compared with its threshold.
 *
 * <p>A grounding score must be <em>at least</em> its threshold, a token count <em>at most</em> its
 * limit; a check with no numeric threshold (valid JSON or not) uses {@link #NONE}.
 */
public enum Direction {
  /** Passes when {@code score >= threshold}. */
  AT_LEAST("\u2265"),
  /** Passes when {@code score <= threshold}. */
  AT_MOST("\u2264"),
  /** The check is pass/fail; the score is 1 on pass and 0 on failure. */
  NONE("");

  private final String symbol;

  Direction(String symbol) {
    this.symbol = symbol;
  }

  /** The comparison symbol used in failure messages ({@code ≥}, {@code ≤}, or empty). */
  public String symbol() {
    return symbol;
  }

  /** Whether {@code score} passes {@code threshold} in this direction. */
  public boolean passes(double score, double threshold) {
    switch (this) {
      case AT_LEAST:
        return score >= threshold;
      case AT_MOST:
        return score <= threshold;
      default:
        return true;
    }
  }
}
