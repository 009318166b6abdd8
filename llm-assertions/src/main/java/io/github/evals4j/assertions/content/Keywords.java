package io.github.evals4j.assertions.content;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A set of keywords and how to match them: by default whole words ({@code cat} does not match
 * {@code category}), ignoring case, any run of whitespace between the words of a phrase, and
 * accents significant. Then require all of them or forbid every one.
 *
 * <pre>{@code
 * Check mentions = Keywords.of("refund", "30 days").required();
 * Check clean = Keywords.of("guarantee", "risk-free").forbidden();
 * Check cafe = Keywords.of("cafe").ignoringDiacritics().required(); // matches "Café"
 * }</pre>
 *
 * <p>Diacritics folding covers precomposed Latin, Greek and Cyrillic letters and any combining
 * marks; it does not expand ligatures or {@code ß}.
 */
public final class Keywords {

  private final List<String> keywords;
  private final boolean ignoreCase;
  private final boolean ignoreDiacritics;
  private final boolean wholeWords;
  private final List<Pattern> patterns;

  private Keywords(List<String> keywords, boolean ignoreCase, boolean ignoreDiacritics,
      boolean wholeWords) {
    this.keywords = keywords;
    this.ignoreCase = ignoreCase;
    this.ignoreDiacritics = ignoreDiacritics;
    this.wholeWords = wholeWords;
    List<Pattern> compiled = new ArrayList<>();
    for (String keyword : keywords) {
      compiled.add(pattern(keyword));
    }
    this.patterns = List.copyOf(compiled);
  }

  /** Keywords or phrases, each non-blank. */
  public static Keywords of(String... keywords) {
    Objects.requireNonNull(keywords, "keywords");
    List<String> list = new ArrayList<>();
    for (String k : keywords) {
      if (k == null || k.isBlank()) {
        throw new IllegalArgumentException("keywords must not be null or blank: " + list.size());
      }
      list.add(k.strip());
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("at least one keyword is needed");
    }
    return new Keywords(List.copyOf(list), true, false, true);
  }

  /** Case must match exactly. */
  public Keywords caseSensitive() {
    return new Keywords(keywords, false, ignoreDiacritics, wholeWords);
  }

  /** {@code e} matches {@code é}, {@code è}, {@code e}+combining accent, and the reverse. */
  public Keywords ignoringDiacritics() {
    return new Keywords(keywords, ignoreCase, true, wholeWords);
  }

  /** Also match inside words ({@code cat} in {@code category}). */
  public Keywords anywhereInWords() {
    return new Keywords(keywords, ignoreCase, ignoreDiacritics, false);
  }

  /** Passes when every keyword occurs; the evidence is each first occurrence. */
  public Check required() {
    return Check.of("keywords.required", this::evaluateRequired);
  }

  /** Passes when no keyword occurs; the evidence is every occurrence (up to 20 per keyword). */
  public Check forbidden() {
    return Check.of("keywords.forbidden", this::evaluateForbidden);
  }

