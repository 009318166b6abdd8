package io.github.evals4j.cost;

import java.util.OptionalDouble;

/**
 * The list price of one model in USD per million tokens.
 *
 * <pre>{@code
 * ModelPrice p = new ModelPrice("gpt-4o-mini", "openai", 0.15, OptionalDouble.of(0.075), 0.60);
 * double usd = p.costUsd(812, 0, 164); // 0.0002202
 * }</pre>
 *
 * @param model the model name as the table knows it (lower case, no snapshot date)
 * @param provider the provider, e.g. {@code openai}
 * @param inputPerMillion USD per million input tokens
 * @param cachedInputPerMillion USD per million input tokens served from a prompt cache, empty when
 *     the provider has no separate price (the input price applies)
 * @param outputPerMillion USD per million output tokens (reasoning tokens included)
 */
public record ModelPrice(
    String model,
    String provider,
    double inputPerMillion,
    OptionalDouble cachedInputPerMillion,
    double outputPerMillion) {

  public ModelPrice {
    cachedInputPerMillion =
        cachedInputPerMillion == null ? OptionalDouble.empty() : cachedInputPerMillion;
    if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0)
        || (cachedInputPerMillion.isPresent() && !(cachedInputPerMillion.getAsDouble() >= 0))) {
      throw new IllegalArgumentException("prices must be >= 0 for model " + model);
    }
  }

  /**
   * The cost in USD of a call; {@code inputTokens} includes the {@code cachedInputTokens} (as
   * OpenAI and Gemini report them), which are charged at the cached price.
   */
  public double costUsd(long inputTokens, long cachedInputTokens, long outputTokens) {
    long cached = Math.max(0, Math.min(cachedInputTokens, inputTokens));
    double cachedPrice = cachedInputPerMillion.orElse(inputPerMillion);
    return ((inputTokens - cached) * inputPerMillion
            + cached * cachedPrice
            + outputTokens * outputPerMillion)
        / 1_000_000.0;
  }
}
