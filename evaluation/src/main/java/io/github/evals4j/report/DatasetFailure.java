package io.github.evals4j.report;

import io.github.evals4j.prompt.PromptRef;
import java.util.Objects;

/**
 * A test of a prompt version whose cases could not be loaded (a malformed or missing dataset, an
 * empty selection): none of its invocations ran, so the prompt version's figures are about fewer
 * cases than intended. Every report shows it, and the prompt version gets a failed
 * {@value #METRIC} gate, so it never passes {@code check}.
 *
 * <pre>{@code
 * new DatasetFailure(PromptRef.of("summarize", "v2"), "SummaryEvalTest.summaries",
 *     "malformed case at datasets/summaries.jsonl:7, column 31: Unexpected character");
 * }</pre>
 *
 * @param prompt the prompt version of the test ({@code -} parts when it is only known at run time)
 * @param test the test, {@code ClassName.method}
 * @param message why the cases could not be loaded (the file and line where it applies)
 */
public record DatasetFailure(PromptRef prompt, String test, String message) {

  /** The gate metric of a prompt version whose cases did not all load. */
  public static final String METRIC = "dataset";

  public DatasetFailure {
    Objects.requireNonNull(prompt, "prompt");
    test = Objects.requireNonNullElse(test, "");
    message = Objects.requireNonNullElse(message, "");
  }
}
