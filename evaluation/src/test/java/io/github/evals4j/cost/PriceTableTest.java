package io.github.evals4j.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.evals4j.llm.LlmCall;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

  private final PriceTable prices = PriceTable.bundled();

  @Test
  void should_carry_date_and_sources_when_bundled() {
    assertThat(prices.asOf()).hasValue(LocalDate.of(2026, 10, 24));
    assertThat(prices.sources())
        .anyMatch(s -> s.contains("openai.com"))
        .anyMatch(s -> s.contains("claude.com"))
        .anyMatch(s -> s.contains("ai.google.dev"))
        .anyMatch(s -> s.contains("mistral.ai"));
    assertThat(prices.prices().values())
        .extracting(ModelPrice::provider)
        .contains("openai", "anthropic", "google", "mistral");
  }

  @Test
  void should_find_model_when_name_is_exact_or_a_dated_snapshot() {
    assertThat(prices.lookup("gpt-4o-mini")).get().extracting(ModelPrice::model).isEqualTo("gpt-4o-mini");
    assertThat(prices.lookup("gpt-4o-mini-2024-07-18")).get().extracting(ModelPrice::model).isEqualTo("gpt-4o-mini");
    assertThat(prices.lookup("gpt-4o-2024-08-06")).get().extracting(ModelPrice::model).isEqualTo("gpt-4o");
    assertThat(prices.lookup("claude-sonnet-4-20250514")).get().extracting(ModelPrice::model).isEqualTo("claude-sonnet-4");
    assertThat(prices.lookup("claude-3-5-haiku@20241022")).get().extracting(ModelPrice::model).isEqualTo("claude-3-5-haiku");
    assertThat(prices.lookup("mistral-large-2411")).get().extracting(ModelPrice::model).isEqualTo("mistral-large");
    assertThat(prices.lookup("mistral-small-latest")).get().extracting(ModelPrice::model).isEqualTo("mistral-small");
    assertThat(prices.lookup("models/gemini-2.0-flash-001")).get().extracting(ModelPrice::model).isEqualTo("gemini-2.0-flash");
    assertThat(prices.lookup("OpenAI/GPT-4.1")).get().extracting(ModelPrice::model).isEqualTo("gpt-4.1");
    assertThat(prices.lookup("claude-opus-4-5-20251101")).get().extracting(ModelPrice::model).isEqualTo("claude-opus-4-5");
  }

  @Test
  void should_prefer_snapshot_row_when_snapshot_has_its_own_price() {
    // gpt-4o-2024-05-13 kept its launch price ($5/$15) when gpt-4o moved to $2.50/$10
    assertThat(prices.lookup("gpt-4o-2024-05-13")).get().extracting(ModelPrice::inputPerMillion).isEqualTo(5.0);
    assertThat(prices.lookup("gpt-4o-2024-08-06")).get().extracting(ModelPrice::inputPerMillion).isEqualTo(2.5);
  }

  @Test
  void should_be_unknown_when_a_dated_snapshot_is_not_in_its_providers_style() {
    // GIVEN gpt-3.5-turbo-0301: an OpenAI model with a four-digit (Mistral-style) snapshot suffix;
    // it was priced differently from today's gpt-3.5-turbo, and the table has no row for it
    assertThat(prices.lookup("gpt-3.5-turbo-0301")).isEmpty();
    assertThat(prices.costUsd(LlmCall.builder("openai", "gpt-3.5-turbo-0301").inputTokens(10).outputTokens(10).build()))
        .isEmpty();
    // AND a snapshot the table lists keeps its own row, a Mistral one still maps to its base model
    assertThat(prices.lookup("gpt-3.5-turbo-0613")).get().extracting(ModelPrice::inputPerMillion).isEqualTo(1.5);
    assertThat(prices.lookup("mistral-large-2411")).get().extracting(ModelPrice::model).isEqualTo("mistral-large");
    // AND a custom row maps no dated snapshot, only -latest
    PriceTable custom = PriceTable.parse(new StringReader("acme-1,acme,1,,2\n"), "mine.csv");
    assertThat(custom.lookup("acme-1-2411")).isEmpty();
    assertThat(custom.lookup("acme-1-latest")).isPresent();
  }

  @Test
  void should_price_anthropic_cache_writes_above_the_input_rate() {
    // GIVEN claude-sonnet-4-5 ($3 in, $0.30 cache read, $15 out, $3.75 5-minute and $6 1-hour
    // cache writes): 10,000 input tokens of which 2,000 read from cache and 5,000 written to it,
    // 1,000 of those for one hour; 1,000 output tokens
    LlmCall call = LlmCall.builder("anthropic", "claude-sonnet-4-5-20250929").inputTokens(10_000)
        .cachedInputTokens(2_000).cacheWriteInputTokens(5_000).cacheWrite1hInputTokens(1_000)
        .outputTokens(1_000).build();
    // THEN (3,000·3 + 2,000·0.30 + 4,000·3.75 + 1,000·6 + 1,000·15) / 1e6
    //  = (9,000 + 600 + 15,000 + 6,000 + 15,000) / 1e6 = 0.0456 (the base rate gave 0.0396)
    assertThat(prices.costUsd(call)).hasValueCloseTo(0.0456, within(1e-12));
  }

  @Test
  void should_read_cache_write_prices_from_a_file_and_overrides() {
    PriceTable table = PriceTable.parse(new StringReader(
        "model,provider,input,cached_input,output,cache_write,cache_write_1h\nacme-1,acme,1,0.1,2,1.25,2\n"), "mine.csv");
    assertThat(table.lookup("acme-1")).get().extracting(p -> p.cacheWritePerMillion().getAsDouble()).isEqualTo(1.25);
    PriceTable overridden = table.withOverrides(Map.of("evals4j.price.acme-1.cache-write", "1.5"));
    assertThat(overridden.lookup("acme-1")).get().extracting(p -> p.cacheWritePerMillion().getAsDouble()).isEqualTo(1.5);
    assertThat(overridden.lookup("acme-1")).get().extracting(p -> p.cacheWrite1hPerMillion().getAsDouble()).isEqualTo(2.0);
  }

  @Test
  void should_be_unknown_when_model_is_not_in_table() {
    assertThat(prices.lookup("llama-3-70b")).isEmpty();
    assertThat(prices.lookup("gpt-4o-audio-preview")).isEmpty(); // not a dated snapshot of gpt-4o
    assertThat(prices.lookup("")).isEmpty();
    assertThat(prices.lookup(null)).isEmpty();
    assertThat(prices.lookup("\uD800-\u4E2D\u6587")).isEmpty();
    LlmCall unknown = LlmCall.builder("local", "llama-3-70b").inputTokens(100).outputTokens(10).build();
    assertThat(prices.costUsd(unknown)).isEmpty();
  }

  @Test
  void should_price_call_by_hand_when_some_input_is_cached() {
    // GIVEN gpt-4o-mini: 0.15 in, 0.075 cached, 0.60 out per 1M tokens
    LlmCall call = LlmCall.builder("openai", "gpt-4o-mini").responseModel("gpt-4o-mini-2024-07-18")
        .inputTokens(1000).cachedInputTokens(400).outputTokens(500).build();
    // THEN (600·0.15 + 400·0.075 + 500·0.60) / 1e6 = (90 + 30 + 300) / 1e6
    assertThat(prices.costUsd(call)).hasValueCloseTo(420e-6, within(1e-12));
  }

  @Test
  void should_be_unknown_when_token_counts_are_unknown() {
    LlmCall call = LlmCall.builder("openai", "gpt-4o").inputTokens(10).build();
    assertThat(prices.costUsd(call)).isEmpty();
  }

  @Test
  void should_apply_overrides_when_properties_name_a_model() {
    // GIVEN
    PriceTable table = prices.withOverrides(Map.of(
        "evals4j.price.gpt-4o.input", "5",
        "evals4j.price.my-local-model.input", "0.5",
        "evals4j.price.my-local-model.output", "1.5",
        "unrelated.key", "x"));
    // THEN the known model keeps its output price, the new one is priced
    assertThat(table.lookup("gpt-4o")).get().extracting(ModelPrice::inputPerMillion).isEqualTo(5.0);
    assertThat(table.lookup("gpt-4o")).get().extracting(ModelPrice::outputPerMillion).isEqualTo(10.0);
    LlmCall call = LlmCall.builder("local", "my-local-model").inputTokens(2_000_000).outputTokens(1_000_000).build();
    assertThat(table.costUsd(call)).hasValueCloseTo(2.5, within(1e-12));
    // AND the bundled table is unchanged
    assertThat(prices.lookup("gpt-4o")).get().extracting(ModelPrice::inputPerMillion).isEqualTo(2.5);
  }

  @Test
  void should_fail_with_key_when_override_is_bad() {
    assertThatThrownBy(() -> prices.withOverrides(Map.of("evals4j.price.gpt-4o.input", "cheap")))
        .hasMessageContaining("evals4j.price.gpt-4o.input").hasMessageContaining("cheap");
    assertThatThrownBy(() -> prices.withOverrides(Map.of("evals4j.price.new-model.input", "1")))
        .hasMessageContaining("needs both evals4j.price.new-model.input and evals4j.price.new-model.output");
    assertThatThrownBy(() -> prices.withOverrides(Map.of("evals4j.price.gpt-4o.inputs", "1")))
        .hasMessageContaining("bad price key");
  }

  @Test
  void should_read_price_file_when_property_names_it(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.csv");
    Files.writeString(file, "\uFEFF# as-of: 2030-01-01\nmodel,provider,input,cached_input,output\nacme-1,acme,1,,2\n");
    PriceTable table = prices.withOverrides(Map.of(PriceTable.PRICE_FILE, file.toString()));
    assertThat(table.lookup("acme-1")).get().extracting(ModelPrice::outputPerMillion).isEqualTo(2.0);
    assertThat(table.lookup("gpt-4o")).isPresent();
  }

  @Test
  void should_name_file_and_line_when_csv_is_malformed() {
    assertThatThrownBy(() -> PriceTable.parse(new StringReader("# c\nacme,acme,1,2\n"), "mine.csv"))
        .hasMessageContaining("mine.csv line 2").hasMessageContaining("expected 5 cells");
    assertThatThrownBy(() -> PriceTable.parse(new StringReader("acme,acme,-1,,2\n"), "mine.csv"))
        .hasMessageContaining("mine.csv line 1 input");
  }
}
