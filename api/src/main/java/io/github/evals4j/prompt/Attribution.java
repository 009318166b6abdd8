package io.github.evals4j.prompt;

/**
 * Where a check result or an LLM call belongs: the prompt version, the dataset case and which
 * repeat of that case.
 *
 * <pre>{@code
 * Attribution a = new Attribution(new PromptRef("summarize", "v2", "gpt-4o-mini"), "case-17", 0);
 * }</pre>
 *
 * @param prompt the prompt version and model
 * @param caseId the case's id in its dataset (or the test's display name when there is none)
 * @param repeat the 0-based repeat index of this case
 */
public record Attribution(PromptRef prompt, String caseId, int repeat) {

  public Attribution {
    prompt = prompt == null ? new PromptRef(null, null, null) : prompt;
    caseId = caseId == null || caseId.isBlank() ? PromptRef.UNSET : caseId;
    if (repeat < 0) {
      throw new IllegalArgumentException("repeat must be >= 0: " + repeat);
    }
  }

  /** The first (or only) run of {@code caseId}. */
  public static Attribution of(PromptRef prompt, String caseId) {
    return new Attribution(prompt, caseId, 0);
  }
}
