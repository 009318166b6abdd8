package io.github.evals4j.gate;

/** The outcome of one gate. */
public enum GateStatus {
  /** Within its threshold. */
  PASSED,
  /** Beyond its threshold: the build fails. */
  FAILED,
  /** The value is unknown (e.g. the cost of an unpriced model): reported, not failing unless asked. */
  UNKNOWN,
  /** Nothing to judge (e.g. no grounding check ran, no baseline). */
  NOT_APPLICABLE
}
