package io.github.evals4j.assertions.length;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.assertions.SoftLlmAssertions;
import io.github.evals4j.assertions.tokens.TokenCount;
import io.github.evals4j.assertions.tokens.TokenCounter;
import org.junit.jupiter.api.Test;

/** The README's "Length and tokens" examples, run as written. */
class ReadmeLengthExamples_Test {

  private static final String OUTPUT = "## Release 2.4\n"
      + "Checkout is 38% faster. Details: https://example.com/releases/2.4 #release @ops\n"
      + "- one-click pay\n- saved cards\n- receipts by mail\n";

  @Test
  void should_run_the_length_examples() {
    assertThat(OUTPUT)
        .hasAtMostWords(120)
        .hasAtMostSentences(6)
        .hasAtMostCharacters(900)
        .hasAtMostGraphemes(280)
        .hasBetween(3, 5, TextUnit.BULLETS)
        .hasAtLeast(1, TextUnit.URLS)
        .hasAtMost(2, TextUnit.HASHTAGS)
        .hasAtMost(1, TextUnit.MENTIONS)
        .hasAtMost(12, TextUnit.LINES)
        .hasAtMost(1_000, TextUnit.UTF16_UNITS);
  }

  @Test
  void should_run_the_token_and_platform_examples() {
    assertThat(OUTPUT).hasAtMostTokens(100, "gpt-4o-mini");
    assertThat(OUTPUT).hasAtMostTokens(100, TokenCounter.forEncoding("cl100k_base"));
    assertThat(OUTPUT).hasAtMostTokens(100, TokenCounter.approximate("claude-sonnet-4-5"));
    TokenCount n = TokenCounter.forModel("gpt-4.1").count(OUTPUT);
    org.assertj.core.api.Assertions.assertThat(n.toString()).endsWith("tokens (o200k_base for gpt-4.1)");
    CheckResult r = Checks.maxTokens(100, "gpt-4o-mini").evaluate(OUTPUT);
    org.assertj.core.api.Assertions.assertThat(r.passed()).isTrue();

    assertThat(OUTPUT).fitsXPost().fitsLinkedInPost().fitsSmsSegments(1);
    org.assertj.core.api.Assertions.assertThat(LengthChecks.xWeightedLength(OUTPUT)).isLessThan(140);
    org.assertj.core.api.Assertions.assertThat(SmsMessage.of(OUTPUT).encoding())
        .isEqualTo(SmsMessage.Encoding.GSM_7);
    org.assertj.core.api.Assertions.assertThat(Checks.maxSmsSegments(2).evaluate(OUTPUT).passed())
        .isTrue();
  }

  @Test
  void soft_assertions_collect_length_and_token_failures() {
    SoftLlmAssertions softly = new SoftLlmAssertions();
    softly.assertThat(OUTPUT).hasAtMostWords(3);
    softly.assertThat(OUTPUT).hasAtMostTokens(5, "gpt-4o");
    softly.assertThat(OUTPUT).fitsSmsSegments(0);
    org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).hasSize(3);
  }
}
