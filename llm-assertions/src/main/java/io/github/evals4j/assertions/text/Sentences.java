package io.github.evals4j.assertions.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a text into sentences in one pass: at {@code . ! ? …} (and CJK {@code 。！？}) followed by
 * white space, and at every line break, because LLM outputs put one idea per bullet or line.
 * A period after a common abbreviation (e.g., Mr., vs.) or a single letter does not end a sentence.
 */
public final class Sentences {

  private static final Set<String> ABBREVIATIONS =
      Set.of("e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "inc", "ltd", "co", "approx",
          "no", "fig", "st", "jr", "sr", "cf", "al", "eg", "ie", "corp");

  private Sentences() {}

  /** One sentence: its trimmed span in the text. */
  public record Span(int start, int end) {}

  /** The sentences of {@code text}, trimmed, empty ones dropped. */
  public static List<Span> split(String text) {
    List<Span> spans = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        add(text, start, i, spans);
        start = i + 1;
      } else if (c == '。' || c == '！' || c == '？') {
        add(text, start, i + 1, spans);
        start = i + 1;
      } else if ((c == '.' || c == '!' || c == '?' || c == '…')
          && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)))
          && !(c == '.' && isAbbreviation(text, start, i))) {
        add(text, start, i + 1, spans);
        start = i + 1;
      }
    }
    add(text, start, n, spans);
    return spans;
  }

  /**
   * Whether the period at {@code dot} closes an abbreviation or an initial ("e.g.", "vs.", "J.")
   * rather than a sentence; looks back at most 8 characters, never before {@code from}. The claim
   * scanner asks the same question so that a name after "e.g." is not taken for a sentence start.
   */
  static boolean isAbbreviation(String text, int from, int dot) {
    int b = dot;
    while (b > from && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '.')
        && dot - b < 8) {
      b--;
    }
    if (b < dot && (b == from || !Character.isLetterOrDigit(text.charAt(b - 1)))) {
      String word = text.substring(b, dot).toLowerCase(Locale.ROOT);
      return word.length() == 1 || ABBREVIATIONS.contains(word);
    }
    return false;
  }

  private static void add(String text, int start, int end, List<Span> spans) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      spans.add(new Span(start, end));
    }
  }
}
