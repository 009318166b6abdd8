package io.github.evals4j.aggregate;

import io.github.evals4j.check.Evidence;
import java.util.List;

/**
 * One failing result kept as an example for the report (the sample is capped per prompt version).
 * Every text is LLM output or derived from it: writers must escape it.
 *
 * @param caseId the case
 * @param repeat the repeat index
 * @param check the failed check
 * @param message the check's message (abbreviated)
 * @param outputExcerpt the output around the first evidence (abbreviated), empty if not given
 * @param evidence the first evidence spans (at most 5, texts abbreviated)
 */
public record FailingExample(
    String caseId, int repeat, String check, String message, String outputExcerpt,
    List<Evidence> evidence) {

  public FailingExample {
    message = message == null ? "" : message;
    outputExcerpt = outputExcerpt == null ? "" : outputExcerpt;
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
