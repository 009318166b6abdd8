package io.github.evals4j.assertions.grounding;

import io.github.evals4j.check.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the grounding check found in one output: each claim with its verdict, each checked
 * sentence with its support, and the score.
 *
 * @param claims every claim of the output (ignored kinds left out), in order
 * @param sentences the sentences with enough content words to be judged, in order
 * @param score supported claims and sentences over all claims and judged sentences; 1 when there
 *     is nothing to check
 */
public record GroundingReport(List<CheckedClaim> claims, List<CheckedSentence> sentences,
    double score) {

  public GroundingReport {
    claims = List.copyOf(claims);
    sentences = List.copyOf(sentences);
  }

  /** The claims the sources do not support. */
  public List<CheckedClaim> unsupportedClaims() {
    return claims.stream().filter(c -> !c.supported()).toList();
  }

  /** The judged sentences whose content words the sources do not support enough. */
  public List<CheckedSentence> unsupportedSentences() {
    return sentences.stream().filter(s -> !s.supported()).toList();
  }

  /** Claims plus judged sentences: the denominator of the score. */
  public int checkedCount() {
    return claims.size() + sentences.size();
  }

  /** Supported claims plus supported sentences: the numerator of the score. */
  public int supportedCount() {
    return checkedCount() - unsupportedClaims().size() - unsupportedSentences().size();
  }

  /** Each unsupported claim and sentence as evidence, in order of position. */
  public List<Evidence> evidence(String output) {
    List<Evidence> evidence = new ArrayList<>();
    for (CheckedClaim c : claims) {
      if (!c.supported()) {
        evidence.add(Evidence.of(output, c.claim().start(), c.claim().end(),
            c.claim().kind().label(), c.reason()));
      }
    }
    for (CheckedSentence s : sentences) {
      if (!s.supported()) {
        evidence.add(Evidence.of(output, s.start(), s.end(), "sentence",
            String.format(java.util.Locale.ROOT,
                "only %d of %d content words appear in the sources; missing: %s",
                s.contentWords().size() - s.missing().size(), s.contentWords().size(),
                String.join(", ", s.missing()))));
      }
    }
    evidence.sort(java.util.Comparator.comparingInt(Evidence::start));
    return evidence;
  }
}
