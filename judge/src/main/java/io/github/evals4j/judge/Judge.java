package io.github.evals4j.judge;

/**
 * An LLM that grades outputs: one request in, the model's raw reply (text, usually JSON) and usage
 * out. The checks of {@link JudgeChecks} build the request, validate the reply and turn anything
 * they cannot trust into a judge error; a {@code Judge} only has to talk to its model.
 *
 * <p>{@link OpenAiJudge} talks to any OpenAI-compatible endpoint, records every call as a judge
 * call and goes through the record/replay store. Your own implementation should do the same; it
 * throws {@link JudgeException} when the model could not be asked (timeout, HTTP error).
 *
 * <pre>{@code
 * Judge judge = OpenAiJudge.fromEnvironment();   // EVALS4J_JUDGE_BASE_URL, _API_KEY, _MODEL
 * CheckResult r = JudgeChecks.rubric(judge, "Is the answer polite and specific?").evaluate(answer);
 * }</pre>
 */
@FunctionalInterface
public interface Judge {

  /**
   * Asks the judge model.
   *
   * @throws JudgeException when no reply could be obtained (timeout, HTTP error, retries spent)
   */
  JudgeReply ask(JudgeRequest request);
}
