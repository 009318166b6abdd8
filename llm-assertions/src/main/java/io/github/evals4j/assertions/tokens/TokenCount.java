package io.github.evals4j.assertions.tokens;

/**
 * A token count and how it was obtained.
 *
 * <pre>{@code
 * TokenCount n = TokenCounter.forModel("gpt-4o").count("Hello, world!"); // 4 tokens
 * }</pre>
 *
 * @param tokens the number of tokens
 * @param encoding the tiktoken encoding used, e.g. {@code o200k_base}
 * @param model the model asked for, or {@code null} when counted by encoding
 * @param approximate whether the model's own tokenizer was not available (see {@link
 *     TokenCounter#approximate(String)})
 */
public record TokenCount(int tokens, String encoding, String model, boolean approximate) {

  /** {@code 42 tokens (o200k_base for gpt-4o)} or {@code ≈42 tokens (approximation …)}. */
  @Override
  public String toString() {
    return (approximate ? "\u2248" : "") + tokens + (tokens == 1 ? " token" : " tokens") + " ("
        + encoding + (model == null ? "" : approximate ? ", approximation for " + model
            : " for " + model) + ")";
  }
}
