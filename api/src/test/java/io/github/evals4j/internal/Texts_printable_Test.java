package io.github.evals4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class Texts_printable_Test {

  @Test
  void should_show_escape_sequences_and_line_breaks_instead_of_printing_them() {
    // GIVEN an output that clears the screen, colours text, returns to the line start and starts
    // new lines with GitHub workflow commands
    String output = "ok\u001B[2J\u001B[31mred\r::add-mask::x\n::notice::pwned\r\n\tend";

    // WHEN
    String shown = Texts.printable(output);

    // THEN one line, every control visible
    assertThat(shown).isEqualTo(
        "ok\\u001B[2J\\u001B[31mred\\r::add-mask::x\\n::notice::pwned\\r\\n\\tend");
    assertThat(shown).doesNotContain("\u001B", "\r", "\n", "\t");
  }

  @Test
  void should_show_c1_del_bidi_and_invisible_format_characters_as_escapes() {
    // GIVEN C1 CSI, DEL, NEL, every bidi control, zero-width space, soft hyphen, BOM, word joiner,
    // a Unicode tag character (ASCII smuggling), line and paragraph separators, a lone surrogate
    String[] hidden = {"\u009B", "\u007F", "\u0085", "\u061C", "\u200E", "\u200F", "\u202A", "\u202B",
        "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200B", "\u00AD",
        "\uFEFF", "\u2060", "\uDB40\uDC41", "\u2028", "\u2029", "\uD800", "\uDC00"};

    for (String h : hidden) {
      // WHEN
      String shown = Texts.printable("a" + h + "b");

      // THEN
      StringBuilder expected = new StringBuilder("a");
      h.chars().forEach(c -> expected.append(String.format("\\u%04X", c)));
      assertThat(shown).as("U+%04X", (int) h.charAt(0)).isEqualTo(expected.append('b').toString());
    }
  }

  @Test
  void should_keep_every_visible_script_emoji_sequences_and_joiners() {
    // GIVEN CJK, Arabic, Hindi with a zero-width non-joiner, a family emoji (zero-width joiners),
    // a variation selector, ordinary colons and hashes
    String text = "總額為 420 歐元 المجموع क्\u200Dष की\u200Cमत \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"
        + " \u2764\uFE0F http://x.io a::b C# #1 ## heading";

    // THEN the same instance comes back
    assertThat(Texts.printable(text)).isSameAs(text);
  }

  @Test
  void should_never_let_text_issue_a_workflow_command() {
    assertThat(Texts.printable("::error file=x::pwned")).isEqualTo("\\u003A:error file=x::pwned");
    assertThat(Texts.printable(" \u3000 ::set-output name=x::1")).isEqualTo(" \u3000 \\u003A:set-output name=x::1");
    assertThat(Texts.printable("##[group]x and ##vso[task.setvariable variable=a]b"))
        .isEqualTo("\\u0023#[group]x and \\u0023#vso[task.setvariable variable=a]b");
    assertThat(Texts.printableLines("a\n::warning::b\r\n  ::stop-commands::t\n\tx: y"))
        .isEqualTo("a\n\\u003A:warning::b\r\n  \\u003A:stop-commands::t\n\tx: y");
    assertThat(Texts.printable("a ::b")).isEqualTo("a ::b");
  }

  @Test
  void should_abbreviate_what_it_shows_printable() {
    // WHEN
    String shown = Texts.abbreviate("\u001B[2J" + "x".repeat(300), 12);

    // THEN
    assertThat(shown).isEqualTo("\\u001B[2Jxx\u2026");
    assertThat(Texts.abbreviate("a\nb", 10)).isEqualTo("a\\nb");
    assertThat(Texts.abbreviate(null, 10)).isEqualTo("null");
  }

  @Test
  void should_escape_a_megabyte_of_hostile_text_in_linear_time() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (String unit : new String[] {"\u202E", "::", "##vso[", "\u001B[", "x", "\uD800"}) {
      String text = unit.repeat(1_000_000 / unit.length());
      long start = threads.getCurrentThreadCpuTime();
      String shown = Texts.printable(text);
      String abbreviated = Texts.abbreviate(text, 200);
      long cpu = threads.getCurrentThreadCpuTime() - start;
      assertThat(shown).doesNotContain("\u202E", "\u001B");
      assertThat(abbreviated.codePointCount(0, abbreviated.length())).isLessThanOrEqualTo(200);
      assertThat(cpu).as("CPU time for 1 MB of '%s'", unit).isLessThan(1_000_000_000L);
    }
  }
}
