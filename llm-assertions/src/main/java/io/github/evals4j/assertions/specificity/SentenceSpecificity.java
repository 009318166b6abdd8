package io.github.evals4j.assertions.specificity;

import io.github.evals4j.check.Evidence;
import java.util.List;

/**
 * The specificity of one sentence: {@code score = c / (c + v + prior)} with {@code c} concrete
 * and {@code v} vague signals.
 *
 * @param start first UTF-16 index of the sentence
 * @param end last UTF-16 index, exclusive
 * @param concrete the concrete signals (numbers, dates, names, identifiers, domain terms…)
 * @param vague the vague phrases (hedges, weasel words, fillers, generic phrases, superlatives)
 * @param score the sentence's score in {@code [0, 1)}
 */
public record SentenceSpecificity(int start, int end, List<Evidence> concrete,
    List<Evidence> vague, double score) {

  public SentenceSpecificity {
    concrete = List.copyOf(concrete);
    vague = List.copyOf(vague);
  }
}
