package io.github.evals4j.assertions.length;

import io.github.evals4j.check.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a length check counts. Each unit is defined precisely (see docs/assertions/length.md),
 * counted in one linear pass, and reported as spans so a failure can quote where a limit is
 * crossed.
 *
 * <pre>{@code
 * int words = TextUnit.WORDS.count("Ship it today. 今日は晴れ"); // 3 + 5 = 8
 * }</pre>
 */
public enum TextUnit {
  /** Java {@code char}s (UTF-16 code units): what {@code String.length()} says. Only if asked. */
  UTF16_UNITS("utf16", "UTF-16 unit", "UTF-16 units", Segmenters::utf16Units),
  /** Unicode code points; the default meaning of "characters" (an emoji counts 1 or more). */
  CODE_POINTS("characters", "character", "characters", Segmenters::codePoints),
  /**
   * Extended grapheme clusters (Unicode UAX #29, Java regex {@code \X}): what a reader sees as one
   * character, e.g. a family emoji, a flag, or {@code e} plus a combining accent.
   */
  GRAPHEMES("graphemes", "grapheme", "graphemes", Segmenters::graphemes),
  /**
   * Words: whitespace-delimited runs holding a letter or digit; each Han or Hiragana character is
   * one word, and a run of Katakana is one word (UAX #29, rule WB13).
   */
  WORDS("words", "word", "words", Segmenters::words),
  /** Sentences: ended by {@code . ! ? …} before a space, by {@code 。！？}, or by a paragraph break. */
  SENTENCES("sentences", "sentence", "sentences", Segmenters::sentences),
  /** Lines, including blank ones; a final line break does not start another line. */
  LINES("lines", "line", "lines", Segmenters::lines),
  /** List items: lines starting with {@code -}, {@code *}, {@code +}, {@code •}, or {@code 1.}/{@code 1)}. */
  BULLETS("bullets", "bullet", "bullets", Segmenters::bullets),
  /** Hashtags as X (twitter-text) recognises them, including non-Latin ones ({@code #日本}). */
  HASHTAGS("hashtags", "hashtag", "hashtags", Segmenters::hashtags),
  /** {@code @mentions} as X (twitter-text) recognises them; e-mail addresses are not mentions. */
  MENTIONS("mentions", "mention", "mentions", Segmenters::mentions),
  /** URLs as X (twitter-text) recognises them, with or without a scheme ({@code example.com}). */
  URLS("urls", "URL", "URLs", Segmenters::urls);

  private final String key;
  private final String singular;
  private final String plural;
  private final Segmenter segmenter;

  TextUnit(String key, String singular, String plural, Segmenter segmenter) {
    this.key = key;
    this.singular = singular;
    this.plural = plural;
    this.segmenter = segmenter;
  }

  /** Counts the units of {@code text}. */
  public int count(String text) {
    Objects.requireNonNull(text, "text");
    int[] n = {0};
    segmenter.segment(text, (s, e) -> n[0]++);
    return n[0];
  }

  /**
   * The units of {@code text} as spans (kind: this unit's name), to see what a rule counts. Meant
   * for inspection: a 10 MB text gives millions of spans, while {@link #count} allocates nothing.
   */
  public List<Evidence> spans(String text) {
    Objects.requireNonNull(text, "text");
    List<Evidence> spans = new ArrayList<>();
    segmenter.segment(text, (s, e) -> spans.add(Evidence.of(text, s, e, singular, "")));
    return spans;
  }

  void segment(String text, SpanSink sink) {
    segmenter.segment(text, sink);
  }

  /** The short name used in check names, e.g. {@code length.words.max}. */
  public String key() {
    return key;
  }

  String label(long count) {
    return count + " " + (count == 1 ? singular : plural);
  }

  String singular() {
    return singular;
  }

  String plural() {
    return plural;
  }

  @FunctionalInterface
  interface Segmenter {
    void segment(String text, SpanSink sink);
  }
}
