package io.github.evals4j.aggregate;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import io.github.evals4j.check.Evidence;
import java.util.List;

/**
 * One failing result kept as an example for the report (the sample is capped per prompt version,
 * one example per case and check). Every text is LLM output or derived from it: writers must
 * escape it.
 *
 * @param caseId the case
 * @param repeat the repeat index of the run shown
 * @param check the failed check
 * @param message the check's message (abbreviated)
 * @param outputExcerpt the output around the first evidence (abbreviated), empty if not given
 * @param evidence the first evidence spans (at most 5, texts abbreviated)
 * @param occurrences how many failing results of this case and check the example stands for (its
 *     other repeats are not listed again); at least 1
 */
public record FailingExample(
    String caseId, int repeat, String check, String message, String outputExcerpt,
    List<Evidence> evidence, @JsonSetter(nulls = Nulls.AS_EMPTY) int occurrences) {

  public FailingExample {
    message = message == null ? "" : message;
    outputExcerpt = outputExcerpt == null ? "" : outputExcerpt;
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    occurrences = Math.max(1, occurrences);
  }

  /** An example standing for one failing result. */
  public FailingExample(
      String caseId, int repeat, String check, String message, String outputExcerpt,
      List<Evidence> evidence) {
    this(caseId, repeat, check, message, outputExcerpt, evidence, 1);
  }

  /** This example standing for {@code n} failing results. */
  public FailingExample withOccurrences(int n) {
    return new FailingExample(caseId, repeat, check, message, outputExcerpt, evidence, n);
  }
}
