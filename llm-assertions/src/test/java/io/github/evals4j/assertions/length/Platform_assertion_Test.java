package io.github.evals4j.assertions.length;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import org.junit.jupiter.api.Test;

class Platform_assertion_Test {

  @Test
  void should_weigh_x_posts_like_twitter_text() {
    // a URL weighs 23 whatever its length, CJK and emoji weigh 2
    org.assertj.core.api.Assertions.assertThat(LengthChecks.xWeightedLength("https://example.com/" + "a".repeat(200))).isEqualTo(23);
    org.assertj.core.api.Assertions.assertThat(LengthChecks.xWeightedLength("日本語")).isEqualTo(6);
    org.assertj.core.api.Assertions.assertThat(LengthChecks.xWeightedLength("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"))
        .isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(LengthChecks.xWeightedLength("caf\u00e9")).isEqualTo(4);
  }

  @Test
  void should_pass_when_a_post_fits_x_even_with_a_long_url() {
    String post = "New release: " + "x".repeat(200) + " https://example.com/" + "p".repeat(300);
    assertThat(post).fitsXPost();
  }

  @Test
  void should_fail_an_x_post_quoting_the_text_beyond_280_weighted_characters() {
    // 140 CJK characters weigh 280; the 141st is beyond
    String post = "東".repeat(140) + "京 overflow";
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(post).fitsXPost())
        .withMessageContaining("to pass check platform.x but it failed")
        .withMessageContaining("291 weighted characters, more than X's limit of 280; the text"
            + " beyond it starts at line 1, column 141")
        .withMessageContaining("(offset 140..150): \"京 overflow\"");
  }

  @Test
  void should_point_past_the_limit_in_decomposed_text() {
    // 300 × "e" + combining acute: X weighs the NFC form (300 × "é"); the 281st starts at 560
    String post = "e\u0301".repeat(300);
    CheckResult result = Checks.xPost().evaluate(post);
    org.assertj.core.api.Assertions.assertThat(result.score()).isEqualTo(300);
    org.assertj.core.api.Assertions.assertThat(result.evidence().get(0).start()).isEqualTo(560);
  }

  @Test
  void should_weigh_the_whole_of_a_ten_megabyte_post() {
    // linear time: no prefix cut any more, the whole text is weighed
    String huge = "word ".repeat(2_000_000);
    CheckResult result = Checks.xPost().evaluate(huge);
    org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(result.message())
        .contains("10000000 weighted characters, more than X's limit of 280");
    org.assertj.core.api.Assertions.assertThat(result.evidence().get(0).start()).isEqualTo(280);
  }

  @Test
  void should_weigh_in_linear_time_what_twitter_text_takes_minutes_for() {
    // twitter-text's own parser took 22.7 s on 4,000 characters of "a.a." and 227 s on 10,000
    // of "1.1.": 100,000 of each now take milliseconds of CPU
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    for (String unit : new String[] {"a.", "1.", "a.com/", "#a.", "\uD83D\uDC4D\uD83C\uDFFD"}) {
      String text = unit.repeat(100_000 / unit.length());
      long start = cpu.getCurrentThreadCpuTime();
      CheckResult result = Checks.xPost().evaluate(text);
      long used = cpu.getCurrentThreadCpuTime() - start;
      org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
      org.assertj.core.api.Assertions.assertThat(used).as("CPU time on 100,000 characters of %s", unit)
          .isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(2));
    }
  }

  @Test
  void should_count_linkedin_posts_in_utf16_units() {
    assertThat("a".repeat(3_000)).fitsLinkedInPost();
    String emoji = "\uD83D\uDE80".repeat(1_501);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(emoji).fitsLinkedInPost())
        .withMessageContaining("3002 UTF-16 units, more than the LinkedIn post limit of 3000");
  }

  @Test
  void should_fail_when_an_sms_needs_more_segments_and_name_the_character_that_forced_ucs2() {
    String text = "Your parcel arrives today \u2705 " + "x".repeat(60);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(text).fitsSmsSegments(1))
        .withMessageContaining("2 SMS segments (UCS_2, 88 UTF-16 units), more than the maximum of 1;"
            + " segment 2 starts at line 1, column 68")
        .withMessageContaining("non-gsm-character at line 1, column 27 (offset 26..27): \"\u2705\"");
    assertThat("x".repeat(160)).fitsSmsSegments(1);
  }
}
