package io.github.evals4j.assertions.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TokenCounter_Test {

  @ParameterizedTest
  @CsvSource({
      "gpt-4o-mini, o200k_base", "gpt-4o, o200k_base", "gpt-4o-2024-08-06, o200k_base",
      "chatgpt-4o-latest, o200k_base", "gpt-4.1-nano, o200k_base", "gpt-4.5-preview, o200k_base",
      "gpt-5, o200k_base", "gpt-5-mini, o200k_base", "o1, o200k_base", "o1-mini, o200k_base",
      "o3-mini, o200k_base", "o4-mini, o200k_base", "openai/gpt-4o, o200k_base",
      "ft:gpt-4o-mini:acme::abc123, o200k_base", "gpt-oss-20b, o200k_base",
      "gpt-4, cl100k_base", "gpt-4-turbo, cl100k_base", "gpt-4-0613, cl100k_base",
      "gpt-3.5-turbo, cl100k_base", "gpt-35-turbo-16k, cl100k_base", "GPT-4, cl100k_base",
      "text-embedding-3-small, cl100k_base", "text-davinci-003, p50k_base",
      "text-davinci-edit-001, p50k_edit", "davinci, r50k_base"})
  void should_map_model_names_to_encodings_by_longest_prefix(String model, String encoding) {
    assertThat(TokenCounter.forModel(model).encodingName()).isEqualTo(encoding);
  }

  @Test
  void should_reject_an_unknown_model_naming_it_and_the_known_prefixes() {
    assertThatExceptionOfType(UnknownModelException.class)
        .isThrownBy(() -> TokenCounter.forModel("claude-sonnet-4-5"))
        .withMessageContaining("no tokenizer is known for model \"claude-sonnet-4-5\"")
        .withMessageContaining("gpt-4o, ")
        .withMessageContaining("TokenCounter.approximate(\"claude-sonnet-4-5\")")
        .satisfies(e -> assertThat(e.model()).isEqualTo("claude-sonnet-4-5"));
    assertThatExceptionOfType(UnknownModelException.class)
        .isThrownBy(() -> TokenCounter.forModel("o100-turbo"));
  }

  @Test
  void should_count_with_the_real_tokenizers() {
    // tiktoken reference: "Hello, world!" is Hello | , | ␠world | ! in both encodings
    assertThat(TokenCounter.forEncoding(EncodingType.CL100K_BASE).count("Hello, world!").tokens())
        .isEqualTo(4);
    assertThat(TokenCounter.forEncoding("o200k_base").count("Hello, world!").tokens())
        .isEqualTo(4);
    // o200k has a larger vocabulary: fewer tokens for non-English text than cl100k
    String japanese = "東京で新しいサーバーを起動しました。応答時間は半分になりました。";
    assertThat(TokenCounter.forModel("gpt-4o").count(japanese).tokens())
        .isLessThan(TokenCounter.forModel("gpt-4").count(japanese).tokens());
  }

  @Test
  void should_count_special_token_text_as_ordinary_text() {
    TokenCount count = TokenCounter.forModel("gpt-4o").count("<|endoftext|>");
    assertThat(count.tokens()).isGreaterThan(1);
  }

  @Test
  void should_mark_approximate_counts_and_say_so() {
    TokenCounter counter = TokenCounter.approximate("claude-sonnet-4-5");
    TokenCount count = counter.count("Hello, world!");
    assertThat(counter.isApproximate()).isTrue();
    assertThat(count.approximate()).isTrue();
    assertThat(count).hasToString("\u22484 tokens (o200k_base, approximation for claude-sonnet-4-5)");
    // a known model stays exact even when asked for an approximation
    assertThat(TokenCounter.approximate("gpt-4o").count("Hello").approximate()).isFalse();
  }

  @Test
  void should_find_the_offset_where_a_token_starts_even_inside_multibyte_characters() {
    TokenCounter counter = TokenCounter.forEncoding("cl100k_base");
    String text = "Hello, world! \uD83D\uDE80 \u00e9t\u00e9";
    assertThat(counter.offsetOfToken(text, 0)).isZero();
    assertThat(counter.offsetOfToken(text, 2)).isEqualTo(text.indexOf(" world"));
    assertThat(counter.offsetOfToken(text, 1_000)).isEqualTo(text.length());
    // every offset is on a character boundary, never inside the rocket's surrogate pair
    int tokens = counter.count(text).tokens();
    for (int i = 0; i < tokens; i++) {
      int offset = counter.offsetOfToken(text, i);
      assertThat(offset > 0 && Character.isLowSurrogate(text.charAt(offset))).isFalse();
    }
  }

  @Test
  void should_count_lone_surrogates_bom_and_empty_text() {
    TokenCounter counter = TokenCounter.forModel("gpt-4o");
    assertThat(counter.count("").tokens()).isZero();
    assertThat(counter.count("a\uD800b").tokens()).isPositive();
    assertThat(counter.count("\uFEFFHello").tokens()).isGreaterThan(counter.count("Hello").tokens());
    assertThat(counter.offsetOfToken("a\uD800b\uDC00c", 2)).isBetween(1, 5);
  }

  @Test
  void should_reject_unknown_encodings_and_negative_limits() {
    assertThatIllegalArgumentException().isThrownBy(() -> TokenCounter.forEncoding("gpt2_base"))
        .withMessageContaining("unknown encoding \"gpt2_base\"; known: r50k_base");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TokenCounter.forModel("gpt-4o").atMost(-1));
  }
}
