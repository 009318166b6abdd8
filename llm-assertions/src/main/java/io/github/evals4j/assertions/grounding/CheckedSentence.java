package io.github.evals4j.assertions.grounding;

import java.util.List;

/**
 * The content-word support of one output sentence.
 *
 * @param start first UTF-16 index of the sentence
 * @param end last UTF-16 index, exclusive
 * @param contentWords the sentence's content words that are not part of a claim
 * @param missing the content words that no source contains (not even by stem)
 * @param supported whether the supported share reaches the configured minimum
 */
public record CheckedSentence(int start, int end, List<String> contentWords, List<String> missing,
    boolean supported) {

  public CheckedSentence {
    contentWords = List.copyOf(contentWords);
    missing = List.copyOf(missing);
  }

  /** The share of content words found in the sources, 1 when there are none. */
  public double support() {
    return contentWords.isEmpty() ? 1.0
        : (contentWords.size() - missing.size()) / (double) contentWords.size();
  }
}
