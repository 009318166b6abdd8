package io.github.evals4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TruncationTest {

  @Test
  void should_cut_long_values_with_an_ellipsis() {
    assertThat(Truncation.truncate("abcdef", 4)).isEqualTo("abc…");
    assertThat(Truncation.truncate("abc", 4)).isEqualTo("abc");
    assertThat(Truncation.truncate(null, 4)).isNull();
  }

  @Test
  void should_not_split_a_surrogate_pair() {
    String emoji = "ab🎉cd";
    String cut = Truncation.truncate(emoji, 4);
    assertThat(cut).isEqualTo("ab…");
    assertThat(cut.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
  }

  @Test
  void should_make_tags_one_line_and_at_most_200_chars() {
    assertThat(Truncation.tag("a\nb\tc", 50)).isEqualTo("a b c");
    assertThat(Truncation.tag("x".repeat(500), 1000)).hasSize(200);
  }

  @Test
  void should_scrub_emails_bearer_tokens_and_api_keys() {
    assertThat(Truncation.scrub("mail alice.b@example.co.uk now"))
        .isEqualTo("mail [email] now");
    assertThat(Truncation.scrub("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc"))
        .isEqualTo("Authorization: Bearer [token]");
    assertThat(Truncation.scrub("key sk-proj-abcdefgh1jklmnopqrstuvwx and AKIAABCDEFGHIJKLMNOP"))
        .isEqualTo("key [api-key] and [api-key]");
    assertThat(Truncation.scrub("AUTHORIZATION: BEARER abcdefgh12345678"))
        .isEqualTo("AUTHORIZATION: Bearer [token]");
    assertThat(Truncation.scrub("X-Api-Key=abcdefgh12345678 gho_abcdefghijklmnopqrstuv"))
        .isEqualTo("X-Api-Key=[redacted] [api-key]");
    assertThat(Truncation.scrub("日本語 🎉 plain text, 42")).isEqualTo("日本語 🎉 plain text, 42");
  }

  @Test
  void should_scrub_a_huge_adversarial_value_quickly() {
    String huge = "a@".repeat(200_000) + "b.".repeat(200_000);
    assertThat(Truncation.text(huge, 50)).hasSizeLessThanOrEqualTo(50);
  }

  @Test
  void should_scrub_arguments_before_truncating() {
    assertThat(Truncation.describe("token=abcdefghijklmnop", 100)).isEqualTo("token=[redacted]");
  }

  @Test
  void should_describe_a_value_whose_toString_throws() {
    Object bad = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("no");
      }
    };
    assertThat(Truncation.describe(bad, 100)).isEqualTo("<toString() threw IllegalStateException>");
  }
}
