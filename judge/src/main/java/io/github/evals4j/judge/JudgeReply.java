package io.github.evals4j.judge;

import java.util.Objects;

/**
 * A judge model's raw reply.
 *
 * @param text the message content (expected to be JSON), never null
 * @param refusal the model's refusal text when it declined to answer (OpenAI {@code
 *     message.refusal}), else {@code null}
 * @param model the model that answered
 */
public record JudgeReply(String text, String refusal, String model) {

  public JudgeReply {
    text = Objects.requireNonNullElse(text, "");
    model = Objects.requireNonNullElse(model, "unknown");
  }

  /** A plain text reply of {@code model}. */
  public static JudgeReply of(String text, String model) {
    return new JudgeReply(text, null, model);
  }
}
