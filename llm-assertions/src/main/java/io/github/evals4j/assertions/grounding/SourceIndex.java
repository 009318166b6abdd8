package io.github.evals4j.assertions.grounding;

import io.github.evals4j.assertions.text.Claims;
import io.github.evals4j.assertions.text.Vocabulary;
import io.github.evals4j.assertions.text.Words;
import java.util.Locale;

/**
 * Builds the key set of {@link Sources}: the claims of every source (scanned in source mode),
 * every word, word stem and adjacent word pair (for names, quotes and sentence support), every
 * identifier-like run with its dotted and hyphenated prefixes (so {@code payment-service} is
 * found in {@code payment-service-7f9c}), and HTML attributes (so {@code #checkout-btn} is found
 * in {@code id="checkout-btn"}). Three forward passes, each linear.
 */
final class SourceIndex {

  private static final int ATTRIBUTE_VALUE_LIMIT = 2_000;

  private final LongSet keys = new LongSet();

  LongSet keys() {
    return keys;
  }

  void add(String text) {
    Claims.index(text, claim -> {
      for (String key : claim.keys()) {
        keys.add(KeyHash.of(key));
      }
    });
    addWords(text);
    addIdentifierRuns(text);
    addAttributes(text);
  }

  private void addWords(String text) {
    String[] previous = {null};
    Words.forEach(text, 0, text.length(), (start, end) -> {
      String lower = Words.normalize(text.substring(start, end)).toLowerCase(Locale.ROOT);
      keys.add(KeyHash.of("w:", lower));
      if (lower.endsWith("'s")) {
        keys.add(KeyHash.of("w:", lower.substring(0, lower.length() - 2)));
      }
      keys.add(KeyHash.of("st:", Vocabulary.stem(lower)));
      if (previous[0] != null) {
        long h = KeyHash.update(KeyHash.start(), "b:", 0, 2);
        h = KeyHash.update(h, previous[0], 0, previous[0].length());
        h = KeyHash.update(h, ' ');
        keys.add(KeyHash.finish(KeyHash.update(h, lower, 0, lower.length())));
      }
      previous[0] = lower;
    });
  }

  private void addIdentifierRuns(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!(Words.isWordCodePoint(cp) || cp == '_')) {
        i += Character.charCount(cp);
        continue;
      }
      int end = Words.runEnd(text, i, n);
      long whole = KeyHash.update(KeyHash.start(), "i:", 0, 2);
      long segment = whole;
      for (int k = i; k < end; k++) {
        char c = text.charAt(k);
        if (c == '.' || c == '-') {
          keys.add(KeyHash.finish(whole));
          if (c == '.') {
            keys.add(KeyHash.finish(segment));
            segment = KeyHash.update(KeyHash.start(), "i:", 0, 2);
          } else {
            segment = KeyHash.update(segment, c);
          }
        } else {
          segment = KeyHash.update(segment, c);
        }
        whole = KeyHash.update(whole, c);
      }
      keys.add(KeyHash.finish(whole));
      keys.add(KeyHash.finish(segment));
      i = Math.max(end, i + 1);
    }
  }

  private void addAttributes(String text) {
    int n = text.length();
    for (int eq = text.indexOf('='); eq > 0 && eq + 1 < n; eq = text.indexOf('=', eq + 1)) {
      char quote = text.charAt(eq + 1);
      if (quote != '"' && quote != '\'') {
        continue;
      }
      int nameStart = eq;
      while (nameStart > 0 && eq - nameStart < 64 && isAttributeNameChar(text.charAt(nameStart - 1))) {
        nameStart--;
      }
      if (nameStart == eq) {
        continue;
      }
      int valueEnd = text.indexOf(quote, eq + 2);
      if (valueEnd < 0 || valueEnd - eq > ATTRIBUTE_VALUE_LIMIT) {
        continue;
      }
      String name = text.substring(nameStart, eq).toLowerCase(Locale.ROOT);
      String value = text.substring(eq + 2, valueEnd);
      keys.add(KeyHash.of("s:[" + name + "]"));
      keys.add(KeyHash.of("s:[" + name + "=" + value + "]"));
      if (name.equals("id")) {
        keys.add(KeyHash.of("s:#" + value.strip()));
      } else if (name.equals("class")) {
        for (String cls : value.strip().split("\\s+")) {
          if (!cls.isEmpty()) {
            keys.add(KeyHash.of("s:." + cls));
          }
        }
      }
      eq = valueEnd - 1;
    }
  }

  private static boolean isAttributeNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':';
  }
}
