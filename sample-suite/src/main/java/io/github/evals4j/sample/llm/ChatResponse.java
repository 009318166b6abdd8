package io.github.evals4j.sample.llm;

import java.util.Objects;

/**
 * The first choice of a chat completion, with what the provider said about it.
 *
 * @param content the answer text, {@code null} when the model refused through the
 *     {@code refusal} field
 * @param refusal the model's refusal text when it used the {@code refusal} field, else {@code null}
 * @param finishReason why generation stopped ({@code stop}, {@code length}, ...), may be null
 * @param model the model that answered, as the provider names it
 * @param usage token usage
 * @param replayed whether a recording server replayed this answer (header {@code X-Evals4j-Replay})
 */
public record ChatResponse(
    String content,
    String refusal,
    String finishReason,
    String model,
    TokenUsage usage,
    boolean replayed) {

  public ChatResponse {
    usage = Objects.requireNonNullElse(usage, TokenUsage.UNKNOWN);
  }

  /** What the user would see: the content, else the refusal, else an empty string. */
  public String text() {
    if (content != null) {
      return content;
    }
    return refusal != null ? refusal : "";
  }
}
