package io.github.evals4j.junit;

import io.github.evals4j.check.Check;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.check.Direction;
import io.github.evals4j.check.Evidence;
import io.github.evals4j.assertions.Checks;
import io.github.evals4j.junit.prompt.Prompt;
import io.github.evals4j.junit.prompt.Prompts;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.recording.Recording;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evaluations that fail without failing their test, run by the tests, never on their own. */
final class EvalFixtures {

  private EvalFixtures() {}

  static Check check(String name, boolean passes) {
    return Check.of(name, out -> CheckResult.of(name, passes, List.of(),
        passes ? "" : name + " rejected '" + out + "'"));
  }

  /** One prompt version, one case per method; the checks never throw. */
  @Evals4j
  @Prompt(id = "summarize", version = "v2", model = "gpt-4o-mini")
  static class Cases {
    @Test
    void failingCase() {
      Prompts.evalCase("c-fail");
      Checks.evaluate(check("answer.correct", true), "a summary");
      Checks.evaluate(check("grounded", false), "a summary");
    }

    @Test
    void passingCase() {
      Prompts.evalCase("c-pass");
      Checks.evaluate(check("answer.correct", true), "a summary");
    }

    /** Only an informational check fails (configured by the test). */
    @Test
    void informationalFailure() {
      Prompts.evalCase("c-tone");
      Checks.evaluate(check("answer.correct", true), "a summary");
      Checks.evaluate(check("tone", false), "a summary");
    }

    @Test
    void assertionFails() {
      Prompts.evalCase("c-assert");
      throw new AssertionError("expected a shorter summary");
    }

    @Test
    void applicationThrows() {
      Prompts.evalCase("c-error");
      throw new IllegalStateException("the model endpoint is down");
    }
  }

  /** Rubrics whose judge could not grade the output (a judge error: neither pass nor fail). */
  @Evals4j
  @Prompt(id = "summarize", version = "v2")
  static class JudgeErrors {
    @Test
    void judgeErrorOnly() {
      Prompts.evalCase("c-judge");
      Checks.evaluate(check("answer.correct", true), "a summary");
      Recording.check(judgeError("helpfulness"));
    }

    /** The judge error of an informational rubric (configured by the test). */
    @Test
    void informationalJudgeError() {
      Prompts.evalCase("c-judge-tone");
      Recording.check(judgeError("tone"));
    }

    @Test
    void judgeErrorAndFailure() {
      Prompts.evalCase("c-judge-fail");
      Checks.evaluate(check("grounded", false), "a summary");
      Recording.check(judgeError("helpfulness"));
    }

    private static CheckResult judgeError(String rubric) {
      return new CheckResult(rubric + ".judge-error", false, Double.NaN, Double.NaN,
          Direction.AT_LEAST, List.of(new Evidence(0, 0, "", "judge-error", "malformed verdict")),
          rubric + ": the judge's reply was not valid JSON");
    }
  }

  /** Tests without a prompt. */
  @Evals4j
  static class NoPrompt {
    @Test
    void plain() {
      Recording.llmCall(LlmCall.builder("openai", "gpt-4o-mini").inputTokens(10).outputTokens(5)
          .latency(Duration.ofMillis(20)).build());
    }

    @Test
    void checksOnly() {
      Checks.evaluate(check("json.valid", false), "{");
    }

    @Test
    void givenCase() {
      Prompts.evalCase("c-7");
      Checks.evaluate(check("answer.correct", true), "ok");
    }
  }
}
