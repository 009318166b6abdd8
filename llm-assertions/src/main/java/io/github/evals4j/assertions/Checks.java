package io.github.evals4j.assertions;

import io.github.evals4j.recording.Recording;

/**
 * The built-in checks, as values: evaluate them without throwing ({@code
 * Checks.validJson().evaluate(output)}) or assert with them ({@code assertThat(output).passes(..)}).
 */
public final class Checks {

  private Checks() {}

  /**
   * Evaluates {@code check} on {@code output}, reports the result to the recording hook, and turns
   * a check that throws into a failed result instead of losing it.
   */
  public static CheckResult evaluate(Check check, String output) {
    CheckResult result;
    try {
      result = check.evaluate(output);
      if (result == null) {
        result = CheckResult.of(check.name(), false, java.util.List.of(),
            "check " + check.name() + " returned no result");
      }
    } catch (RuntimeException | StackOverflowError e) {
      result = CheckResult.of(check.name(), false, java.util.List.of(),
          "check " + check.name() + " threw " + e);
    }
    Recording.check(result);
    return result;
  }

  // ---- json ----

  // ---- end json ----

  // ---- length and tokens ----

  // ---- end length and tokens ----

  // ---- specificity ----

  // ---- end specificity ----

  // ---- grounding ----

  // ---- end grounding ----

  // ---- content ----

  // ---- end content ----
}
