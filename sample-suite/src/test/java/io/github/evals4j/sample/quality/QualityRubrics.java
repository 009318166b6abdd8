package io.github.evals4j.sample.quality;

import io.github.evals4j.assertions.Checks;
import io.github.evals4j.check.CheckResult;
import io.github.evals4j.judge.JudgeChecks;
import io.github.evals4j.judge.RubricCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quality rubric of each of the five tasks: what a person would look for, in plain words
 * plus evaluation steps, scored 1–10 by the {@linkplain SampleJudge sample's judge}, passing at 7.
 * Each rubric is named {@code quality.<prompt id>}; it is informational in the sample
 * ({@code evals4j.checks.informational}): the report shows its quality score per task and prompt
 * version, while pass rates stay those of the deterministic checks.
 */
public final class QualityRubrics {

  /** The rubric name of a task: {@code quality.<prompt id>}. */
  public static String name(String promptId) {
    return "quality." + promptId;
  }

  /** Criteria and steps per prompt id. */
  static final Map<String, List<String>> CRITERIA = Map.of(
      "social-post", List.of("Task social-post. A publishable post: it announces the brief's news"
          + " with its key facts, speaks to the stated audience, fits the platform's tone, ends"
          + " with a clear call to action and invents nothing.",
          "List the key facts of the post.", "Check tone and call to action.", "Score."),
      "log-analysis", List.of("Task log-analysis. An incident summary an on-call engineer can act"
          + " on: what happened, the impact, the likely cause and the next step, with every number"
          + " and identifier taken from the log.",
          "Find what happened and its impact.", "Check each number against the log.", "Score."),
      "feature-extraction", List.of("Task feature-extraction. A feature list a product page would"
          + " show: each feature concrete and taken from the description, no marketing fluff, no"
          + " duplicates.",
          "List the features.", "Check each against the description.", "Score."),
      "variant-suggestions", List.of("Task variant-suggestions. A/B test variants a team can"
          + " build tomorrow: each names the element to change, the change and the expected effect"
          + " on the goal metric, specific to this page.",
          "List the variants.", "Check each for element, change and expected effect.", "Score."),
      "browser-test", List.of("Task browser-test. A complete browser test plan: it covers the"
          + " feature's main path and an error case, each step targets an element of the page,"
          + " and it ends with an assertion of the outcome.",
          "List the steps.", "Check coverage and the final assertion.", "Score."));

  private QualityRubrics() {}

  /** The rubric of {@code promptId}, judged by the sample's judge. */
  public static RubricCheck rubric(String promptId) {
    return rubric(promptId, SampleJudge.get());
  }

  /** The rubric of {@code promptId}, judged by {@code judge}. */
  public static RubricCheck rubric(String promptId, io.github.evals4j.judge.Judge judge) {
    List<String> c = CRITERIA.get(promptId);
    if (c == null) {
      throw new IllegalArgumentException("no quality rubric for prompt '" + promptId + "'");
    }
    return JudgeChecks.rubric(judge, c.get(0))
        .steps(c.subList(1, c.size()).toArray(String[]::new))
        .named(name(promptId));
  }

  /**
   * Grades {@code output} of a task with its rubric and records the result (the report's quality
   * score); nothing for a task without a rubric or a missing output.
   */
  public static Optional<CheckResult> grade(String promptId, String output) {
    if (output == null || !CRITERIA.containsKey(promptId)) {
      return Optional.empty();
    }
    return Optional.of(Checks.evaluate(rubric(promptId), output));
  }
}
