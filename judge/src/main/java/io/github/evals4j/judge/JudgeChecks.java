package io.github.evals4j.judge;

import java.util.List;
import java.util.Objects;

/**
 * Model-graded checks: an LLM judge scores what deterministic checks cannot (tone, helpfulness,
 * faithfulness to sources, whether the question was answered). Every result is a {@link
 * io.github.evals4j.check.CheckResult} with score, threshold and the judge's reason as evidence;
 * a reply that cannot be trusted is a {@linkplain JudgeErrors judge error}, counted apart.
 *
 * <pre>{@code
 * Judge judge = OpenAiJudge.fromEnvironment();
 * CheckResult polite = JudgeChecks.rubric(judge, "Polite, and names a concrete next step").evaluate(answer);
 * CheckResult faithful = JudgeChecks.faithfulness(judge, policyText).evaluate(answer);
 * }</pre>
 */
public final class JudgeChecks {

  private JudgeChecks() {}

  /** {@code rubric}: {@code criteria} in plain words, scored 1–10, passing at 7. */
  public static RubricCheck rubric(Judge judge, String criteria) {
    return new RubricCheck(judge, "rubric", criteria, List.of(), null, 1, 10, 7, 1);
  }

  /**
   * {@code faithfulness}: every claim of the output is supported by {@code sources} (scored 1–10,
   * passing at 8); the judge quotes the unsupported claims, located in the output as evidence.
   */
  public static RubricCheck faithfulness(Judge judge, String... sources) {
    Objects.requireNonNull(sources, "sources");
    StringBuilder context = new StringBuilder("SOURCES:");
    for (int i = 0; i < sources.length; i++) {
      context.append("\n[").append(i + 1).append("] ").append(Objects.requireNonNull(sources[i]));
    }
    return new RubricCheck(judge, "faithfulness",
        "Every factual claim of the OUTPUT is supported by the SOURCES. 10: all claims supported; "
            + "1: mostly unsupported or contradicted. Quote each unsupported claim exactly.",
        List.of(), context.toString(), 1, 10, 8, 1);
  }

  /**
   * {@code answers-question}: the output answers {@code question} directly and completely
   * (scored 1–10, passing at 7).
   */
  public static RubricCheck answersQuestion(Judge judge, String question) {
    Objects.requireNonNull(question, "question");
    return new RubricCheck(judge, "answers-question",
        "The OUTPUT directly and completely answers the QUESTION. 10: a direct, complete answer; "
            + "1: ignores or evades the question. Quote the sentence that answers it, if any.",
        List.of(), "QUESTION:\n" + question, 1, 10, 7, 1);
  }

  /** Pairwise preference on {@code criteria}, judged in both orders. */
  public static PairwiseCheck pairwise(Judge judge, String criteria) {
    return new PairwiseCheck(judge, criteria);
  }
}