  private CheckResult evaluateRequired(String output) {
    if (output == null) {
      return new CheckResult("keywords.required", false, 0, 1, Direction.AT_LEAST, List.of(),
          "output is null: none of " + quoted(keywords) + " can occur");
    }
    List<Evidence> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < keywords.size(); i++) {
      String keyword = keywords.get(i);
      Matches.Found f = Matches.find(output, patterns.get(i), Long.MAX_VALUE, 1, "keyword",
          "required keyword \"" + keyword + "\"");
      if (f.count == 0) {
        missing.add(keyword);
      } else {
        found.addAll(f.evidence);
      }
    }
    double share = (keywords.size() - missing.size()) / (double) keywords.size();
    String message = missing.isEmpty()
        ? "all " + keywords.size() + " required keywords found (" + options() + ")"
            + Matches.describe(output, found)
        : "missing " + missing.size() + " of " + keywords.size() + " required keywords ("
            + options() + "): " + quoted(missing);
    return new CheckResult("keywords.required", missing.isEmpty(), share, 1.0, Direction.AT_LEAST,
        found, message);
  }

  private CheckResult evaluateForbidden(String output) {
    if (output == null) {
      return new CheckResult("keywords.forbidden", false, 0, 0, Direction.AT_MOST, List.of(),
          "output is null: cannot tell whether it avoids " + quoted(keywords));
    }
    List<Evidence> found = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < keywords.size(); i++) {
      String keyword = keywords.get(i);
      Matches.Found f = Matches.find(output, patterns.get(i), Long.MAX_VALUE, Integer.MAX_VALUE,
          "forbidden-keyword", "forbidden keyword \"" + keyword + "\"");
      count += f.count;
      found.addAll(f.evidence);
    }
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    String message = count == 0
        ? "none of " + quoted(keywords) + " occurs (" + options() + ")"
        : count + " occurrence(s) of forbidden keywords (" + options() + "):"
            + Matches.describe(output, found);
    return new CheckResult("keywords.forbidden", count == 0, count, 0, Direction.AT_MOST, found,
        message);
  }

  private String options() {
    return (ignoreCase ? "ignoring case" : "case-sensitive")
        + (ignoreDiacritics ? ", ignoring diacritics" : "")
        + (wholeWords ? ", whole words" : ", inside words too");
  }

  private static String quoted(List<String> list) {
    StringBuilder sb = new StringBuilder();
    for (String s : list) {
      sb.append(sb.length() == 0 ? "" : ", ").append('"').append(s).append('"');
    }
    return sb.toString();
  }

  private Pattern pattern(String keyword) {
    StringBuilder regex = new StringBuilder();
    String source = ignoreDiacritics ? fold(keyword) : keyword;
    // scripts written without spaces have no word boundaries to respect ("東京" in "東京の")
    boolean boundedStart = wholeWords && !unspaced(source.codePointAt(0));
    boolean boundedEnd = wholeWords && !unspaced(source.codePointBefore(source.length()));
    if (boundedStart) {
      regex.append("(?<![\\p{L}\\p{N}\\p{M}_])");
    }
    boolean space = false;
    for (int i = 0; i < source.length(); ) {
      int cp = source.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        if (!space) {
          regex.append("[\\s\\p{Z}]+");
        }
        space = true;
        continue;
      }
      space = false;
      if (ignoreDiacritics) {
        regex.append(Diacritics.variantsClass(cp)).append("\\p{M}*");
      } else {
        regex.append(Pattern.quote(new String(Character.toChars(cp))));
      }
    }
    if (boundedEnd) {
      regex.append("(?![\\p{L}\\p{N}\\p{M}_])");
    }
    int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
    return Pattern.compile(regex.toString(), flags);
  }

  private static boolean unspaced(int cp) {
    if (Character.isIdeographic(cp)) {
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.THAI || script == Character.UnicodeScript.LAO
        || script == Character.UnicodeScript.KHMER || script == Character.UnicodeScript.MYANMAR;
  }

  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
  }

  /** Base letter → its precomposed variants, for the alphabets people type accents in. */
  static final class Diacritics {
    private static final Map<Integer, StringBuilder> VARIANTS = new HashMap<>();

    static {
      int[][] ranges = {{0x00C0, 0x024F}, {0x0370, 0x03FF}, {0x0400, 0x04FF}, {0x1E00, 0x1FFF}};
      for (int[] range : ranges) {
        for (int c = range[0]; c <= range[1]; c++) {
          if (!Character.isLetter(c)) {
            continue;
          }
          String base = fold(new String(Character.toChars(c)));
          if (base.codePointCount(0, base.length()) == 1 && base.codePointAt(0) != c) {
            VARIANTS.computeIfAbsent(base.codePointAt(0), k -> new StringBuilder())
                .appendCodePoint(c);
          }
        }
      }
    }

    private Diacritics() {}

    static String variantsClass(int base) {
      StringBuilder sb = new StringBuilder("[").append(escape(base));
      StringBuilder variants = VARIANTS.get(base);
      if (variants != null) {
        variants.codePoints().forEach(v -> sb.append(escape(v)));
      }
      return sb.append(']').toString();
    }

    private static String escape(int cp) {
      return Character.isLetterOrDigit(cp)
          ? new String(Character.toChars(cp))
          : String.format(Locale.ROOT, "\\x{%X}", cp);
    }
  }
}
