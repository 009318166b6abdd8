package io.github.evals4j.assertions.tokens;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.check.Direction;
import org.junit.jupiter.api.Test;

class Tokens_assertion_Test {

  private static final String ANSWER = "Hello, world! The export finished in 42 seconds.";

  @Test
  void should_pass_when_within_the_token_limit() {
    assertThat(ANSWER).hasAtMostTokens(100, "gpt-4o-mini").hasAtMostTokens(100, "gpt-4");
  }

  @Test
  void should_fail_quoting_the_text_from_the_first_token_beyond_the_limit() {
    // "Hello" "," " world" "!" are tokens 1..4: token 5 starts at " The"
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(ANSWER).hasAtMostTokens(4, "gpt-4o-mini"))
        .withMessageContaining("to pass check tokens.max but it failed")
        .withMessageContaining("tokens (o200k_base for gpt-4o-mini), more than the maximum of 4;"
            + " token 5 starts at line 1, column 14")
        .withMessageContaining("beyond-limit at line 1, column 14 (offset 13..48): \" The export"
            + " finished in 42 seconds.\" \u2014 tokens 5..");
  }

  @Test
  void should_report_the_count_as_score_against_the_limit() {
    CheckResult result = Checks.maxTokens(4, "gpt-4o").evaluate(ANSWER);
    org.assertj.core.api.Assertions.assertThat(result.score())
        .isEqualTo(TokenCounter.forModel("gpt-4o").count(ANSWER).tokens());
    org.assertj.core.api.Assertions.assertThat(result.threshold()).isEqualTo(4);
    org.assertj.core.api.Assertions.assertThat(result.direction()).isEqualTo(Direction.AT_MOST);
    org.assertj.core.api.Assertions.assertThat(Checks.maxTokens(4, "gpt-4o").evaluate(null).message())
        .contains("output is null");
  }

  @Test
  void should_throw_for_an_unknown_model_and_accept_an_explicit_approximation() {
    assertThatExceptionOfType(UnknownModelException.class)
        .isThrownBy(() -> assertThat(ANSWER).hasAtMostTokens(100, "gemini-2.5-pro"));
    assertThat(ANSWER).hasAtMostTokens(100, TokenCounter.approximate("gemini-2.5-pro"));
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(ANSWER).hasAtMostTokens(3, TokenCounter.approximate("gemini-2.5-pro")))
        .withMessageContaining("\u2248")
        .withMessageContaining("approximation for gemini-2.5-pro")
        .withMessageContaining("(approximate count)");
  }

  @Test
  void should_count_ten_megabytes() {
    String big = "The quick brown fox jumps over the lazy dog. 東京 \uD83D\uDE80\n".repeat(200_000);
    CheckResult result = Checks.maxTokens(1_000, "gpt-4o").evaluate(big);
    org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(result.score()).isGreaterThan(2_000_000);
    org.assertj.core.api.Assertions.assertThat(result.evidence().get(0).text()).hasSizeLessThan(500);
  }
}
