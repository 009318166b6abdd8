package io.github.evals4j.llm.responses;

import io.github.evals4j.llm.LlmCall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads model, token usage and finish reason from the JSON body of an LLM response into an {@link
 * LlmCall.Builder}, so application code records a call in one line.
 *
 * <p>Conventions, so that costs compare across providers: {@code inputTokens} counts every prompt
 * token, cached ones included, and {@code cachedInputTokens} the part read from cache; {@code
 * outputTokens} counts every completion token, reasoning ones included. Anthropic reports cached
 * tokens apart from {@code input_tokens}; they are added back here, cache reads as {@code
 * cachedInputTokens} and cache writes as {@code cacheWriteInputTokens} (with the 1-hour part from
 * {@code cache_creation.ephemeral_1h_input_tokens}), so that each is priced at its own rate.
 * Missing fields stay unknown ({@code -1}).
 *
 * <pre>{@code
 * Recording.llmCall(LlmResponses.openAi(responseBody)
 *     .latency(Duration.ofMillis(elapsed)).build());
 * }</pre>
 */
public final class LlmResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LlmResponses() {}

  /**
   * An OpenAI-compatible response: Chat Completions ({@code usage.prompt_tokens}, …) or Responses
   * API ({@code usage.input_tokens}, …) bodies, as served by OpenAI, Azure OpenAI, Mistral,
   * Ollama, vLLM and others. The provider is {@code openai}; change it with {@link
   * #openAi(String, String)}.
   */
  public static LlmCall.Builder openAi(String responseBody) {
    return openAi("openai", responseBody);
  }

  /** An OpenAI-compatible response of {@code provider} (e.g. {@code "mistral"}, {@code "ollama"}). */
  public static LlmCall.Builder openAi(String provider, String responseBody) {
    return openAi(provider, parse(responseBody));
  }

  /** An OpenAI-compatible response already parsed. */
  public static LlmCall.Builder openAi(String provider, JsonNode response) {
    String model = text(response, "model");
    LlmCall.Builder call = LlmCall.builder(provider, model).responseModel(model);
    JsonNode usage = response.path("usage");
    if (usage.has("prompt_tokens")) {
      call.inputTokens(number(usage, "prompt_tokens"))
          .outputTokens(number(usage, "completion_tokens"))
          .cachedInputTokens(number(usage.path("prompt_tokens_details"), "cached_tokens"))
          .reasoningTokens(number(usage.path("completion_tokens_details"), "reasoning_tokens"));
    } else {
      call.inputTokens(number(usage, "input_tokens"))
          .outputTokens(number(usage, "output_tokens"))
          .cachedInputTokens(number(usage.path("input_tokens_details"), "cached_tokens"))
          .reasoningTokens(number(usage.path("output_tokens_details"), "reasoning_tokens"));
    }
    JsonNode choice = response.path("choices").path(0);
    String finish = choice.isMissingNode() ? text(response, "status") : text(choice, "finish_reason");
    return call.finishReason(finish);
  }

  /** An Anthropic Messages API response. */
  public static LlmCall.Builder anthropic(String responseBody) {
    return anthropic(parse(responseBody));
  }

  /** An Anthropic Messages API response already parsed. */
  public static LlmCall.Builder anthropic(JsonNode response) {
    String model = text(response, "model");
    LlmCall.Builder call = LlmCall.builder("anthropic", model).responseModel(model);
    JsonNode usage = response.path("usage");
    long input = number(usage, "input_tokens");
    long cacheRead = number(usage, "cache_read_input_tokens");
    long cacheWrite = number(usage, "cache_creation_input_tokens");
    if (input >= 0) {
      call.inputTokens(input + Math.max(0, cacheRead) + Math.max(0, cacheWrite));
    }
    long write1h = number(usage.path("cache_creation"), "ephemeral_1h_input_tokens");
    return call.outputTokens(number(usage, "output_tokens"))
        .cachedInputTokens(cacheRead)
        .cacheWriteInputTokens(cacheWrite)
        .cacheWrite1hInputTokens(cacheWrite >= 0 ? Math.max(0, write1h) : -1)
        .finishReason(text(response, "stop_reason"));
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("LLM response body is empty");
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("LLM response body is not JSON (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
          + e.getOriginalMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.canConvertToLong() ? value.asLong() : -1;
  }
}
