package io.github.evals4j.sample.features;

import io.github.evals4j.sample.llm.ChatClient;
import io.github.evals4j.sample.prompt.PromptTemplate;
import io.github.evals4j.sample.prompt.PromptedTask;

/**
 * Turns a product page description into a JSON list of features, which the team feeds into its
 * experiment backlog.
 *
 * <p>The answer should be a JSON object {@code {"product": ..., "features": [{"name", "category",
 * "evidence"}]}}; whether it is, is what the tests check (v1 of the prompt often wraps or breaks
 * the JSON).
 *
 * <pre>{@code
 * String json = new FeatureExtractor(client, "gpt-4o-mini", "v2")
 *     .extract(new ProductPage("fe-01", "Acme Kettle", description));
 * }</pre>
 */
public final class FeatureExtractor {

  /** The prompt id, the folder under {@code prompts/}. */
  public static final String PROMPT_ID = "feature-extraction";

  private final PromptedTask task;

  /** An extractor asking {@code model} with prompt version {@code version}. */
  public FeatureExtractor(ChatClient client, String model, String version) {
    this.task = new PromptedTask(client, model, PromptTemplate.load(PROMPT_ID, version));
  }

  /** The model's answer for {@code page}: a JSON document if the prompt works. */
  public String extract(ProductPage page) {
    return task.complete(page.values()).text();
  }
}
