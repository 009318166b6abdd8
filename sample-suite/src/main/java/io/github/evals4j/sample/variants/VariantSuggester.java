package io.github.evals4j.sample.variants;

import io.github.evals4j.sample.llm.ChatClient;
import io.github.evals4j.sample.prompt.PromptTemplate;
import io.github.evals4j.sample.prompt.PromptedTask;

/**
 * Suggests A/B test variants for an experiment.
 *
 * <p>Useful suggestions are specific (which element, what copy, which number, what to measure);
 * "make the button more engaging" is not. The tests score specificity.
 *
 * <pre>{@code
 * String ideas = new VariantSuggester(client, "gpt-4o-mini", "v2").suggest(context);
 * }</pre>
 */
public final class VariantSuggester {

  /** The prompt id, the folder under {@code prompts/}. */
  public static final String PROMPT_ID = "variant-suggestions";

  private final PromptedTask task;

  /** A suggester asking {@code model} with prompt version {@code version}. */
  public VariantSuggester(ChatClient client, String model, String version) {
    this.task = new PromptedTask(client, model, PromptTemplate.load(PROMPT_ID, version));
  }

  /** The model's variant ideas for {@code context}. */
  public String suggest(ExperimentContext context) {
    return task.complete(context.values()).text();
  }
}
