package io.github.evals4j.assertions.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaretExcerptTest {

  private static final String NL = System.lineSeparator();

  @Test
  void should_put_the_caret_under_the_column() {
    assertThat(CaretExcerpt.render("ab\n[1, 2,]", 8, 9, ""))
        .isEqualTo("2 | [1, 2,]" + NL + "  |      ^");
  }

  @Test
  void should_widen_the_padding_for_wide_characters_and_keep_tabs() {
    String text = "\t\"日本\": x";
    int x = text.indexOf('x');
    assertThat(CaretExcerpt.render(text, x, x + 1, ""))
        .isEqualTo("1 | \t\"日本\": x" + NL + "  | \t        ^");
  }

  @Test
  void should_count_an_emoji_as_one_column_but_two_cells() {
    String text = "[\"😀\", x]";
    int x = text.indexOf('x');
    assertThat(CaretExcerpt.position(text, x)).isEqualTo("line 1, column 7");
    assertThat(CaretExcerpt.render(text, x, x + 1, ""))
        .endsWith("  |        ^");
  }

  @Test
  void should_cut_long_lines_to_a_window_around_the_span() {
    String text = "x".repeat(10_000) + "!" + "y".repeat(10_000);
    String rendered = CaretExcerpt.render(text, 10_000, 10_001, "");
    assertThat(rendered).hasSizeLessThan(250).contains("\u2026" + "x".repeat(40) + "!");
    assertThat(rendered.lines().skip(1).findFirst().orElseThrow()).endsWith(" ".repeat(41) + "^");
  }

  @Test
  void should_point_past_the_end_of_a_truncated_text_and_strip_crlf() {
    assertThat(CaretExcerpt.render("{\r\n\"a\": [1", 10, 10, ""))
        .isEqualTo("2 | \"a\": [1" + NL + "  |        ^");
  }

  @Test
  void should_show_control_characters_and_lone_surrogates_visibly() {
    assertThat(CaretExcerpt.render("[\"a\u0001\ud800\"]", 3, 4, "")).startsWith("1 | [\"a\\u0001\\uD800\"]");
  }

  @Test
  void should_show_a_bidi_override_as_an_escape_with_carets_under_all_of_it() {
    assertThat(CaretExcerpt.render("[\"\u202Eab\"]", 2, 3, ""))
        .isEqualTo("1 | [\"\\u202Eab\"]" + NL + "  |   ^^^^^^");
  }
}
