package io.github.evals4j.assertions.length;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.check.Evidence;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TextUnit_Test {

  private static List<String> units(TextUnit unit, String text) {
    return unit.spans(text).stream().map(Evidence::text).collect(Collectors.toList());
  }

  @Test
  void should_count_code_points_graphemes_and_utf16_units_of_emoji() {
    // GIVEN a family (ZWJ sequence of 7 code points), a flag (2 regional indicators), a thumbs-up
    // with a skin tone, a keycap, and e + combining acute
    String text = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"
        + "\uD83C\uDDEB\uD83C\uDDF7" + "\uD83D\uDC4D\uD83C\uDFFD" + "1\uFE0F\u20E3" + "e\u0301";
    // THEN
    assertThat(TextUnit.GRAPHEMES.count(text)).isEqualTo(5);
    assertThat(TextUnit.CODE_POINTS.count(text)).isEqualTo(7 + 2 + 2 + 3 + 2);
    assertThat(TextUnit.UTF16_UNITS.count(text)).isEqualTo(text.length()).isEqualTo(11 + 4 + 4 + 3 + 2);
  }

  @Test
  void should_keep_jdk17_grapheme_limits_documented() {
    // Devanagari conjunct "क्ष": Unicode 15.1 (rule GB9c) makes it one cluster; JDK 17's \X sees
    // two, JDKs with Unicode 15.1 (22 and later; checked on 25) see one
    int conjunct = Runtime.version().feature() >= 22 ? 1 : 2;
    assertThat(TextUnit.GRAPHEMES.count("\u0915\u094D\u0937")).isEqualTo(conjunct);
    // Hangul jamo compose into one syllable cluster; CRLF is one cluster
    assertThat(TextUnit.GRAPHEMES.count("\u1100\u1161\u11A8")).isEqualTo(1);
    assertThat(TextUnit.GRAPHEMES.count("a\r\nb")).isEqualTo(3);
  }

  @Test
  void should_count_whitespace_delimited_words_with_letters_or_digits() {
    assertThat(units(TextUnit.WORDS, "Don't over-engineer it \u2014 ship v2.1 today, e-mail us!"))
        .containsExactly("Don't", "over-engineer", "it", "ship", "v2.1", "today,", "e-mail", "us!");
    assertThat(TextUnit.WORDS.count("- * \u2014 ... 42")).isEqualTo(1);
  }

  @Test
  void should_count_each_han_and_hiragana_character_and_each_katakana_run_as_a_word() {
    // 東京 (2 Han) で (Hiragana) サーバー (one Katakana run) を (Hiragana) 起動 (2 Han)
    assertThat(units(TextUnit.WORDS, "東京でサーバーを起動。API\u30b5\u30fc\u30d0\u30fc OK"))
        .containsExactly("東", "京", "で", "サーバー", "を", "起", "動", "API", "サーバー", "OK");
    // Chinese: each character; Korean uses spaces between words
    assertThat(TextUnit.WORDS.count("我们发布了新版本")).isEqualTo(8);
    // 々 repeats the previous Han character and 〇 is a numeral: words, not punctuation
    assertThat(units(TextUnit.WORDS, "人々、二〇二四年")).containsExactly("人", "々", "二", "〇", "二", "四", "年");
    assertThat(TextUnit.WORDS.count("สวัสดี​ครับ")).isEqualTo(2);
    assertThat(TextUnit.WORDS.count("새 버전을 출시했습니다")).isEqualTo(3);
  }

  @Test
  void should_count_arabic_words_and_skip_bidi_marks() {
    assertThat(TextUnit.WORDS.count("\u200Fمرحبا بالعالم \u0661\u0662\u0663")).isEqualTo(3);
  }

  @Test
  void should_split_sentences_on_terminators_but_not_on_abbreviations_decimals_or_list_numbers() {
    String text = "Revenue grew 3.5% vs. last year. Dr. Smith agreed! Why? See e.g. the chart\u2026 "
        + "Done.";
    assertThat(units(TextUnit.SENTENCES, text)).containsExactly(
        "Revenue grew 3.5% vs. last year.", "Dr. Smith agreed!", "Why?",
        "See e.g. the chart\u2026", "Done.");
  }

  @Test
  void should_split_sentences_on_cjk_full_stops_list_items_and_blank_lines() {
    assertThat(units(TextUnit.SENTENCES, "今日は晴れ。明日は雨！"))
        .containsExactly("今日は晴れ。", "明日は雨！");
    assertThat(units(TextUnit.SENTENCES, "## Summary\n1. Fast startup\n2. Small jar\n\nThat is all"))
        .containsExactly("## Summary", "1. Fast startup", "2. Small jar", "That is all");
    assertThat(units(TextUnit.SENTENCES, "a line that wraps\nonto the next. Second one."))
        .containsExactly("a line that wraps\nonto the next.", "Second one.");
  }

  @Test
  void should_count_lines_including_blank_ones_but_not_a_final_break() {
    assertThat(TextUnit.LINES.count("a\r\nb\n\nc\n")).isEqualTo(4);
    assertThat(TextUnit.LINES.count("")).isZero();
    assertThat(TextUnit.LINES.count("one")).isEqualTo(1);
  }

  @Test
  void should_count_bullets_of_every_marker_but_not_rules_or_emphasis() {
    String text = "Intro\n- dash\n* star\n  + nested plus\n\u2022 dot\n1. one\n2) two\n---\n"
        + "**bold** text\n-not a bullet\n- \n10. ten";
    assertThat(units(TextUnit.BULLETS, text)).containsExactly(
        "- dash", "* star", "+ nested plus", "\u2022 dot", "1. one", "2) two", "10. ten");
  }

  @Test
  void should_find_hashtags_mentions_and_urls_like_x_does() {
    String text = "Launch day #Java21 #日本 with @evals4j_team! Mail me@example.com, see "
        + "https://example.com/a?b=1 and docs.example.org/start (file.py too)";
    assertThat(units(TextUnit.HASHTAGS, text)).containsExactly("#Java21", "#日本");
    assertThat(units(TextUnit.MENTIONS, text)).containsExactly("@evals4j_team");
    assertThat(units(TextUnit.URLS, text))
        // X links "file.py" (.py is Paraguay's domain): URLS counts what X would link, a known limit
        .containsExactly("https://example.com/a?b=1", "docs.example.org/start", "file.py");
  }

  @Test
  void should_find_entities_across_chunk_boundaries_of_long_texts() {
    // GIVEN more than two extraction chunks of text with a hashtag every 100 characters
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      sb.append("#tag").append(i).append(' ').append("x".repeat(90)).append(' ');
    }
    // THEN every hashtag is found once, at its own offset
    List<Evidence> spans = TextUnit.HASHTAGS.spans(sb.toString());
    assertThat(spans).hasSize(500);
    assertThat(spans.get(499).text()).isEqualTo("#tag499");
    assertThat(sb.substring(spans.get(499).start(), spans.get(499).end())).isEqualTo("#tag499");
  }
}
