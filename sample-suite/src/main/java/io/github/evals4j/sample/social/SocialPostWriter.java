package io.github.evals4j.sample.social;

import io.github.evals4j.sample.llm.ChatClient;
import io.github.evals4j.sample.prompt.PromptTemplate;
import io.github.evals4j.sample.prompt.PromptedTask;
import java.util.Objects;

/**
 * Writes a launch post for X or LinkedIn from a brief.
 *
 * <p>An X post must fit 280 characters as X counts them, with 1 to 3 hashtags; a LinkedIn post has
 * a length range; neither may contain placeholders like {@code [insert link]} or a refusal. The
 * tests check all of that.
 *
 * <pre>{@code
 * String post = new SocialPostWriter(client, "gpt-4o-mini", "v2").write(brief, Platform.X);
 * }</pre>
 */
public final class SocialPostWriter {

  /** The prompt id, the folder under {@code prompts/}. */
  public static final String PROMPT_ID = "social-post";

  private final PromptedTask task;

  /** A writer asking {@code model} with prompt version {@code version}. */
  public SocialPostWriter(ChatClient client, String model, String version) {
    this.task = new PromptedTask(client, model, PromptTemplate.load(PROMPT_ID, version), 600);
  }

  /** The model's post for {@code brief} on {@code platform}. */
  public String write(PostBrief brief, Platform platform) {
    Objects.requireNonNull(platform, "platform");
    return task.complete(brief.values(platform)).text();
  }
}
