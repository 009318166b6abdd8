package io.github.evals4j.assertions.content;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which writing systems an output uses: the share of its letters in each Unicode script
 * ({@link Character.UnicodeScript}). This is script detection, not language detection: it tells
 * Japanese from Russian from English, not English from French (both Latin). Digits, punctuation
 * and emoji belong to no script and are not counted. No model, no data file, one linear pass.
 *
 * <pre>{@code
 * Check japanese = Scripts.writtenIn(0.9, UnicodeScript.HAN, UnicodeScript.HIRAGANA,
 *     UnicodeScript.KATAKANA);
 * Map<UnicodeScript, Integer> letters = Scripts.letterCounts("Hello 世界"); // LATIN=5, HAN=2
 * }</pre>
 */
public final class Scripts {

  private Scripts() {}

  /** Letters per script, most frequent first. */
  public static Map<UnicodeScript, Integer> letterCounts(String text) {
    EnumMap<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        UnicodeScript script = UnicodeScript.of(cp);
        if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
          counts.merge(script, 1, Integer::sum);
        }
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<UnicodeScript, Integer>comparingByValue().reversed())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            LinkedHashMap::new));
  }

  /**
   * Passes when at least {@code minShare} (0..1) of the output's letters are in one of {@code
   * scripts}; the evidence is the runs of letters in other scripts (up to 20).
   */
  public static Check writtenIn(double minShare, UnicodeScript... scripts) {
    if (!(minShare >= 0 && minShare <= 1)) {
      throw new IllegalArgumentException("minShare must be within 0..1, was " + minShare);
    }
    if (scripts.length == 0) {
      throw new IllegalArgumentException("at least one script is needed");
    }
    Set<UnicodeScript> expected = EnumSet.copyOf(Arrays.asList(scripts));
    return Check.of("content.script", output -> evaluate(output, minShare, expected));
  }

  private static CheckResult evaluate(String output, double minShare, Set<UnicodeScript> expected) {
    String wanted = expected.stream().map(Enum::name).collect(Collectors.joining("/"));
    if (output == null) {
      return new CheckResult("content.script", false, 0, minShare, Direction.AT_LEAST, List.of(),
          "output is null: no letters in " + wanted);
    }
    int letters = 0;
    int inScript = 0;
    List<Evidence> foreign = new ArrayList<>();
    int runStart = -1;
    int runEnd = -1;
    UnicodeScript runScript = null;
    int foreignRuns = 0;
    for (int i = 0; i < output.length(); ) {
      int cp = output.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (Character.isLetter(cp)) {
        UnicodeScript script = UnicodeScript.of(cp);
        if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
          letters++;
          boolean ok = expected.contains(script);
          if (ok) {
            inScript++;
          }
          if (!ok && runStart >= 0 && script == runScript) {
            runEnd = next;
          } else {
            if (runStart >= 0) {
              foreignRuns++;
              if (foreign.size() < Matches.MAX_EVIDENCE) {
                foreign.add(Matches.evidence(output, runStart, runEnd, "script",
                    "letters in " + runScript + ", not " + wanted));
              }
              runStart = -1;
            }
            if (!ok) {
              runStart = i;
              runEnd = next;
              runScript = script;
            }
          }
        }
      } else if (runStart >= 0 && !Character.isWhitespace(cp) && Character.getType(cp) != Character.NON_SPACING_MARK
          && !isWordPunctuation(cp)) {
        foreignRuns++;
        if (foreign.size() < Matches.MAX_EVIDENCE) {
          foreign.add(Matches.evidence(output, runStart, runEnd, "script",
              "letters in " + runScript + ", not " + wanted));
        }
        runStart = -1;
      }
      i = next;
    }
    if (runStart >= 0) {
      foreignRuns++;
      if (foreign.size() < Matches.MAX_EVIDENCE) {
        foreign.add(Matches.evidence(output, runStart, runEnd, "script",
            "letters in " + runScript + ", not " + wanted));
      }
    }
    if (letters == 0) {
      return new CheckResult("content.script", false, 0, minShare, Direction.AT_LEAST, List.of(),
          "the output has no letters, so none in " + wanted);
    }
    double share = inScript / (double) letters;
    boolean passed = share >= minShare;
    String message = String.format(java.util.Locale.ROOT,
        "%.1f%% of %d letters are in %s (minimum %.1f%%)", share * 100, letters, wanted,
        minShare * 100);
    if (!foreign.isEmpty()) {
      message += "; " + foreignRuns + " run(s) in other scripts"
          + (passed ? "" : ":" + Matches.describe(output, foreign));
    }
    return new CheckResult("content.script", passed, share, minShare, Direction.AT_LEAST,
        foreign, message);
  }

  private static boolean isWordPunctuation(int cp) {
    return cp == '\'' || cp == '\u2019' || cp == '-' || cp == '.' || cp == ',';
  }
}
