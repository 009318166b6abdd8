package io.github.evals4j.sample.incidents;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import java.util.Map;

/** Builds the {@link IncidentAgent} with one of its prompt versions. */
public final class IncidentAgents {

  /** The prompt id of the agent's system prompt. */
  public static final String PROMPT_ID = "incident-agent";

  /** v1 lets the model stop at the deployment; v2 asks for the error rate too. */
  static final Map<String, String> PROMPTS = Map.of(
      "v1", "You investigate production incidents. Use the tools to find what changed, then"
          + " answer in at most three sentences.",
      "v2", "You investigate production incidents. Always look up the service's last deployment"
          + " and query its error_rate before concluding, then answer in at most three"
          + " sentences: what changed, what the metric shows, what to do.");

  private IncidentAgents() {}

  /** The agent over {@code model} with prompt {@code version} ({@code v1} or {@code v2}). */
  public static IncidentAgent create(ChatModel model, IncidentTools tools, String version) {
    String prompt = PROMPTS.get(version);
    if (prompt == null) {
      throw new IllegalArgumentException("unknown prompt version " + version + ", known: "
          + PROMPTS.keySet());
    }
    return AiServices.builder(IncidentAgent.class)
        .chatModel(model)
        .tools(tools)
        .systemMessageProvider(memoryId -> prompt)
        .build();
  }
}
