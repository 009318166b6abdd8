package io.github.evals4j.assertions.length;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class LengthBadInput_Test {

  private static final String TEN_MB;

  static {
    String unit = "Ship #v2 to @ops today: https://example.com/x \u2014 東京 \uD83D\uDE80 done.\n- item\n";
    StringBuilder sb = new StringBuilder(10_000_000 + unit.length());
    while (sb.length() < 10_000_000) {
      sb.append(unit);
    }
    TEN_MB = sb.toString();
  }

  @ParameterizedTest
  @EnumSource(TextUnit.class)
  void should_fail_clearly_on_null(TextUnit unit) {
    CheckResult result = Checks.maxLength(unit, 10).evaluate(null);
    assertThat(result.passed()).isFalse();
    assertThat(result.message()).contains("output is null");
  }

  @ParameterizedTest
  @EnumSource(TextUnit.class)
  void should_count_nothing_in_empty_output(TextUnit unit) {
    assertThat(unit.count("")).isZero();
    assertThat(Checks.maxLength(unit, 0).evaluate("").passed()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(TextUnit.class)
  void should_count_ten_megabytes_and_point_past_the_limit(TextUnit unit) {
    CheckResult result = Checks.maxLength(unit, 3).evaluate(TEN_MB);
    assertThat(result.passed()).isFalse();
    assertThat(result.score()).isGreaterThan(3);
    assertThat(result.evidence()).singleElement().satisfies(e -> {
      assertThat(e.start()).isLessThan(500);
      assertThat(e.end()).isGreaterThan(9_999_000);
      assertThat(e.text().length()).isLessThan(1000);
    });
  }

  @Test
  void should_count_lone_surrogates_as_one_character_each() {
    String broken = "ok \uD800 then \uDC00!";
    assertThat(TextUnit.CODE_POINTS.count(broken)).isEqualTo(broken.length());
    assertThat(TextUnit.GRAPHEMES.count(broken)).isEqualTo(broken.length());
    assertThat(TextUnit.WORDS.count(broken)).isEqualTo(2);
    assertThat(TextUnit.SENTENCES.count(broken)).isEqualTo(1);
  }

  @Test
  void should_not_count_a_byte_order_mark_as_a_word() {
    assertThat(TextUnit.WORDS.count("\uFEFF")).isZero();
    assertThat(TextUnit.WORDS.count("\uFEFFHello there")).isEqualTo(2);
    assertThat(TextUnit.CODE_POINTS.count("\uFEFFHi")).isEqualTo(3);
  }

  @Test
  void should_handle_whitespace_only_output() {
    String blank = " \t\n\u3000\n";
    assertThat(TextUnit.WORDS.count(blank)).isZero();
    assertThat(TextUnit.SENTENCES.count(blank)).isZero();
    assertThat(TextUnit.BULLETS.count(blank)).isZero();
    assertThat(TextUnit.LINES.count(blank)).isEqualTo(2);
  }
}
