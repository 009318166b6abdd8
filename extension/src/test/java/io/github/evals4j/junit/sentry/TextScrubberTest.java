package io.github.evals4j.junit.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextScrubberTest {

  private final TextScrubber scrubber = TextScrubber.DEFAULT;

  @Test
  void should_replace_emails_bearer_tokens_and_api_keys() {
    // WHEN
    String s = scrubber.scrub("Write to ann.lee@example.co.uk. Authorization: Bearer abcDEF1234567890xyz;"
        + " OPENAI key sk-proj-AbC123dEf456GhI789 aws AKIAIOSFODNN7EXAMPLE, gh ghp_0123456789abcdefghijABCD"
        + " api_key=\"q1w2e3r4t5\" password: hunter22", 1000);

    // THEN
    assertThat(s).isEqualTo("Write to [email]. Authorization: Bearer [token]; OPENAI key [api-key]"
        + " aws [api-key], gh [api-key] api_key=\"[redacted]\" password: [redacted]");
  }

  @Test
  void should_replace_secrets_whatever_the_case_of_their_keyword() {
    // GIVEN keywords in upper and mixed case (the case-insensitive rules are looked up by
    // keyword before their pattern runs), and a secret made visible by an earlier replacement
    String text = "AUTHORIZATION: BEARER abcDEF1234567890xyz; BaSiC dXNlcjpwYXNzd29yZA== "
        + "API-KEY: q1w2e3r4t5 Access_Token=zzzz9999 PASSWD=hunter22 ÄPI_KEY=abcd1234";

    // WHEN
    String s = scrubber.scrub(text, 1000);

    // THEN
    assertThat(s).isEqualTo("AUTHORIZATION: Bearer [token]; Basic [token] API-KEY: [redacted]"
        + " Access_Token=[redacted] PASSWD=[redacted] ÄPI_KEY=abcd1234");
  }

  @Test
  void should_keep_ordinary_text_and_non_latin_scripts() {
    // GIVEN
    String text = "總額為 420 歐元。 المجموع 420 يورو 🎉 The sk- prefix alone, a task-list, @mention,"
        + " the bearer instrument, basic functionality, sk-learn-compatible-models";

    // THEN
    assertThat(scrubber.scrub(text, 1000)).isEqualTo(text);
  }

  @Test
  void should_cut_to_the_maximum_without_splitting_a_surrogate_pair() {
    // WHEN
    String s = scrubber.scrub("ab😀cd", 4);

    // THEN
    assertThat(s).isEqualTo("ab…");
  }

  @Test
  void should_handle_null_empty_lone_surrogates_and_huge_input() {
    assertThat(scrubber.scrub(null, 10)).isNull();
    assertThat(scrubber.scrub("", 10)).isEmpty();
    assertThat(scrubber.scrub("a\uD800b x@y.io", 100)).isEqualTo("a\uD800b [email]");
    // 20 MB of one long token-like run and of e-mail-like text: linear, a clear result
    String huge = "a".repeat(20_000_000);
    assertThat(scrubber.scrub(huge, 200)).hasSize(200).endsWith("…");
    String mails = "x@y.io ".repeat(1_000_000);
    assertThat(scrubber.scrub(mails)).startsWith("[email] [email]").doesNotContain("@");
  }
}
