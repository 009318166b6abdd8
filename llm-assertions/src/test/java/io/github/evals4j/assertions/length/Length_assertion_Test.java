package io.github.evals4j.assertions.length;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.check.Direction;
import org.junit.jupiter.api.Test;

class Length_assertion_Test {

  private static final String SUMMARY = "Checkout is faster. Payments retry twice.\n"
      + "- one-click pay\n- saved cards\n- receipts by mail";

  @Test
  void should_pass_when_every_limit_holds() {
    assertThat(SUMMARY)
        .hasAtMostWords(20)
        .hasAtMostSentences(5)
        .hasBetween(3, 3, TextUnit.BULLETS)
        .hasAtLeast(2, TextUnit.LINES)
        .hasAtMostCharacters(200)
        .hasAtMostGraphemes(200)
        .contains("Checkout");
  }

  @Test
  void should_fail_with_count_limit_and_the_quoted_text_beyond_max() {
    // GIVEN 6 words on line 1, 7 words over 3 bullets (their markers are not words)
    // WHEN / THEN the 11th word ("receipts") starts the part beyond the maximum of 10
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(SUMMARY).hasAtMostWords(10))
        .withMessageContaining("to pass check length.words.max but it failed")
        .withMessageContaining("13 words, more than the maximum of 10; the 11th word starts at"
            + " line 4, column 3")
        .withMessageContaining("beyond-limit at line 4, column 3 (offset 74..90): \"receipts by"
            + " mail\" \u2014 words 11..13 are beyond the maximum of 10");
  }

  @Test
  void should_fail_when_below_min_and_say_the_output_is_blank() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("  \n ").hasAtLeast(1, TextUnit.SENTENCES))
        .withMessageContaining("0 sentences, fewer than the minimum of 1 (the output is blank)");
  }

  @Test
  void should_report_score_threshold_and_direction_without_throwing() {
    CheckResult over = Checks.maxLength(TextUnit.BULLETS, 2).evaluate(SUMMARY);
    org.assertj.core.api.Assertions.assertThat(over.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(over.score()).isEqualTo(3.0);
    org.assertj.core.api.Assertions.assertThat(over.threshold()).isEqualTo(2.0);
    org.assertj.core.api.Assertions.assertThat(over.direction()).isEqualTo(Direction.AT_MOST);
    org.assertj.core.api.Assertions.assertThat(over.evidence()).singleElement()
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.text())
            .isEqualTo("- receipts by mail"));

    CheckResult under = Checks.lengthBetween(TextUnit.BULLETS, 4, 6).evaluate(SUMMARY);
    org.assertj.core.api.Assertions.assertThat(under.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(under.direction()).isEqualTo(Direction.AT_LEAST);
    org.assertj.core.api.Assertions.assertThat(under.threshold()).isEqualTo(4.0);
  }

  @Test
  void should_count_graphemes_not_code_points_when_asked() {
    String flags = "\uD83C\uDDEB\uD83C\uDDF7\uD83C\uDDE9\uD83C\uDDEA\uD83C\uDDEF\uD83C\uDDF5";
    assertThat(flags).hasAtMostGraphemes(3);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(flags).hasAtMostCharacters(3))
        .withMessageContaining("6 characters, more than the maximum of 3; the 4th character");
  }

  @Test
  void should_reject_impossible_limits() {
    assertThatIllegalArgumentException().isThrownBy(() -> Checks.maxLength(TextUnit.WORDS, -1))
        .withMessageContaining("max must be >= 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Checks.lengthBetween(TextUnit.WORDS, 5, 4))
        .withMessageContaining("max (4) must be >= min (5)");
  }
}
