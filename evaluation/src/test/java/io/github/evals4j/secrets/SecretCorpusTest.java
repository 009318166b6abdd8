package io.github.evals4j.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The scrubber against {@code secrets/corpus.tsv}: secret shapes that must not survive (cloud,
 * code hosting, chat, payments and AI vendors' keys, JWTs, private key blocks, URL credentials,
 * {@code key=value} pairs in every naming style and quoting, Authorization headers) and
 * look-alikes that must come out unchanged (UUIDs, git SHAs, hashes, base64 images, unsigned
 * JWT-like ids, versions, model names, token counts, code, prose). Recall and false positives are
 * printed for the README; the test demands all of one and none of the other.
 */
class SecretCorpusTest {

  private static final char OPEN = '\u27E6';
  private static final char CLOSE = '\u27E7';

  record Row(String kind, String label, String text) {}

  static List<Row> corpus() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = SecretCorpusTest.class.getResourceAsStream("/secrets/corpus.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", 3);
        rows.add(new Row(cols[0], cols[1], unescape(cols[2])));
      }
    }
    return rows;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char d = s.charAt(++i);
        out.append(d == 'n' ? '\n' : d == 't' ? '\t' : d);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Test
  void should_replace_every_secret_of_the_corpus_and_keep_every_look_alike() throws IOException {
    // GIVEN
    List<Row> rows = corpus();
    List<String> missed = new ArrayList<>();
    List<String> damaged = new ArrayList<>();
    int secrets = 0;
    int lookAlikes = 0;

    // WHEN
    for (Row row : rows) {
      if (row.kind().equals("leak")) {
        secrets++;
        int open = row.text().indexOf(OPEN);
        int close = row.text().indexOf(CLOSE);
        String before = row.text().substring(0, open);
        String secret = row.text().substring(open + 1, close);
        String after = row.text().substring(close + 1);
        String out = TextScrubber.DEFAULT.scrub(before + secret + after);
        // the text around the secret stays (a header's scheme may change case: "Bearer")
        boolean kept = out.toLowerCase(Locale.ROOT).startsWith(before.toLowerCase(Locale.ROOT))
            && out.endsWith(after) && out.length() >= before.length() + after.length();
        String middle = kept ? out.substring(before.length(), out.length() - after.length()) : out;
        if (!kept || middle.contains(secret) || !middle.matches("(?s).*\\[[a-z-]+].*")) {
          missed.add(row.label() + ": " + out);
        }
      } else {
        lookAlikes++;
        String out = TextScrubber.DEFAULT.scrub(row.text());
        if (!out.equals(row.text())) {
          damaged.add(row.label() + ": " + out);
        }
      }
    }

    // THEN
    System.out.printf(Locale.ROOT, "secret corpus: recall %d/%d (%.1f %%), false positives %d/%d%n",
        secrets - missed.size(), secrets, 100.0 * (secrets - missed.size()) / secrets,
        damaged.size(), lookAlikes);
    assertThat(secrets).isGreaterThanOrEqualTo(50);
    assertThat(lookAlikes).isGreaterThanOrEqualTo(50);
    assertThat(missed).as("secrets that survived").isEmpty();
    assertThat(damaged).as("look-alikes that were changed").isEmpty();
  }

  @Test
  void should_be_idempotent_on_the_corpus() throws IOException {
    for (Row row : corpus()) {
      String text = row.text().replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
      String once = TextScrubber.DEFAULT.scrub(text);
      assertThat(TextScrubber.DEFAULT.scrub(once)).as(row.label()).isEqualTo(once);
    }
  }
}
