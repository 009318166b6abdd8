package io.github.evals4j.sample.llm;

/**
 * Sends one chat completion request and returns the model's answer.
 *
 * <p>The application depends on this interface only, so the HTTP client ({@link OpenAiChatClient})
 * can be swapped for another provider's SDK, a cache or a test double.
 *
 * <pre>{@code
 * ChatClient client = OpenAiChatClient.fromEnvironment();
 * ChatResponse answer = client.complete(ChatRequest.of("gpt-4o-mini",
 *     ChatMessage.system("Answer in one word."), ChatMessage.user("Capital of France?")));
 * }</pre>
 */
@FunctionalInterface
public interface ChatClient {

  /**
   * Completes {@code request}.
   *
   * @throws LlmException when the call fails after the client's retries, or its answer is unreadable
   */
  ChatResponse complete(ChatRequest request);
}
