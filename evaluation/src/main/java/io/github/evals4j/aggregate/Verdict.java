package io.github.evals4j.aggregate;

/** The outcome of comparing two prompt versions' pass rates. */
public enum Verdict {
  /** The candidate passes significantly more often (p < 0.05). */
  CANDIDATE_BETTER,
  /** The baseline passes significantly more often (p < 0.05). */
  BASELINE_BETTER,
  /** The difference may be noise (p ≥ 0.05): no winner. */
  NOT_SIGNIFICANT
}
