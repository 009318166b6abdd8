package io.github.evals4j.sample.prompt;

import io.github.evals4j.sample.llm.ChatClient;
import io.github.evals4j.sample.llm.ChatRequest;
import io.github.evals4j.sample.llm.ChatResponse;
import java.util.Map;
import java.util.Objects;

/**
 * One LLM task of the application: a model, a prompt version and the client that asks it.
 *
 * <p>The request carries the prompt id and version as tags ({@code X-Prompt-Id},
 * {@code X-Prompt-Version} headers), so a recording proxy or a fixture server can tell versions
 * apart without anything in the prompt text.
 *
 * <pre>{@code
 * PromptedTask task = new PromptedTask(client, "gpt-4o-mini", PromptTemplate.load("log-analysis", "v2"));
 * String summary = task.complete(Map.of("reference", "la-01", "log", excerpt)).text();
 * }</pre>
 */
public final class PromptedTask {

  /** Deterministic-leaning sampling: the tasks want precise answers, not creativity. */
  private static final double TEMPERATURE = 0.2;

  private final ChatClient client;
  private final String model;
  private final PromptTemplate template;
  private final int maxTokens;

  /** A task asking {@code model} through {@code client} with {@code template}, 1,024 tokens max. */
  public PromptedTask(ChatClient client, String model, PromptTemplate template) {
    this(client, model, template, 1024);
  }

  /** A task with its own completion token limit. */
  public PromptedTask(ChatClient client, String model, PromptTemplate template, int maxTokens) {
    this.client = Objects.requireNonNull(client, "client");
    this.model = Objects.requireNonNull(model, "model");
    this.template = Objects.requireNonNull(template, "template");
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
    }
    this.maxTokens = maxTokens;
  }

  /** The prompt this task uses. */
  public PromptTemplate template() {
    return template;
  }

  /** The model this task asks. */
  public String model() {
    return model;
  }

  /** Renders the prompt with {@code values} and asks the model. */
  public ChatResponse complete(Map<String, String> values) {
    return client.complete(request(values));
  }

  /** The request {@link #complete} would send; fixture generators use it too. */
  public ChatRequest request(Map<String, String> values) {
    return new ChatRequest(model, template.render(values), TEMPERATURE, maxTokens,
        Map.of("Prompt-Id", template.id(), "Prompt-Version", template.version()));
  }
}
