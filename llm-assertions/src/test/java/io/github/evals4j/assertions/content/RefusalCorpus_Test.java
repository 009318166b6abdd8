package io.github.evals4j.assertions.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.assertions.Check;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the refusal check on a labeled corpus of realistic outputs (written
 * for these tests, including answers that use refusal-like words). Figures go to the README.
 */
class RefusalCorpus_Test {

  @Test
  void should_detect_refusals_with_high_precision_and_recall() throws IOException {
    List<String[]> cases = load();
    Check check = Refusals.english().check();
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    List<String> misses = new ArrayList<>();
    for (String[] c : cases) {
      boolean refusal = c[0].equals("refusal");
      boolean flagged = !check.evaluate(c[1]).passed();
      if (refusal && flagged) {
        tp++;
      } else if (!refusal && flagged) {
        fp++;
        misses.add("false positive: " + c[1]);
      } else if (refusal) {
        fn++;
        misses.add("missed: " + c[1]);
      } else {
        tn++;
      }
    }
    double precision = tp / (double) (tp + fp);
    double recall = tp / (double) (tp + fn);
    System.out.printf("refusal corpus: %d cases, precision %.3f, recall %.3f (tp %d, fp %d, fn %d,"
        + " tn %d)%n%s%n", cases.size(), precision, recall, tp, fp, fn, tn, misses);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
    assertThat(precision).as("precision; %s", misses).isGreaterThanOrEqualTo(0.95);
    assertThat(recall).as("recall; %s", misses).isGreaterThanOrEqualTo(0.9);
  }

  private static List<String[]> load() throws IOException {
    List<String[]> cases = new ArrayList<>();
    try (InputStream in = RefusalCorpus_Test.class.getResourceAsStream("/content/refusal-corpus.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        cases.add(new String[] {parts[0], parts[1].replace("\\n", "\n")});
      }
    }
    return cases;
  }
}
