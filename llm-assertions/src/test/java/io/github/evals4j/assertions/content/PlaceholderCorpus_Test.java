package io.github.evals4j.assertions.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the placeholder check on a labeled corpus of realistic outputs (written
 * for these tests, including finished outputs with brackets, braces and markers that are not
 * placeholders). Figures go to the README.
 */
class PlaceholderCorpus_Test {

  @Test
  void should_detect_unfinished_outputs_with_high_precision_and_recall() throws IOException {
    LabeledCorpus.Score score = LabeledCorpus.score("/content/placeholder-corpus.tsv", "unfinished",
        Placeholders.check());
    System.out.println(score.describe("placeholder"));
    assertThat(score.cases()).isGreaterThanOrEqualTo(40);
    assertThat(score.precision()).as("precision; %s", score.misses()).isGreaterThanOrEqualTo(0.9);
    assertThat(score.recall()).as("recall; %s", score.misses()).isGreaterThanOrEqualTo(0.9);
  }
}
