package io.github.evals4j.sample.browsertest;

import io.github.evals4j.sample.llm.ChatClient;
import io.github.evals4j.sample.prompt.PromptTemplate;
import io.github.evals4j.sample.prompt.PromptedTask;

/**
 * Writes a browser test for a feature as JSON steps ({@code goto}, {@code click}, {@code fill},
 * {@code expectVisible}, {@code expectText}) with CSS selectors, for a Playwright/Selenium runner.
 *
 * <p>A selector the page does not have makes the generated test fail for the wrong reason; the
 * tests check every selector against the given HTML.
 *
 * <pre>{@code
 * String steps = new BrowserTestGenerator(client, "gpt-4o-mini", "v2").generate(page);
 * }</pre>
 */
public final class BrowserTestGenerator {

  /** The prompt id, the folder under {@code prompts/}. */
  public static final String PROMPT_ID = "browser-test";

  private final PromptedTask task;

  /** A generator asking {@code model} with prompt version {@code version}. */
  public BrowserTestGenerator(ChatClient client, String model, String version) {
    this.task = new PromptedTask(client, model, PromptTemplate.load(PROMPT_ID, version));
  }

  /** The model's answer for {@code page}: JSON steps if the prompt works. */
  public String generate(PageUnderTest page) {
    return task.complete(page.values()).text();
  }
}
