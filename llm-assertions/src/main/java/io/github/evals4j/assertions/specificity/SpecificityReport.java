package io.github.evals4j.assertions.specificity;

import java.util.List;

/**
 * The specificity of one output: the mean of its sentences' scores.
 *
 * @param sentences every scored sentence, in order
 * @param score the mean sentence score, 0 when there is no sentence
 */
public record SpecificityReport(List<SentenceSpecificity> sentences, double score) {

  public SpecificityReport {
    sentences = List.copyOf(sentences);
  }

  /** Concrete signals over all sentences. */
  public int concreteCount() {
    return sentences.stream().mapToInt(s -> s.concrete().size()).sum();
  }

  /** Vague signals over all sentences. */
  public int vagueCount() {
    return sentences.stream().mapToInt(s -> s.vague().size()).sum();
  }
}
