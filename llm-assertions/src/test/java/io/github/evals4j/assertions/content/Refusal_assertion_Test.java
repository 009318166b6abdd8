package io.github.evals4j.assertions.content;

import static io.github.evals4j.assertions.LlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.evals4j.check.CheckResult;
import io.github.evals4j.assertions.Checks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Refusal_assertion_Test {

  @ParameterizedTest
  @ValueSource(strings = {
      "As an AI language model, I do not have opinions on pricing.",
      "As an AI, I cannot give legal advice.",
      "I'm sorry, but I can't help with that request.",
      "I cannot assist with creating that content.",
      "I can\u2019t provide medical advice.",
      "Unfortunately I am unable to access your order history.",
      "I must decline to write this post.",
      "That would go against my guidelines.",
      "i  CAN NOT   help\nwith this."})
  void should_fail_when_the_output_reads_as_a_refusal(String output) {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(output).isNotARefusal())
        .withMessageContaining("to pass check content.refusal but it failed")
        .withMessageContaining("refusal at line 1, column");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I can't stress enough how much faster the new checkout is.",
      "The export finished in 42 seconds; retries are capped at 3.",
      "Ask the AI team: as announced, the API changes on Monday.",
      "Users who cannot log in should reset their password.",
      "As an AI-powered CRM, Acme drafts replies in 2 seconds.",
      "As an AI company, we ship weekly; as an AI model-based tool it learns.",
      "",
      "\u062a\u0645 \u062a\u062d\u062f\u064a\u062b \u0627\u0644\u0637\u0644\u0628 \uD83D\uDE80 東京"})
  void should_pass_when_the_output_answers(String output) {
    assertThat(output).isNotARefusal();
  }

  @Test
  void should_quote_each_refusal_phrase_with_its_position() {
    CheckResult result = Checks.noRefusal()
        .evaluate("Here is a summary.\nAs an AI model I'm unable to verify the figures.");
    org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(result.score()).isEqualTo(2.0);
    org.assertj.core.api.Assertions.assertThat(result.message())
        .contains("refusal at line 2, column 1 (offset 19..33): \"As an AI model\"")
        .contains("refusal at line 2, column 16 (offset 34..47): \"I'm unable to\"");
  }

  @Test
  void should_accept_user_phrases_in_other_languages() {
    Refusals french = Refusals.english().with("je ne peux pas", "en tant qu'IA");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat("D\u00e9sol\u00e9, je ne peux pas r\u00e9pondre.")
            .isNotARefusal(french))
        .withMessageContaining("\"je ne peux pas\"");
    assertThat("En tant qu\u2019IA, je ne peux pas").satisfies(o ->
        org.assertj.core.api.Assertions.assertThat(french.check().evaluate(o).score())
            .isEqualTo(2.0));
    assertThat("I cannot help").isNotARefusal(Refusals.of("je ne peux pas"));
  }

  @Test
  void should_scan_ten_megabytes_and_find_a_refusal_at_the_end() {
    String big = "The report covers revenue, churn and latency for every region. ".repeat(160_000)
        + "Sorry, but I can't share the raw data.";
    CheckResult result = Checks.noRefusal().evaluate(big);
    org.assertj.core.api.Assertions.assertThat(result.passed()).isFalse();
    org.assertj.core.api.Assertions.assertThat(result.evidence()).isNotEmpty();
    org.assertj.core.api.Assertions.assertThat(result.evidence().get(0).start())
        .isGreaterThan(10_000_000);
    org.assertj.core.api.Assertions.assertThat(Checks.noRefusal().evaluate(null).passed()).isFalse();
  }
}
