package io.github.evals4j.sample.llm;

import java.util.Objects;

/**
 * One message of a chat conversation.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the message text
 */
public record ChatMessage(String role, String content) {

  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  /** A system message: the instructions. */
  public static ChatMessage system(String content) {
    return new ChatMessage("system", content);
  }

  /** A user message: the input. */
  public static ChatMessage user(String content) {
    return new ChatMessage("user", content);
  }
}
