package io.github.evals4j.aggregate;

import java.util.Set;

/**
 * How results are aggregated: which checks only inform, which measure hallucination and
 * specificity, and how much is kept for the report.
 *
 * <pre>{@code
 * AggregationOptions options = AggregationOptions.defaults().withInformational(Set.of("tone"));
 * }</pre>
 *
 * @param informationalChecks checks that are reported but never make a run fail
 * @param groundingPrefix checks whose name starts with this measure hallucination: a run
 *     hallucinated when one of them failed
 * @param specificityCheck checks whose name starts with this give the mean specificity
 * @param maxExamples failing examples kept per prompt version
 * @param maxListedCases the case limit: case outcomes kept per prompt version (100,000 by default),
 *     so that paired comparisons, regressions and per-case gates see every case of any realistic
 *     suite; beyond it they see the first cases only and every report says so. Unstable case ids
 *     are listed up to 50
 * @param excerptLength code points of output kept around the first evidence of an example
 */
public record AggregationOptions(
    Set<String> informationalChecks,
    String groundingPrefix,
    String specificityCheck,
    int maxExamples,
    int maxListedCases,
    int excerptLength) {

  public AggregationOptions {
    informationalChecks = informationalChecks == null ? Set.of() : Set.copyOf(informationalChecks);
    groundingPrefix = groundingPrefix == null ? "grounding" : groundingPrefix;
    specificityCheck = specificityCheck == null ? "specificity" : specificityCheck;
    if (maxExamples < 0 || maxListedCases < 0 || excerptLength < 16) {
      throw new IllegalArgumentException(
          "need maxExamples >= 0, maxListedCases >= 0, excerptLength >= 16");
    }
  }

  /** 10 examples, 50 listed unstable cases, 100,000 case outcomes, 300-code-point excerpts. */
  public static AggregationOptions defaults() {
    return new AggregationOptions(Set.of(), "grounding", "specificity", 10, 100_000, 300);
  }

  /** These options with {@code checks} informational. */
  public AggregationOptions withInformational(Set<String> checks) {
    return new AggregationOptions(
        checks, groundingPrefix, specificityCheck, maxExamples, maxListedCases, excerptLength);
  }

  /** These options keeping up to {@code n} failing examples per prompt version. */
  public AggregationOptions withMaxExamples(int n) {
    return new AggregationOptions(
        informationalChecks, groundingPrefix, specificityCheck, n, maxListedCases, excerptLength);
  }
}
