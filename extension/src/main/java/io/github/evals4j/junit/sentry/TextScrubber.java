package io.github.evals4j.junit.sentry;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes text safe to send to Sentry: e-mail addresses, bearer tokens and API-key-like strings are
 * replaced by a marker, and the text is cut to a maximum length. Every pattern is a run of one
 * character class after a fixed prefix (no nested quantifiers): linear time, even on huge input.
 *
 * <pre>{@code
 * TextScrubber.DEFAULT.scrub("mail ann@example.com, key sk-abc123def456ghi789", 200)
 *   // "mail [email], key [api-key]"
 * }</pre>
 */
public final class TextScrubber {

  /** The default rules. */
  public static final TextScrubber DEFAULT = new TextScrubber();

  /**
   * A pattern and its replacement. {@code hints}: strings of which at least one occurs in any text
   * the pattern can match (lower-case when {@code ignoreCase}: the pattern is ASCII
   * case-insensitive); most text holds none, and looking for them is far cheaper than running the
   * pattern, which per test adds up to the larger part of the extension's cost on the test thread.
   */
  private record Rule(Pattern pattern, String replacement, boolean ignoreCase, String... hints) {

    String apply(String s, String lower) {
      String haystack = ignoreCase ? lower : s;
      for (String h : hints) {
        if (haystack.contains(h)) {
          return pattern.matcher(s).replaceAll(replacement);
        }
      }
      return s;
    }
  }

  // A token must contain a digit (or base64 padding): "the bearer instrument" and "basic
  // functionality" are prose. The lookahead fixes the minimum length; the runs after it are
  // single character classes, so matching stays linear.
  private static final List<Rule> RULES = List.of(
      new Rule(Pattern.compile(
          "(?i)\\bbearer\\s+(?=[A-Za-z0-9._~+/=-]{8,})[A-Za-z._~-]*[0-9+/=][A-Za-z0-9._~+/=-]*"),
          "Bearer [token]", true, "bearer"),
      new Rule(Pattern.compile(
          "(?i)\\bbasic\\s+(?=[A-Za-z0-9+/=]{12,})[A-Za-z]*[0-9+/=][A-Za-z0-9+/=]*"),
          "Basic [token]", true, "basic"),
      new Rule(Pattern.compile("\\b(?:sk|pk|rk)-(?=[A-Za-z0-9_-]{12,})[A-Za-z_-]*[0-9][A-Za-z0-9_-]*"),
          "[api-key]", false, "k-"),
      new Rule(Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"), "[api-key]", false, "AKIA"),
      new Rule(Pattern.compile("\\bAIza[0-9A-Za-z_-]{30,}"), "[api-key]", false, "AIza"),
      new Rule(Pattern.compile("\\b(?:ghp|gho|ghs|ghu|github_pat)_[A-Za-z0-9_]{20,}"), "[api-key]",
          false, "gh"),
      new Rule(Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"), "[api-key]", false, "xox"),
      new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
          "[jwt]", false, "eyJ"),
      new Rule(Pattern.compile(
          "(?i)\\b(api[_-]?key|secret|password|passwd|access[_-]?token|token)(\"?\\s*[:=]\\s*\"?)[^\\s\"',;]{4,}"),
          "$1$2[redacted]", true, "api", "secret", "passw", "access", "token"),
      new Rule(Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}"),
          "[email]", false, "@"));

  private TextScrubber() {}

  /** {@code text} scrubbed and cut to at most {@code max} chars; null stays null. */
  public String scrub(String text, int max) {
    if (text == null) {
      return null;
    }
    // Scrub before cutting would scan megabytes for a 200-char result; cut generously first so a
    // secret at the cut is still recognised, then cut exactly.
    String s = text.length() > 4L * max + 256 ? text.substring(0, (int) (4L * max + 256)) : text;
    return cut(applyRules(s), max);
  }

  /** {@code text} scrubbed, not cut (for whole reports). */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    return applyRules(text);
  }

  private static String applyRules(String text) {
    String s = text;
    // Lower-cased only for the hints; ASCII-only case folding is all the patterns do, and any
    // other character folding to ASCII can only make a hint match more often, never less.
    String lower = s.toLowerCase(Locale.ROOT);
    for (Rule r : RULES) {
      String next = r.apply(s, lower);
      if (next != s) { // replaceAll returns its input when nothing matched
        s = next;
        lower = s.toLowerCase(Locale.ROOT);
      }
    }
    return s;
  }

  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Math.max(0, max - 1);
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "\u2026";
  }
}
