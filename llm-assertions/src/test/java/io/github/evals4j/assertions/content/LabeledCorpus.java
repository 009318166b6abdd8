package io.github.evals4j.assertions.content;

import io.github.evals4j.check.Check;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A labeled corpus of outputs (a TSV resource: label, tab, text with {@code \n} for line breaks;
 * {@code #} comments) scored against a check that should flag the outputs of one label.
 */
final class LabeledCorpus {

  /** How a check did on a corpus: counts, and each miss and false positive quoted. */
  record Score(int cases, int tp, int fp, int fn, int tn, List<String> misses) {

    double precision() {
      return tp / (double) (tp + fp);
    }

    double recall() {
      return tp / (double) (tp + fn);
    }

    String describe(String corpus) {
      return String.format("%s corpus: %d cases, precision %.3f, recall %.3f (tp %d, fp %d, fn %d,"
          + " tn %d)%n%s", corpus, cases, precision(), recall(), tp, fp, fn, tn, misses);
    }
  }

  private LabeledCorpus() {}

  /** Scores {@code check}: an output labeled {@code flaggedLabel} should fail it, others pass. */
  static Score score(String resource, String flaggedLabel, Check check) throws IOException {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    List<String> misses = new ArrayList<>();
    List<String[]> cases = load(resource);
    for (String[] c : cases) {
      boolean shouldFlag = c[0].equals(flaggedLabel);
      boolean flagged = !check.evaluate(c[1]).passed();
      if (shouldFlag && flagged) {
        tp++;
      } else if (!shouldFlag && flagged) {
        fp++;
        misses.add("false positive: " + c[1]);
      } else if (shouldFlag) {
        fn++;
        misses.add("missed: " + c[1]);
      } else {
        tn++;
      }
    }
    return new Score(cases.size(), tp, fp, fn, tn, misses);
  }

  private static List<String[]> load(String resource) throws IOException {
    List<String[]> cases = new ArrayList<>();
    try (InputStream in = LabeledCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("corpus resource not found: " + resource);
      }
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
