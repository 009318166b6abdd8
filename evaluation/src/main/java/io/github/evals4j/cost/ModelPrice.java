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
 * @param cacheWritePerMillion USD per million input tokens written to a prompt cache with the
 *     provider's default lifetime (Anthropic: 5 minutes, 1.25 × input), empty when writing costs
 *     the input price
 * @param cacheWrite1hPerMillion USD per million input tokens written to a prompt cache for 1 hour
 *     (Anthropic: 2 × input), empty when the same as {@code cacheWritePerMillion}
 */
public record ModelPrice(
    String model,
    String provider,
    double inputPerMillion,
    OptionalDouble cachedInputPerMillion,
    double outputPerMillion,
    OptionalDouble cacheWritePerMillion,
    OptionalDouble cacheWrite1hPerMillion) {

  public ModelPrice {
    cachedInputPerMillion =
        cachedInputPerMillion == null ? OptionalDouble.empty() : cachedInputPerMillion;
    cacheWritePerMillion = cacheWritePerMillion == null ? OptionalDouble.empty() : cacheWritePerMillion;
    cacheWrite1hPerMillion = cacheWrite1hPerMillion == null ? OptionalDouble.empty() : cacheWrite1hPerMillion;
    if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0) || negative(cachedInputPerMillion)
        || negative(cacheWritePerMillion) || negative(cacheWrite1hPerMillion)) {
      throw new IllegalArgumentException("prices must be >= 0 for model " + model);
    }
  }

  /** A price without cache-write surcharge. */
  public ModelPrice(
      String model, String provider, double inputPerMillion, OptionalDouble cachedInputPerMillion,
      double outputPerMillion) {
    this(model, provider, inputPerMillion, cachedInputPerMillion, outputPerMillion,
        OptionalDouble.empty(), OptionalDouble.empty());
  }

  /**
   * The cost in USD of a call; {@code inputTokens} includes the {@code cachedInputTokens} (as
   * OpenAI and Gemini report them), which are charged at the cached price.
   */
  public double costUsd(long inputTokens, long cachedInputTokens, long outputTokens) {
    return costUsd(inputTokens, cachedInputTokens, 0, 0, outputTokens);
  }

  /**
   * The cost in USD of a call whose {@code inputTokens} include {@code cachedInputTokens} read from
   * a prompt cache and {@code cacheWriteTokens} written to it, {@code cacheWrite1hTokens} of
   * which with a 1-hour lifetime; each part is charged at its own price.
   */
  public double costUsd(
      long inputTokens, long cachedInputTokens, long cacheWriteTokens, long cacheWrite1hTokens,
      long outputTokens) {
    long cached = clamp(cachedInputTokens, inputTokens);
    long written = clamp(cacheWriteTokens, inputTokens - cached);
    long written1h = clamp(cacheWrite1hTokens, written);
    double cachedPrice = cachedInputPerMillion.orElse(inputPerMillion);
    double writePrice = cacheWritePerMillion.orElse(inputPerMillion);
    double write1hPrice = cacheWrite1hPerMillion.orElse(writePrice);
    return ((inputTokens - cached - written) * inputPerMillion
            + cached * cachedPrice
            + (written - written1h) * writePrice
            + written1h * write1hPrice
            + outputTokens * outputPerMillion)
        / 1_000_000.0;
  }

  private static long clamp(long value, long max) {
    return Math.max(0, Math.min(value, max));
  }

  private static boolean negative(OptionalDouble price) {
    return price.isPresent() && !(price.getAsDouble() >= 0);
  }
}
