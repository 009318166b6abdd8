package io.github.evals4j.assertions.length;

import com.twitter.twittertext.Extractor;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The segmentation rules behind {@link TextUnit}; every one is a single linear pass. */
final class Segmenters {

  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  /**
   * twitter-text's hashtag and mention extraction copies the rest of its input after each match,
   * quadratic in the input's length, so it sees bounded chunks.
   */
  static final int ENTITY_CHUNK = 4096;

  private static final Set<String> ABBREVIATIONS = Set.of(
      "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "st", "no", "fig", "cf",
      "approx", "inc", "ltd", "jr", "sr", "al", "ca");

  private Segmenters() {}

  static void utf16Units(String text, SpanSink sink) {
    for (int i = 0; i < text.length(); i++) {
      sink.accept(i, i + 1);
    }
  }

  static void codePoints(String text, SpanSink sink) {
    for (int i = 0; i < text.length(); ) {
      int next = i + Character.charCount(text.codePointAt(i));
      sink.accept(i, next);
      i = next;
    }
  }

  static void graphemes(String text, SpanSink sink) {
    Matcher m = GRAPHEME.matcher(text);
    while (m.find()) {
      sink.accept(m.start(), m.end());
    }
  }

  // ---- words ----

  static void words(String text, SpanSink sink) {
    int n = text.length();
    int runStart = -1; // start of the current space-delimited run (non-CJK part)
    boolean runHasLetter = false;
    boolean inKatakana = false;
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (isWordSeparator(cp)) {
        if (runStart >= 0 && runHasLetter) {
          sink.accept(runStart, i);
        }
        runStart = -1;
        runHasLetter = false;
        inKatakana = false;
      } else if (isIdeographicWord(cp)) {
        if (runStart >= 0 && runHasLetter) {
          sink.accept(runStart, i);
        }
        runStart = -1;
        runHasLetter = false;
        inKatakana = false;
        sink.accept(i, next);
      } else {
        int type = Character.getType(cp);
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
        boolean katakana = mark ? inKatakana : isKatakana(cp);
        if (runStart >= 0 && katakana != inKatakana) {
          // a Katakana run inside other letters ("APIサーバー") is a word of its own
          if (runHasLetter) {
            sink.accept(runStart, i);
          }
          runStart = -1;
          runHasLetter = false;
        }
        if (runStart < 0) {
          runStart = i;
          inKatakana = katakana;
        }
        runHasLetter |= Character.isLetterOrDigit(cp);
      }
      i = next;
    }
    if (runStart >= 0 && runHasLetter) {
      sink.accept(runStart, n);
    }
  }

  private static boolean isWordSeparator(int cp) {
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || cp == 0x200B // zero-width space, a word separator in Thai or Khmer text
        // CJK symbols and punctuation, but not 々 (repeats a Han character) or 〇 (zero)
        || (cp >= 0x3000 && cp <= 0x303F && !Character.isLetter(cp)
            && Character.getType(cp) != Character.LETTER_NUMBER)
        || (cp >= 0xFF01 && cp <= 0xFF0F)
        || (cp >= 0xFF1A && cp <= 0xFF20)
        || (cp >= 0xFF3B && cp <= 0xFF40)
        || (cp >= 0xFF5B && cp <= 0xFF65);
  }

  /** Scripts written without spaces whose every character is counted as a word. */
  private static boolean isIdeographicWord(int cp) {
    if (cp < 0x2E80) {
      return false;
    }
    if (Character.isIdeographic(cp) || cp == 0x3005) {
      return true;
    }
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA;
  }

  private static boolean isKatakana(int cp) {
    if (cp < 0x3000) {
      return false;
    }
    return cp == 0x30FC // prolonged sound mark, script "Common", part of Katakana words
        || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA;
  }

  // ---- sentences ----

  static void sentences(String text, SpanSink sink) {
    int n = text.length();
    int start = -1; // first non-space of the current sentence
    int lastContentEnd = -1;
    boolean hasContent = false;
    int lineStart = 0;
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
        int after = cp == '\r' && next < n && text.charAt(next) == '\n' ? next + 1 : next;
        if (start >= 0 && endsSentenceAtLineBreak(text, lineStart, after)) {
          if (hasContent) {
            sink.accept(start, lastContentEnd);
          }
          start = -1;
          hasContent = false;
        }
        lineStart = after;
        i = after;
        continue;
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        i = next;
        continue;
      }
      if (start < 0) {
        start = i;
      }
      lastContentEnd = next;
      hasContent |= Character.isLetterOrDigit(cp);
      if (cp == '\u3002' || cp == '\uFF01' || cp == '\uFF1F' || cp == '\uFF61') {
        int end = skipClosers(text, next);
        if (hasContent) {
          sink.accept(start, end);
        }
        start = -1;
        hasContent = false;
        i = end;
        continue;
      }
      if (isTerminator(cp)) {
        int end = skipTerminators(text, next);
        end = skipClosers(text, end);
        boolean atBoundary = end >= n || Character.isWhitespace(text.codePointAt(end));
        if (atBoundary && !(cp == '.' && end == next && isNonFinalPeriod(text, lineStart, i))) {
          if (hasContent) {
            sink.accept(start, end);
          }
          start = -1;
          hasContent = false;
        } else {
          lastContentEnd = end;
        }
        i = end;
        continue;
      }
      i = next;
    }
    if (start >= 0 && hasContent) {
      sink.accept(start, lastContentEnd);
    }
  }

  private static boolean isTerminator(int cp) {
    return cp == '.' || cp == '!' || cp == '?' || cp == '\u2026' || cp == '\u203C'
        || cp == '\u2047' || cp == '\u2048' || cp == '\u2049';
  }

  private static int skipTerminators(String text, int i) {
    while (i < text.length() && isTerminator(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipClosers(String text, int i) {
    while (i < text.length() && "\"')]}\u201D\u2019\u00BB\u300D\u300F\uFF09*_".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /** "e.g.", "Dr.", an initial ("J."), or a list number ("2.") do not end a sentence. */
  private static boolean isNonFinalPeriod(String text, int lineStart, int dot) {
    int w = dot;
    while (w > lineStart && !Character.isWhitespace(text.charAt(w - 1)) && text.charAt(w - 1) != '(') {
      w--;
    }
    if (w == dot) {
      return false;
    }
    String word = text.substring(w, dot);
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true;
    }
    if (isBlank(text, lineStart, w) && word.chars().allMatch(Character::isDigit) && word.length() <= 3) {
      return true;
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  /** A line break ends a sentence before a blank line, and around list items and headings. */
  private static boolean endsSentenceAtLineBreak(String text, int lineStart, int nextLineStart) {
    if (isListItemOrHeading(text, lineStart)) {
      return true;
    }
    int j = nextLineStart;
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j++;
    }
    if (j >= text.length()) {
      return true;
    }
    char c = text.charAt(j);
    return c == '\n' || c == '\r' || isListItemOrHeading(text, nextLineStart);
  }

  private static boolean isListItemOrHeading(String text, int lineStart) {
    int j = skipIndent(text, lineStart);
    return (j < text.length() && text.charAt(j) == '#') || bulletContentStart(text, j) >= 0;
  }

  private static boolean isBlank(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // ---- lines and bullets ----

  static void lines(String text, SpanSink sink) {
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
        sink.accept(start, i);
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < n) {
      sink.accept(start, n);
    }
  }

  static void bullets(String text, SpanSink sink) {
    lines(text, (start, end) -> {
      int marker = skipIndent(text, start);
      int content = bulletContentStart(text, marker);
      if (content >= 0 && content < end && hasLetterOrDigit(text, content, end)) {
        sink.accept(marker, trimEnd(text, content, end));
      }
    });
  }

  private static int skipIndent(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Where a list item's text starts after its marker, or -1 if {@code i} starts no marker. */
  static int bulletContentStart(String text, int i) {
    int n = text.length();
    if (i >= n) {
      return -1;
    }
    char c = text.charAt(i);
    int after;
    if ("-*+\u2022\u2023\u25E6\u25AA\u2043".indexOf(c) >= 0) {
      after = i + 1;
    } else if (c >= '0' && c <= '9') {
      int j = i;
      while (j < n && j - i < 3 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
        j++;
      }
      if (j >= n || (text.charAt(j) != '.' && text.charAt(j) != ')')) {
        return -1;
      }
      after = j + 1;
    } else {
      return -1;
    }
    if (after >= n || (text.charAt(after) != ' ' && text.charAt(after) != '\t')) {
      return -1;
    }
    return skipIndent(text, after);
  }

  private static boolean hasLetterOrDigit(String text, int from, int to) {
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private static int trimEnd(String text, int from, int end) {
    while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  // ---- hashtags, mentions (twitter-text), URLs (XUrls, twitter-text's rules in linear time) ----

  static void hashtags(String text, SpanSink sink) {
    entities(text, sink, "#\uFF03",
        (extractor, token) -> extractor.extractHashtagsWithIndices(token));
  }

  static void mentions(String text, SpanSink sink) {
    entities(text, sink, "@\uFF20",
        (extractor, token) -> extractor.extractMentionedScreennamesWithIndices(token));
  }

  static void urls(String text, SpanSink sink) {
    XUrls.find(text, sink);
  }

  /**
   * twitter-text's extractor, except that its URL search (which a hashtag search runs too, to drop
   * hashtags inside URLs) is {@link XUrls}: twitter-text's own is super-linear in the length of a
   * run of dotted labels.
   */
  private static final class LinearExtractor extends Extractor {
    @Override
    public List<Entity> extractURLsWithIndices(String text) {
      List<Entity> urls = new java.util.ArrayList<>();
      if (text != null) {
        XUrls.find(text, (s, e) -> urls.add(
            new Entity(s, e, text.substring(s, e), Entity.Type.URL)));
      }
      return urls;
    }
  }

  /**
   * Runs twitter-text only on the whitespace-delimited tokens that hold a trigger character (no
   * entity spans whitespace): twitter-text alone is quadratic on long texts and slow on prose,
   * this is linear. A token longer than {@link #ENTITY_CHUNK} is cut into chunks.
   */
  private static void entities(
      String text,
      SpanSink sink,
      String triggers,
      BiFunction<Extractor, String, List<Extractor.Entity>> extract) {
    Extractor extractor = new LinearExtractor();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      boolean candidate = false;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        candidate |= triggers.indexOf(text.charAt(i)) >= 0;
        i++;
      }
      if (candidate) {
        for (int from = start; from < i; ) {
          int to = chunkEnd(text, from, i);
          for (Extractor.Entity e : extract.apply(extractor, text.substring(from, to))) {
            sink.accept(from + e.getStart(), from + e.getEnd());
          }
          from = to;
        }
      }
    }
  }

  static int chunkEnd(String text, int from, int tokenEnd) {
    if (tokenEnd - from <= ENTITY_CHUNK) {
      return tokenEnd;
    }
    int cut = from + ENTITY_CHUNK;
    if (Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return cut;
  }
}
