package io.github.evals4j.sample.llm;

import java.util.Map;
import java.util.Optional;

/**
 * Where the application's LLM lives, read from the environment.
 *
 * <ul>
 *   <li>{@code LLM_BASE_URL}: the OpenAI-compatible API root, e.g. {@code https://api.openai.com/v1}
 *       or {@code http://localhost:11434/v1} (Ollama); {@code /chat/completions} is appended;
 *   <li>{@code LLM_API_KEY}: sent as a bearer token; may be empty for local servers;
 *   <li>{@code LLM_MODEL}: the model to ask, e.g. {@code gpt-4o-mini}.
 * </ul>
 *
 * <pre>{@code
 * Optional<LlmConfig> live = LlmConfig.fromEnvironment();
 * }</pre>
 *
 * @param baseUrl the API root without a trailing slash
 * @param apiKey the key, empty when none
 * @param model the model name
 */
public record LlmConfig(String baseUrl, String apiKey, String model) {

  /** Environment variable naming the API root. */
  public static final String BASE_URL = "LLM_BASE_URL";
  /** Environment variable holding the API key. */
  public static final String API_KEY = "LLM_API_KEY";
  /** Environment variable naming the model. */
  public static final String MODEL = "LLM_MODEL";

  public LlmConfig {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException(BASE_URL + " must be set to an OpenAI-compatible API root");
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException(MODEL + " must be set when " + BASE_URL + " is");
    }
    baseUrl = baseUrl.strip().replaceAll("/+$", "");
    apiKey = apiKey == null ? "" : apiKey.strip();
    model = model.strip();
  }

  /** The configuration from the process environment; empty when {@code LLM_BASE_URL} is unset. */
  public static Optional<LlmConfig> fromEnvironment() {
    return from(System.getenv());
  }

  /**
   * The configuration from {@code env}; empty when {@code LLM_BASE_URL} is unset or blank.
   *
   * @throws IllegalArgumentException when the base URL is set but the model is not
   */
  public static Optional<LlmConfig> from(Map<String, String> env) {
    String baseUrl = env.get(BASE_URL);
    if (baseUrl == null || baseUrl.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new LlmConfig(baseUrl, env.get(API_KEY), env.get(MODEL)));
  }

  @Override
  public String toString() {
    // Never print the key.
    return "LlmConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
        + (apiKey.isEmpty() ? "none" : "***") + "]";
  }
}
