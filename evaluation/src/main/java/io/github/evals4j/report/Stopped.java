package io.github.evals4j.report;

import io.github.evals4j.prompt.PromptRef;
import java.util.Objects;

/**
 * A prompt version whose remaining test invocations were skipped, and why: its pass-rate verdict
 * was settled early or its cost or time budget was spent.
 *
 * @param prompt the prompt version
 * @param skipped how many invocations were skipped
 * @param reason why, e.g. {@code stopped early: pass rate settled above 0.90 (p<0.001) ...} or
 *     {@code budget spent: $0.10 of $0.10}
 */
public record Stopped(PromptRef prompt, long skipped, String reason) {

  public Stopped {
    Objects.requireNonNull(prompt, "prompt");
    reason = Objects.requireNonNullElse(reason, "");
  }
}
