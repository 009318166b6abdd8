package io.github.evals4j.sample.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chat completion request.
 *
 * <p>{@code tags} travel as HTTP headers ({@code X-Prompt-Id: feature-extraction}), never in the
 * body, so they do not change what the model sees; recorded fixtures and proxies can match on them.
 *
 * @param model the model name, e.g. {@code gpt-4o-mini}
 * @param messages the conversation, system message first
 * @param temperature sampling temperature, {@code null} for the provider's default
 * @param maxTokens the completion token limit, {@code null} for none
 * @param tags request metadata sent as {@code X-<Name>} headers (ASCII names and values)
 */
public record ChatRequest(
    String model,
    List<ChatMessage> messages,
    Double temperature,
    Integer maxTokens,
    Map<String, String> tags) {

  public ChatRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a chat request needs at least one message");
    }
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    tags.forEach((name, value) -> {
      // Tags become HTTP headers: a CR/LF or non-ASCII character would be rejected or smuggled.
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9-]{0,63}") || !value.matches("[\\x20-\\x7E]{0,256}")) {
        throw new IllegalArgumentException("tag " + name + "=" + value
            + " is not a valid header: names are letters, digits and '-', values printable ASCII");
      }
    });
  }

  /** A request with default sampling, no token limit and no tags. */
  public static ChatRequest of(String model, ChatMessage... messages) {
    return new ChatRequest(model, List.of(messages), null, null, Map.of());
  }
}
