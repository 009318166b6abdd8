package io.github.evals4j.assertions.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the refusal check on a labeled corpus of realistic outputs (written
 * for these tests, including answers that use refusal-like words). Figures go to the README.
 */
class RefusalCorpus_Test {

  @Test
  void should_detect_refusals_with_high_precision_and_recall() throws IOException {
    LabeledCorpus.Score score = LabeledCorpus.score("/content/refusal-corpus.tsv", "refusal",
        Refusals.english().check());
    System.out.println(score.describe("refusal"));
    assertThat(score.cases()).isGreaterThanOrEqualTo(50);
    assertThat(score.precision()).as("precision; %s", score.misses()).isGreaterThanOrEqualTo(0.95);
    assertThat(score.recall()).as("recall; %s", score.misses()).isGreaterThanOrEqualTo(0.9);
  }
}
