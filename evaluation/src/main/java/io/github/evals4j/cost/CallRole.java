package io.github.evals4j.cost;

/**
 * Who an LLM call served, so that what the application costs and what grading it costs are never
 * added together.
 */
public enum CallRole {
  /** A call the application under test made: its cost is the product's cost. */
  APPLICATION,
  /** A call an LLM-as-judge check made to grade an output: the cost of evaluating. */
  JUDGE
}
