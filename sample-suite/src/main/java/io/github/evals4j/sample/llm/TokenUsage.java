package io.github.evals4j.sample.llm;

/**
 * The {@code usage} block of an OpenAI-compatible response. Counts are {@code -1} when the
 * provider did not send them (many local servers omit the details).
 *
 * @param promptTokens input tokens
 * @param completionTokens output tokens (reasoning tokens included)
 * @param cachedTokens input tokens served from the provider's prompt cache
 * @param reasoningTokens output tokens spent on hidden reasoning
 */
public record TokenUsage(
    long promptTokens, long completionTokens, long cachedTokens, long reasoningTokens) {

  /** Usage the provider did not report. */
  public static final TokenUsage UNKNOWN = new TokenUsage(-1, -1, -1, -1);
}
