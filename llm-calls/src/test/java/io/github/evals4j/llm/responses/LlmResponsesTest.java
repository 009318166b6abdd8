package io.github.evals4j.llm.responses;

import io.github.evals4j.llm.LlmCall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LlmResponsesTest {

  @Test
  void should_read_chat_completions_usage_with_cached_and_reasoning_tokens() {
    LlmCall call = LlmResponses.openAi("{\"id\":\"c1\",\"model\":\"gpt-4o-mini-2024-07-18\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},"
        + "\"finish_reason\":\"length\"}],"
        + "\"usage\":{\"prompt_tokens\":812,\"completion_tokens\":164,\"total_tokens\":976,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":512},"
        + "\"completion_tokens_details\":{\"reasoning_tokens\":64}}}").build();
    assertThat(call.provider()).isEqualTo("openai");
    assertThat(call.responseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(call.inputTokens()).isEqualTo(812);
    assertThat(call.outputTokens()).isEqualTo(164);
    assertThat(call.cachedInputTokens()).isEqualTo(512);
    assertThat(call.reasoningTokens()).isEqualTo(64);
    assertThat(call.totalTokens()).isEqualTo(976);
    assertThat(call.finishReason()).isEqualTo("length");
  }

  @Test
  void should_read_responses_api_usage() {
    LlmCall call = LlmResponses.openAi("ollama", "{\"model\":\"llama3.1\",\"status\":\"completed\","
        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5,"
        + "\"output_tokens_details\":{\"reasoning_tokens\":2}}}").build();
    assertThat(call.provider()).isEqualTo("ollama");
    assertThat(call.inputTokens()).isEqualTo(10);
    assertThat(call.reasoningTokens()).isEqualTo(2);
    assertThat(call.cachedInputTokens()).isEqualTo(-1);
    assertThat(call.finishReason()).isEqualTo("completed");
  }

  @Test
  void should_add_anthropic_cache_tokens_back_into_input() {
    LlmCall call = LlmResponses.anthropic("{\"model\":\"claude-sonnet-4-5\",\"stop_reason\":"
        + "\"end_turn\",\"usage\":{\"input_tokens\":100,\"cache_read_input_tokens\":900,"
        + "\"cache_creation_input_tokens\":0,\"output_tokens\":50}}").build();
    assertThat(call.inputTokens()).isEqualTo(1000);
    assertThat(call.cachedInputTokens()).isEqualTo(900);
    assertThat(call.outputTokens()).isEqualTo(50);
    assertThat(call.finishReason()).isEqualTo("end_turn");
  }

  @Test
  void should_carry_anthropic_cache_writes_so_that_they_are_priced_at_the_write_rate() {
    // GIVEN a Messages API usage with 5-minute and 1-hour cache writes
    LlmCall call = LlmResponses.anthropic("{\"model\":\"claude-sonnet-4-5-20250929\",\"usage\":{"
        + "\"input_tokens\":100,\"cache_read_input_tokens\":0,\"cache_creation_input_tokens\":3000,"
        + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":2000,\"ephemeral_1h_input_tokens\":1000},"
        + "\"output_tokens\":50}}").build();
    // THEN the writes are input tokens, and known as writes
    assertThat(call.inputTokens()).isEqualTo(3100);
    assertThat(call.cacheWriteInputTokens()).isEqualTo(3000);
    assertThat(call.cacheWrite1hInputTokens()).isEqualTo(1000);
    // AND priced (100·3 + 2000·3.75 + 1000·6 + 50·15) / 1e6 = 0.01455, not 3100·3 + 50·15 = 0.01005
    assertThat(io.github.evals4j.cost.PriceTable.bundled().costUsd(call))
        .hasValueCloseTo(0.01455, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void should_leave_missing_usage_unknown_and_reject_non_json() {
    LlmCall call = LlmResponses.openAi("{\"model\":\"m\"}").build();
    assertThat(call.inputTokens()).isEqualTo(-1);
    assertThat(call.totalTokens()).isEqualTo(-1);
    assertThatThrownBy(() -> LlmResponses.openAi("{\"model\": oops"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON (line 1, column");
    assertThatThrownBy(() -> LlmResponses.anthropic(" "))
        .hasMessageContaining("empty");
  }
}
