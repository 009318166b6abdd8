package io.github.evals4j.sample.logs;

import io.github.evals4j.sample.llm.ChatClient;
import io.github.evals4j.sample.prompt.PromptTemplate;
import io.github.evals4j.sample.prompt.PromptedTask;

/**
 * Summarises a log excerpt for an incident channel: what failed, since when, how often, likely
 * cause.
 *
 * <p>Every number, timestamp, error code and service name in the summary must come from the log;
 * the tests check that (an invented "about 40 % of requests" is a hallucination).
 *
 * <pre>{@code
 * String summary = new LogAnalyzer(client, "gpt-4o-mini", "v2").summarize(excerpt);
 * }</pre>
 */
public final class LogAnalyzer {

  /** The prompt id, the folder under {@code prompts/}. */
  public static final String PROMPT_ID = "log-analysis";

  private final PromptedTask task;

  /** An analyzer asking {@code model} with prompt version {@code version}. */
  public LogAnalyzer(ChatClient client, String model, String version) {
    this.task = new PromptedTask(client, model, PromptTemplate.load(PROMPT_ID, version));
  }

  /** The model's summary of {@code excerpt}. */
  public String summarize(LogExcerpt excerpt) {
    return task.complete(excerpt.values()).text();
  }
}
