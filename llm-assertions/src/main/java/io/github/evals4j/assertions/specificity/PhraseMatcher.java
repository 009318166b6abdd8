package io.github.evals4j.assertions.specificity;

import io.github.evals4j.assertions.text.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds whole-word phrases in a word sequence: phrases are grouped by their first word, so each
 * position costs one map lookup plus a comparison of the few phrases starting there (bounded by
 * the lexicon, not by the text).
 */
final class PhraseMatcher<T> {

  private final Map<String, List<Entry<T>>> byFirstWord = new HashMap<>();

  private record Entry<T>(String[] words, T tag) {}

  /** One match: word indexes {@code [from, to)} and the phrase's tag. */
  record Match<T>(int from, int to, T tag) {}

  void add(String phrase, T tag) {
    String[] words = words(phrase).toArray(String[]::new);
    if (words.length > 0) {
      byFirstWord.computeIfAbsent(words[0], w -> new ArrayList<>()).add(new Entry<>(words, tag));
    }
  }

  /** Longest, leftmost, non-overlapping matches in {@code words} (lower case). */
  List<Match<T>> find(List<String> words) {
    List<Match<T>> matches = new ArrayList<>();
    int k = 0;
    while (k < words.size()) {
      List<Entry<T>> candidates = byFirstWord.get(words.get(k));
      Entry<T> best = null;
      if (candidates != null) {
        for (Entry<T> e : candidates) {
          if ((best == null || e.words.length > best.words.length) && matchesAt(words, k, e.words)) {
            best = e;
          }
        }
      }
      if (best != null) {
        matches.add(new Match<>(k, k + best.words.length, best.tag));
        k += best.words.length;
      } else {
        k++;
      }
    }
    return matches;
  }

  private static boolean matchesAt(List<String> words, int k, String[] phrase) {
    if (k + phrase.length > words.size()) {
      return false;
    }
    for (int p = 0; p < phrase.length; p++) {
      if (!words.get(k + p).equals(phrase[p])) {
        return false;
      }
    }
    return true;
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Words.forEach(text, 0, text.length(),
        (a, b) -> words.add(Words.normalize(text.substring(a, b)).toLowerCase(Locale.ROOT)));
    return words;
  }
}
